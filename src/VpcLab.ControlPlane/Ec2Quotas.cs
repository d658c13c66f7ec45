using System.Collections.Immutable;
using VpcLab.ControlPlane.Time;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The service quotas the control plane enforces (AWS: https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html;
/// docs/semantics.md#quota-units). <see cref="AwsDefaults"/> are AWS's default values; <see cref="Generous"/> is for generated worlds such as the 1,000-VPC benchmark.</summary>
public sealed record Ec2Quotas
{
    public int VpcsPerRegion { get; init; } = 5;
    public int Ipv4CidrBlocksPerVpc { get; init; } = 5;
    public int Ipv6CidrBlocksPerVpc { get; init; } = 5;
    public int SubnetsPerVpc { get; init; } = 200;
    public int InternetGatewaysPerRegion { get; init; } = 5;
    /// <summary>AWS: "You can attach only one egress-only internet gateway to a VPC at a time".</summary>
    public int EgressOnlyInternetGatewaysPerVpc { get; init; } = 1;
    public int EgressOnlyInternetGatewaysPerRegion { get; init; } = 5;
    public int NatGatewaysPerAvailabilityZone { get; init; } = 5;
    public int ElasticIpsPerRegion { get; init; } = 5;
    public int RouteTablesPerVpc { get; init; } = 200;
    /// <summary>Non-propagated routes per route table and family (AWS's current default 500, at most 1,000); a
    /// prefix list counts its weight (<see cref="QuotaUnits"/>).</summary>
    public int RoutesPerRouteTable { get; init; } = 500;
    public int SecurityGroupsPerRegion { get; init; } = 2500;
    /// <summary>Inbound, and apart outbound, rules per group, each family apart (<see cref="QuotaUnits"/>).</summary>
    public int RulesPerSecurityGroup { get; init; } = 60;
    public int SecurityGroupsPerNetworkInterface { get; init; } = 5;
    public int NetworkAclsPerVpc { get; init; } = 200;
    /// <summary>Rules per network ACL, per direction and family, the family's default deny rule included.</summary>
    public int NetworkAclRulesPerDirection { get; init; } = 20;
    public int NetworkInterfacesPerRegion { get; init; } = 5000;
    public int PrefixListsPerRegion { get; init; } = 100;
    public int TagsPerResource { get; init; } = TagRules.MaxTagsPerResource;

    /// <summary>Active VPC peering connections per VPC (AWS default 50, adjustable up to 125).</summary>
    public int ActiveVpcPeeringConnectionsPerVpc { get; init; } = 50;

    /// <summary>Outstanding (pending-acceptance) peering requests per account.</summary>
    public int OutstandingVpcPeeringConnectionRequests { get; init; } = 25;

    /// <summary>Flow logs per VPC, subnet or network interface (AWS default 25, not adjustable).</summary>
    public int FlowLogsPerResource { get; init; } = 25;

    /// <summary>Gateway VPC endpoints per Region per account (spec (d): 20).</summary>
    public int GatewayEndpointsPerRegion { get; init; } = 20;

    /// <summary>Interface (and GWLB) endpoints per VPC (spec "VPC endpoint API": 50).</summary>
    public int InterfaceEndpointsPerVpc { get; init; } = 50;

    public static readonly Ec2Quotas AwsDefaults = new();

    /// <summary>Raised quotas (<c>vpclab serve --generous-quotas</c>), as an account gets them through Service Quotas:
    /// VPCs per Region is adjustable with no documented maximum, and internet gateways per Region follow it
    /// (docs/semantics.md#generous-quotas).</summary>
    public static readonly Ec2Quotas Generous = new()
    {
        VpcsPerRegion = 20000,
        Ipv4CidrBlocksPerVpc = 50,
        Ipv6CidrBlocksPerVpc = 50,
        SubnetsPerVpc = 1000,
        InternetGatewaysPerRegion = 20000,
        EgressOnlyInternetGatewaysPerRegion = 20000,
        NatGatewaysPerAvailabilityZone = 5000,
        ElasticIpsPerRegion = 50000,
        RouteTablesPerVpc = 1000,
        RoutesPerRouteTable = 1000,
        SecurityGroupsPerRegion = 100000,
        RulesPerSecurityGroup = 1000,
        SecurityGroupsPerNetworkInterface = 16,
        NetworkAclRulesPerDirection = 40,
        NetworkInterfacesPerRegion = 1000000,
        PrefixListsPerRegion = 10000,
        ActiveVpcPeeringConnectionsPerVpc = 125,
        OutstandingVpcPeeringConnectionRequests = 1000,
        FlowLogsPerResource = 1000,
        GatewayEndpointsPerRegion = 5000,
        InterfaceEndpointsPerVpc = 1000,
    };
}
