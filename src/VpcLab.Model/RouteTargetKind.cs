using VpcLab.Net;

namespace VpcLab.Model;

public enum RouteTargetKind
{
    Local,
    InternetGateway,
    EgressOnlyInternetGateway,
    NatGateway,
    NetworkInterface,
    Instance,
    VpcPeeringConnection,
    /// <summary>A gateway VPC endpoint (S3, DynamoDB), named by GatewayId=vpce-….</summary>
    GatewayEndpoint,
    /// <summary>A Gateway Load Balancer endpoint, named by VpcEndpointId.</summary>
    GatewayLoadBalancerEndpoint,
    TransitGateway,
    VirtualPrivateGateway,
}
