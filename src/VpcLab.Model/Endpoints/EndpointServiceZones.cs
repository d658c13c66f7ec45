using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>Where an endpoint service is: the Availability Zones of its Network Load Balancers' nodes, compared by zone
/// id (use1-az1), never by name, because a zone name may map to another physical zone in another account
/// (docs/semantics.md#endpoint-services). One rule for the control plane (which subnets an endpoint may use) and
/// the engine (which node an endpoint interface hands its traffic to).</summary>
public static class EndpointServiceZones
{
    /// <summary>The service's zones (each once, by name), from its load balancers' nodes.</summary>
    public static ImmutableArray<AvailabilityZone> Of(Network network, VpcEndpointServiceConfiguration service)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(service);
        return [.. service.NetworkLoadBalancerArns
            .Select(arn => network.LoadBalancers.GetValueOrDefault(arn))
            .OfType<LoadBalancer>()
            .SelectMany(lb => lb.Nodes)
            .Select(node => network.Subnets.TryGetValue(node.SubnetId, out var subnet) ? subnet.AvailabilityZone : null)
            .OfType<AvailabilityZone>()
            .DistinctBy(z => z.ZoneId)
            .OrderBy(z => z.Name, StringComparer.Ordinal)];
    }

    /// <summary>The load balancer node that takes an endpoint's traffic in the zone <paramref name="zoneId"/>: the
    /// node there of the service's first load balancer (by ARN) that has one, or null when the service is not in
    /// that zone. AWS connects an endpoint to one load balancer per zone (choice of which one:
    /// docs/semantics.md#privatelink-data-plane).</summary>
    public static (LoadBalancer Balancer, LoadBalancerNode Node)? NodeFor(Network network, VpcEndpointServiceConfiguration service, string zoneId)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(service);
        foreach (var arn in service.NetworkLoadBalancerArns.OrderBy(a => a.Value, StringComparer.Ordinal))
        {
            if (!network.LoadBalancers.TryGetValue(arn, out var lb))
                continue;
            foreach (var node in lb.Nodes)
            {
                if (network.Subnets.TryGetValue(node.SubnetId, out var subnet) && subnet.AvailabilityZone.ZoneId == zoneId)
                    return (lb, node);
            }
        }
        return null;
    }
}
