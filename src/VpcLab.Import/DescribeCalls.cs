using System.Collections.Immutable;

namespace VpcLab.Import;

/// <summary>The one table of what an import folder holds: the describe calls VpcLab reads (and <c>vpclab collect</c>
/// makes), and those of kinds it does not model, whose items are listed as skipped (docs/semantics.md#import-layout).</summary>
public static class DescribeCalls
{
    public static readonly DescribeCall Vpcs = new("ec2", "describe-vpcs", "Vpcs");
    public static readonly DescribeCall Subnets = new("ec2", "describe-subnets", "Subnets");
    public static readonly DescribeCall RouteTables = new("ec2", "describe-route-tables", "RouteTables");
    public static readonly DescribeCall InternetGateways = new("ec2", "describe-internet-gateways", "InternetGateways");
    public static readonly DescribeCall EgressOnlyInternetGateways = new("ec2", "describe-egress-only-internet-gateways", "EgressOnlyInternetGateways");
    public static readonly DescribeCall NatGateways = new("ec2", "describe-nat-gateways", "NatGateways");
    public static readonly DescribeCall Addresses = new("ec2", "describe-addresses", "Addresses");

    /// <summary><c>describe-addresses-attribute --attribute domain-name</c>: the reverse DNS records of Elastic IPs.</summary>
    public static readonly DescribeCall AddressesAttribute = new("ec2", "describe-addresses-attribute", "Addresses");
    public static readonly DescribeCall SecurityGroups = new("ec2", "describe-security-groups", "SecurityGroups");
    public static readonly DescribeCall SecurityGroupRules = new("ec2", "describe-security-group-rules", "SecurityGroupRules");
    public static readonly DescribeCall NetworkAcls = new("ec2", "describe-network-acls", "NetworkAcls");
    public static readonly DescribeCall NetworkInterfaces = new("ec2", "describe-network-interfaces", "NetworkInterfaces");
    public static readonly DescribeCall Instances = new("ec2", "describe-instances", "Reservations");
    public static readonly DescribeCall VpcEndpoints = new("ec2", "describe-vpc-endpoints", "VpcEndpoints");
    public static readonly DescribeCall VpcPeeringConnections = new("ec2", "describe-vpc-peering-connections", "VpcPeeringConnections");
    public static readonly DescribeCall ManagedPrefixLists = new("ec2", "describe-managed-prefix-lists", "PrefixLists");
    public static readonly DescribeCall FlowLogs = new("ec2", "describe-flow-logs", "FlowLogs");
    public static readonly DescribeCall DhcpOptions = new("ec2", "describe-dhcp-options", "DhcpOptions");
    public static readonly DescribeCall Volumes = new("ec2", "describe-volumes", "Volumes");

    /// <summary><c>get-managed-prefix-list-entries --prefix-list-id PL</c> prints entries without the list's id: each
    /// list's output is saved as <c>get-managed-prefix-list-entries/PL.json</c>.</summary>
    public const string PrefixListEntriesFolder = "get-managed-prefix-list-entries";

    /// <summary><c>describe-vpc-attribute --attribute A --vpc-id V</c> is saved as <c>describe-vpc-attribute/V.A.json</c>
    /// (enableDnsSupport, enableDnsHostnames); without it a VPC has AWS's defaults.</summary>
    public const string VpcAttributeFolder = "describe-vpc-attribute";

    public static readonly ImmutableArray<DescribeCall> Read =
    [
        Vpcs, Subnets, RouteTables, InternetGateways, EgressOnlyInternetGateways, NatGateways, Addresses, AddressesAttribute,
        SecurityGroups, SecurityGroupRules, NetworkAcls, NetworkInterfaces, Instances, VpcEndpoints, VpcPeeringConnections,
        ManagedPrefixLists, FlowLogs, DhcpOptions, Volumes,
    ];

    /// <summary>Kinds VpcLab does not model; each item is listed as skipped.</summary>
    public static readonly ImmutableArray<DescribeCall> Skipped =
    [
        new("ec2", "describe-transit-gateways", "TransitGateways", "TransitGatewayId"),
        new("ec2", "describe-transit-gateway-attachments", "TransitGatewayAttachments", "TransitGatewayAttachmentId"),
        new("ec2", "describe-vpn-gateways", "VpnGateways", "VpnGatewayId"),
        new("ec2", "describe-vpn-connections", "VpnConnections", "VpnConnectionId"),
        new("ec2", "describe-customer-gateways", "CustomerGateways", "CustomerGatewayId"),
        new("ec2", "describe-vpc-endpoint-services", "ServiceDetails", "ServiceName"),
        new("directconnect", "describe-connections", "connections", "connectionId"),
        new("directconnect", "describe-virtual-interfaces", "virtualInterfaces", "virtualInterfaceId"),
        new("directconnect", "describe-direct-connect-gateways", "directConnectGateways", "directConnectGatewayId"),
        new("network-firewall", "list-firewalls", "Firewalls", "FirewallArn"),
    ];
}
