using System.Collections.Frozen;

namespace VpcLab.Model;

/// <summary>Cross-Region PrivateLink's zone rule, one place for the control plane (which subnets a cross-Region endpoint
/// may use) and the engine (which load balancer node takes its connections): AWS, "Cross-Region access is not supported
/// for the following Availability Zones: use1-az3, usw1-az2, apne1-az3, apne2-az2, and apne2-az4"
/// (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html#endpoint-service-cross-region;
/// docs/semantics.md#cross-region-privatelink).</summary>
public static class CrossRegionPrivateLink
{
    private static readonly FrozenSet<string> s_unsupportedZoneIds =
        FrozenSet.ToFrozenSet(["use1-az3", "usw1-az2", "apne1-az3", "apne2-az2", "apne2-az4"], StringComparer.Ordinal);

    /// <summary>Whether cross-Region connections may enter or leave through the zone <paramref name="zoneId"/>.</summary>
    public static bool SupportsZone(string zoneId) => !s_unsupportedZoneIds.Contains(zoneId);

    /// <summary>The load balancer node that takes a cross-Region endpoint's connections. AWS: "Cross-Region access does
    /// not require that providers and consumers use the same Availability Zones" and "AWS PrivateLink manages failover
    /// between Availability Zones"; it does not say which zone serves. Choice: the node, in a zone that supports
    /// cross-Region access, of the service's first load balancer (by ARN) in zone-id order, the first whose address the
    /// load balancer's DNS name answers with (<paramref name="inDns"/>: its zone has a healthy target, or fail-open,
    /// docs/semantics.md#nlb-dns-failover) when one is; null when there is none.</summary>
    public static (LoadBalancer Balancer, LoadBalancerNode Node)? NodeFor(Network network, VpcEndpointServiceConfiguration service,
        Func<LoadBalancerNode, bool>? inDns = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(service);
        foreach (var arn in service.NetworkLoadBalancerArns.OrderBy(a => a.Value, StringComparer.Ordinal))
        {
            if (!network.LoadBalancers.TryGetValue(arn, out var lb))
                continue;
            var nodes = lb.Nodes
                .Select(n => (Node: n, ZoneId: network.Subnets.TryGetValue(n.SubnetId, out var s) ? s.AvailabilityZone.ZoneId : null))
                .Where(n => n.ZoneId is not null && SupportsZone(n.ZoneId))
                .OrderBy(n => inDns is null || inDns(n.Node) ? 0 : 1)
                .ThenBy(n => n.ZoneId, StringComparer.Ordinal);
            foreach (var (node, _) in nodes)
                return (lb, node);
        }
        return null;
    }
}
