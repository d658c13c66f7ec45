using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>A virtual private cloud: one or more IPv4 CIDRs (the first is primary), optionally IPv6 /56s, in
/// one Region of one account. Traffic between its CIDRs follows the 'local' route of every route table.</summary>
public sealed record Vpc(
    VpcId Id, AccountId OwnerId, string Region,
    ImmutableArray<VpcCidrBlock> CidrBlocks, ImmutableArray<VpcCidrBlock> Ipv6CidrBlocks,
    bool EnableDnsSupport, bool EnableDnsHostnames, bool IsDefault, string InstanceTenancy)
{
    public Cidr PrimaryCidr => CidrBlocks[0].Cidr;

    /// <summary>All associated CIDRs of both families: the destinations of the local routes.</summary>
    public IEnumerable<Cidr> AssociatedCidrs =>
        CidrBlocks.Concat(Ipv6CidrBlocks).Where(b => b.State == CidrBlockState.Associated).Select(b => b.Cidr);

    /// <summary>ModifyVpcAttribute's enableNetworkAddressUsageMetrics (off unless turned on); no effect on traffic.</summary>
    public bool EnableNetworkAddressUsageMetrics { get; init; }

    /// <summary>What AWS prints for a VPC associated with no DHCP options set.</summary>
    public const string DefaultDhcpOptionsId = "default";

    /// <summary>The DHCP options set the VPC is associated with (AssociateDhcpOptions), or "default" for none.</summary>
    public string DhcpOptionsId { get; init; } = DefaultDhcpOptionsId;

    public bool HasIpv6 => Ipv6CidrBlocks.Any(b => b.State == CidrBlockState.Associated);

    /// <summary>The Amazon DNS resolver lives at the primary CIDR's base + 2 (spec §3).</summary>
    public IpAddress DnsResolverAddress => PrimaryCidr.AddressAt(2);
}
