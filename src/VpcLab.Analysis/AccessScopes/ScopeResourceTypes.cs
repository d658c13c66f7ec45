using System.Collections.Immutable;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>The resource types a resource statement may name, and where (docs/semantics.md#naa-statements, from
/// https://docs.aws.amazon.com/vpc/latest/network-access-analyzer/resource-statement.html).</summary>
public static class ScopeResourceTypes
{
    public const string InternetGateway = "AWS::EC2::InternetGateway";
    public const string NetworkInterface = "AWS::EC2::NetworkInterface";
    public const string Instance = "AWS::EC2::Instance";
    public const string Subnet = "AWS::EC2::Subnet";
    public const string Vpc = "AWS::EC2::VPC";
    public const string SecurityGroup = "AWS::EC2::SecurityGroup";
    public const string NatGateway = "AWS::EC2::NatGateway";
    public const string VpcPeeringConnection = "AWS::EC2::VPCPeeringConnection";
    public const string VpcEndpoint = "AWS::EC2::VPCEndpoint";

    /// <summary>Types VpcLab answers as a source or destination.</summary>
    public static readonly ImmutableArray<string> Ends = [InternetGateway, NetworkInterface, Instance, Subnet, Vpc, SecurityGroup];

    /// <summary>Types VpcLab answers in ThroughResources (AWS: NAT gateways are "through only").</summary>
    public static readonly ImmutableArray<string> Through = [NatGateway, VpcPeeringConnection, VpcEndpoint];

    /// <summary>Types AWS accepts that VpcLab does not model or does not answer: refused by name, never ignored.</summary>
    public static readonly ImmutableArray<string> Unsupported =
    [
        "AWS::EC2::TransitGatewayAttachment", "AWS::EC2::TransitGateway", "AWS::EC2::VPCEndpointService", "AWS::EC2::VPNGateway",
        "AWS::EC2::VPNConnection", "AWS::ElasticLoadBalancing::LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "AWS::NetworkFirewall::Firewall", "AWS::ResourceGroups::Group",
    ];
}
