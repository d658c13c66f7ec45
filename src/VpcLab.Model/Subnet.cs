using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>A range of a VPC's addresses in one Availability Zone. Its route table (explicit association,
/// else the VPC's main table) and its network ACL decide what may leave it. <see cref="EnableDns64"/>: the Route 53
/// Resolver answers queries from this subnet with synthesised 64:ff9b::/96 addresses for IPv4-only names
/// (docs/semantics.md#dns64). <see cref="CidrBlock"/> is null for an IPv6-only subnet (<see cref="Ipv6Native"/>,
/// docs/semantics.md#ipv6-only-subnets).</summary>
public sealed record Subnet(
    SubnetId Id, VpcId VpcId, AccountId OwnerId, string Region, AvailabilityZone AvailabilityZone,
    Cidr? CidrBlock, VpcCidrBlock? Ipv6CidrBlock, bool MapPublicIpOnLaunch, bool AssignIpv6AddressOnCreation,
    bool DefaultForAz, bool EnableDns64 = false)
{
    /// <summary>AWS keeps five addresses of each subnet: network, router, DNS, reserved, broadcast.</summary>
    public const int AwsReservedAddressCount = 5;

    /// <summary>True for one of the five addresses AWS reserves: the first four and the last.</summary>
    public static bool IsReserved(Cidr block, IpAddress address) =>
        block.Contains(address) && (address.Value - block.First.Value < 4 || address == block.Last);

    public Cidr? Ipv6Cidr => Ipv6CidrBlock is { State: CidrBlockState.Associated } b ? b.Cidr : null;

    /// <summary>An IPv6-only subnet (CreateSubnet Ipv6Native): an IPv6 /64 and no IPv4 range; its interfaces have no
    /// private IPv4 (docs/semantics.md#ipv6-only-subnets).</summary>
    public bool Ipv6Native { get; init; }

    /// <summary>The hostname options instances launched here get unless RunInstances names its own
    /// (ModifySubnetAttribute PrivateDnsHostnameTypeOnLaunch, EnableResourceNameDnsARecordOnLaunch,
    /// EnableResourceNameDnsAAAARecordOnLaunch).</summary>
    public PrivateDnsNameOptions PrivateDnsNameOptionsOnLaunch { get; init; } = PrivateDnsNameOptions.Default;

    /// <summary>The VPC router's address in this subnet (base + 1 of its IPv4 range; of its IPv6 range in an
    /// IPv6-only subnet).</summary>
    public IpAddress RouterAddress => (CidrBlock ?? Ipv6Cidr ?? throw new InvalidOperationException($"{Id} has no address range")).AddressAt(1);
}
