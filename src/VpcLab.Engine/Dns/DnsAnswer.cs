using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>One answer of <see cref="DnsResolver.Resolve(string, string)"/>: the addresses and why. <see cref="From"/>
/// is the asking VPC's id or <see cref="DnsResolver.Internet"/>; <see cref="ResourceId"/> names the interface the
/// record belongs to; <see cref="Peering"/> the peering that made a peer's private address visible.</summary>
public sealed record DnsAnswer(string Name, string From, DnsStatus Status, DnsRule Rule,
    ImmutableArray<IpAddress> Addresses, string Explanation)
{
    public string? ResourceId { get; init; }

    public VpcPeeringConnectionId? Peering { get; init; }

    /// <summary>The subnet whose EnableDns64 synthesised the 64:ff9b::/96 addresses of <see cref="Addresses"/> (the
    /// name has IPv4 addresses only), else null.</summary>
    public SubnetId? Dns64Subnet { get; init; }

    public bool Resolved => Status == DnsStatus.Resolved;

    public override string ToString() => Resolved
        ? $"{Name} from {From}: {string.Join(", ", Addresses)} ({Rule}: {Explanation})"
        : $"{Name} from {From}: {Status} ({Rule}: {Explanation})";
}
