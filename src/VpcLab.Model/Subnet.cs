using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>A range of a VPC's addresses in one Availability Zone. Its route table (explicit association,
/// else the VPC's main table) and its network ACL decide what may leave it. <see cref="EnableDns64"/>: the Route 53
/// Resolver answers queries from this subnet with synthesised 64:ff9b::/96 addresses for IPv4-only names
/// (docs/semantics.md#dns64).</summary>
public sealed record Subnet(
    SubnetId Id, VpcId VpcId, AccountId OwnerId, string Region, AvailabilityZone AvailabilityZone,
    Cidr CidrBlock, VpcCidrBlock? Ipv6CidrBlock, bool MapPublicIpOnLaunch, bool AssignIpv6AddressOnCreation,
    bool DefaultForAz, bool EnableDns64 = false)
{
    /// <summary>AWS keeps five addresses of each subnet: network, router, DNS, reserved, broadcast.</summary>
    public const int AwsReservedAddressCount = 5;

    /// <summary>True for one of the five addresses AWS reserves: the first four and the last.</summary>
    public static bool IsReserved(Cidr block, IpAddress address) =>
        block.Contains(address) && (address.Value - block.First.Value < 4 || address == block.Last);

    public Cidr? Ipv6Cidr => Ipv6CidrBlock is { State: CidrBlockState.Associated } b ? b.Cidr : null;

    /// <summary>The VPC router's address in this subnet (base + 1).</summary>
    public IpAddress RouterAddress => CidrBlock.AddressAt(1);
}
