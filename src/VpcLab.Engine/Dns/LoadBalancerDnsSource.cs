using System.Collections.Frozen;
using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>The DNS names of Network Load Balancers (NAME-ID.elb.REGION.amazonaws.com), public DNS answered from
/// anywhere: an internal load balancer's name resolves to its nodes' private addresses, an internet-facing one's to
/// their public IPv4 addresses; a dualstack one adds the nodes' IPv6 addresses
/// (docs/semantics.md#network-load-balancers). Only the nodes whose zone has a healthy target are in the answer, every
/// node when none has (<see cref="CompiledNetwork.AnswersInDns"/>, docs/semantics.md#nlb-dns-failover); the health
/// comes from the compiled snapshot, compiled on the first load balancer name asked unless it already was.</summary>
public sealed class LoadBalancerDnsSource : IDnsRecordSource
{
    private readonly FrozenDictionary<string, LoadBalancer> _names;
    private readonly Lazy<CompiledNetwork> _compiled;

    public LoadBalancerDnsSource(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _names = network.LoadBalancers.Values.ToFrozenDictionary(l => l.DnsName.ToLowerInvariant(), StringComparer.Ordinal);
        _compiled = new Lazy<CompiledNetwork>(() => CompiledNetwork.For(network));
    }

    public DnsAnswer? Answer(DnsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!_names.TryGetValue(query.Name, out var lb))
            return null;
        bool internal_ = lb.Scheme == LoadBalancerScheme.Internal;
        var compiled = _compiled.Value;
        var nodes = lb.Nodes.Where(compiled.AnswersInDns).ToList();
        ImmutableArray<IpAddress> addresses =
        [
            .. nodes.Select(n => internal_ ? n.PrivateIpv4 : n.PublicIp ?? n.PrivateIpv4),
            .. nodes.Select(n => n.Ipv6).OfType<IpAddress>(),
        ];
        var kind = internal_ ? "its nodes' private addresses (internal)" : "its nodes' public addresses (internet-facing)";
        if (nodes.Count < lb.Nodes.Length)
            kind += $"; not the nodes in {string.Join(", ", lb.Nodes.Except(nodes).Select(n => n.AvailabilityZone))}, whose zone has no healthy target";
        return new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.LoadBalancerName, addresses,
            $"the DNS name of load balancer {lb.Name}, public DNS: {kind}")
        { ResourceId = lb.Arn.Value };
    }
}
