using System.Collections.Frozen;
using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>The DNS names of Network Load Balancers (NAME-ID.elb.REGION.amazonaws.com), public DNS answered from
/// anywhere: an internal load balancer's name resolves to its nodes' private addresses, an internet-facing one's to
/// their public IPv4 addresses; a dualstack one adds the nodes' IPv6 addresses
/// (docs/semantics.md#network-load-balancers). Choice: every node is in the answer (AWS also drops a node whose zone
/// has no healthy target; the lab leaves that to the trace, which names the node's missing target).</summary>
public sealed class LoadBalancerDnsSource : IDnsRecordSource
{
    private readonly FrozenDictionary<string, LoadBalancer> _names;

    public LoadBalancerDnsSource(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _names = network.LoadBalancers.Values.ToFrozenDictionary(l => l.DnsName.ToLowerInvariant(), StringComparer.Ordinal);
    }

    public DnsAnswer? Answer(DnsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!_names.TryGetValue(query.Name, out var lb))
            return null;
        bool internal_ = lb.Scheme == LoadBalancerScheme.Internal;
        ImmutableArray<IpAddress> addresses =
        [
            .. lb.Nodes.Select(n => internal_ ? n.PrivateIpv4 : n.PublicIp ?? n.PrivateIpv4),
            .. lb.Nodes.Select(n => n.Ipv6).OfType<IpAddress>(),
        ];
        var kind = internal_ ? "its nodes' private addresses (internal)" : "its nodes' public addresses (internet-facing)";
        return new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.LoadBalancerName, addresses,
            $"the DNS name of load balancer {lb.Name}, public DNS: {kind}")
        { ResourceId = lb.Arn.Value };
    }
}
