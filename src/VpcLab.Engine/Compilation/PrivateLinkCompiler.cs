using VpcLab.Model;

namespace VpcLab.Engine.Compilation;

/// <summary>AWS PrivateLink to a provider's endpoint service: for each interface of an interface endpoint, the
/// Network Load Balancer node its connections go to, the node of the service's load balancer in the interface's
/// Availability Zone, matched by zone id (<see cref="EndpointServiceZones.NodeFor"/>;
/// docs/semantics.md#privatelink-data-plane), or for a cross-Region endpoint the one node
/// <see cref="CrossRegionPrivateLink.NodeFor"/> chooses.</summary>
internal static class PrivateLinkCompiler
{
    /// <summary>Not a PrivateLink interface: an endpoint to an AWS service (or no endpoint at all).</summary>
    public const int NotPrivateLink = -2;

    /// <summary>The endpoint's service has no load balancer node in the interface's zone (cross-Region: in a zone that
    /// supports cross-Region access), or no longer exists.</summary>
    public const int NotInZone = -1;

    /// <summary>Per compiled interface: the compiled index of the node it hands connections to, or one of the
    /// constants above.</summary>
    public static int[] NodesOfEndpointInterfaces(CompiledModels models, int[] endpointOfInterface)
    {
        var network = models.Network;
        var nodes = new int[models.Interfaces.Length];
        Array.Fill(nodes, NotPrivateLink);
        for (int eni = 0; eni < nodes.Length; eni++)
        {
            int ep = endpointOfInterface[eni];
            if (ep < 0)
                continue;
            var serviceName = models.InterfaceEndpoints[ep].ServiceName;
            if (!VpcEndpointServiceConfiguration.IsProviderServiceName(serviceName))
                continue;
            nodes[eni] = NotInZone;
            if (network.EndpointServiceNamed(serviceName) is not { } service
                || !network.Subnets.TryGetValue(models.Interfaces[eni].SubnetId, out var subnet))
                continue;
            // A cross-Region endpoint shares no zone with the service: one node takes its connections
            // (docs/semantics.md#cross-region-privatelink).
            var found = models.InterfaceEndpoints[ep].IsCrossRegion
                ? CrossRegionPrivateLink.NodeFor(network, service)
                : EndpointServiceZones.NodeFor(network, service, subnet.AvailabilityZone.ZoneId);
            if (found is { } f)
                nodes[eni] = models.InterfaceIndex.GetValueOrDefault(f.Node.NetworkInterfaceId, NotInZone);
        }
        return nodes;
    }

    /// <summary>After the load balancers' health is known (<see cref="LoadBalancerCompiler.Complete"/>): a cross-Region
    /// endpoint's connections go to a node the load balancer's DNS name still answers with, AWS PrivateLink "manages
    /// failover between Availability Zones" (docs/semantics.md#nlb-dns-failover). A same-Region endpoint keeps the node
    /// of its own zone (AWS documents no hand-off to another zone's node).</summary>
    public static void FailAway(CompiledModels models, CompiledNetwork compiled)
    {
        var network = models.Network;
        var nodes = compiled.Topology.PrivateLinkNode;
        var endpointOfInterface = compiled.Topology.EndpointOfInterface;
        for (int eni = 0; eni < nodes.Length; eni++)
        {
            if (nodes[eni] < 0 || !models.InterfaceEndpoints[endpointOfInterface[eni]].IsCrossRegion
                || network.EndpointServiceNamed(models.InterfaceEndpoints[endpointOfInterface[eni]].ServiceName) is not { } service)
                continue;
            if (CrossRegionPrivateLink.NodeFor(network, service, compiled.AnswersInDns) is { } f)
                nodes[eni] = models.InterfaceIndex.GetValueOrDefault(f.Node.NetworkInterfaceId, NotInZone);
        }
    }
}
