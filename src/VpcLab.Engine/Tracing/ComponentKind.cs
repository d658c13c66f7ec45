using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>The kinds of component a hop can name (AWS components, never synthetic routers).</summary>
public enum ComponentKind : byte
{
    NetworkInterface,
    Instance,
    SecurityGroup,
    NetworkAcl,
    RouteTable,
    Subnet,
    Vpc,
    InternetGateway,
    EgressOnlyInternetGateway,
    NatGateway,
    /// <summary>An address outside every VPC.</summary>
    Internet,
    /// <summary>The Amazon-provided DNS resolver (VPC base + 2, 169.254.169.253, fd00:ec2::253).</summary>
    AmazonDnsResolver,
    /// <summary>The instance metadata service (169.254.169.254, fd00:ec2::254).</summary>
    InstanceMetadataService,
    /// <summary>A VPC peering connection (pcx-…) between the source route table and the destination NACL.</summary>
    VpcPeeringConnection,
    /// <summary>A gateway VPC endpoint (vpce-…, S3 or DynamoDB): RA's "VPC gateway endpoint". No interface, no
    /// security group: a route to the service's prefix list leads to it.</summary>
    GatewayEndpoint,
    /// <summary>An AWS service (S3, DynamoDB) reached through a gateway endpoint; its id is the service name
    /// (com.amazonaws.REGION.s3).</summary>
    AwsService,
    /// <summary>An interface VPC endpoint (vpce-…, PrivateLink): it takes packets at its interfaces and hands them
    /// to its service (then an <see cref="AwsService"/> hop).</summary>
    InterfaceEndpoint,
    /// <summary>An S3 bucket whose policy decided a traced S3 request (its id is the bucket's ARN).</summary>
    S3Bucket,
    /// <summary>A Network Load Balancer (its id is the load balancer's ARN, its name the load balancer's name), met at
    /// one of its nodes.</summary>
    LoadBalancer,
}
