using VpcLab.Model;

namespace VpcLab.Engine.Compilation;

/// <summary>The last compilation stage: for every node of every Network Load Balancer and every listener, the target a
/// connection goes to. A node sends to the targets of its own zone (all enabled zones with cross-zone, and targets
/// registered in zone <c>all</c>) that pass its health checks (<see cref="HealthCheckProbe"/>, walked through the
/// network being compiled); when no target of the group is healthy in any enabled zone, the load balancer fails open
/// and sends to any target in any enabled zone, its own zone's first. The first such target by id is the one a trace follows (choice,
/// docs/semantics.md#nlb-data-plane).</summary>
internal static class LoadBalancerCompiler
{
    public static LoadBalancerTables Index(CompiledModels models)
    {
        LoadBalancer[] balancers = [.. models.Network.LoadBalancers.Values.OrderBy(l => l.Arn.Value, StringComparer.Ordinal)];
        var ofInterface = Enumerable.Repeat(-1, models.Interfaces.Length).ToArray();
        for (int b = 0; b < balancers.Length; b++)
        {
            foreach (var node in balancers[b].Nodes)
            {
                if (models.InterfaceIndex.TryGetValue(node.NetworkInterfaceId, out int eni))
                    ofInterface[eni] = b;
            }
        }
        return new LoadBalancerTables { Balancers = balancers, BalancerOfInterface = ofInterface, RouteStart = new int[models.Interfaces.Length + 1] };
    }

    /// <summary>Fills the routes of <paramref name="compiled"/>'s load balancer tables (before anyone else sees it).</summary>
    public static void Complete(CompiledNetwork compiled)
    {
        var tables = compiled.Topology.LoadBalancers;
        if (tables.Balancers.Length == 0)
            return;
        var network = compiled.Network;
        var health = new Dictionary<(LoadBalancerArn, TargetGroupArn, Target), bool>();
        var routes = new List<BalancerRoute>();
        var start = new int[tables.BalancerOfInterface.Length + 1];
        var zoneHealthy = new bool[tables.BalancerOfInterface.Length];
        for (int eni = 0; eni < tables.BalancerOfInterface.Length; eni++)
        {
            start[eni] = routes.Count;
            int b = tables.BalancerOfInterface[eni];
            if (b < 0)
                continue;
            var lb = tables.Balancers[b];
            var id = compiled.InterfaceIdAt(eni);
            var node = lb.Nodes.First(n => n.NetworkInterfaceId == id);
            zoneHealthy[eni] = true;
            foreach (var listener in network.Listeners.Values.Where(l => l.LoadBalancerArn == lb.Arn).OrderBy(l => l.Port))
            {
                if (network.TargetGroups.TryGetValue(listener.DefaultTargetGroupArn, out var group))
                {
                    routes.Add(Route(compiled, lb, node, listener, group, health, out bool healthy));
                    zoneHealthy[eni] &= healthy;
                }
            }
        }
        start[^1] = routes.Count;
        tables.Routes = [.. routes];
        tables.RouteStart = start;
        tables.InDns = InDns(tables, zoneHealthy);
    }

    /// <summary>DNS fail-away (docs/semantics.md#nlb-dns-failover): a node's address is in its load balancer's DNS
    /// answer when its zone is healthy, that is when every target group of its listeners has a healthy target the node
    /// sends to (its own zone's; any enabled zone's with cross-zone); when no zone of the load balancer is healthy, DNS
    /// fails open and answers with every node. An empty target group leaves no zone healthy, so it fails open too.</summary>
    private static bool[] InDns(LoadBalancerTables tables, bool[] zoneHealthy)
    {
        var inDns = new bool[zoneHealthy.Length];
        var anyHealthy = new bool[tables.Balancers.Length];
        for (int eni = 0; eni < zoneHealthy.Length; eni++)
        {
            if (tables.BalancerOfInterface[eni] is int b and >= 0 && zoneHealthy[eni])
                anyHealthy[b] = true;
        }
        for (int eni = 0; eni < zoneHealthy.Length; eni++)
        {
            if (tables.BalancerOfInterface[eni] is int b and >= 0)
                inDns[eni] = zoneHealthy[eni] || !anyHealthy[b];
        }
        return inDns;
    }

    private static BalancerRoute Route(CompiledNetwork compiled, LoadBalancer lb, LoadBalancerNode node, Listener listener, TargetGroup group,
        Dictionary<(LoadBalancerArn, TargetGroupArn, Target), bool> health, out bool zoneHealthy)
    {
        zoneHealthy = false;
        var network = compiled.Network;
        bool tcp = listener.Protocol is TargetGroupProtocol.Tcp or TargetGroupProtocol.Tls or TargetGroupProtocol.TcpUdp;
        bool udp = listener.Protocol is TargetGroupProtocol.Udp or TargetGroupProtocol.TcpUdp;
        var port = (ushort)listener.Port;
        if (group.Targets.IsEmpty)
            return new BalancerRoute(port, tcp, udp, DropReason.ElbV2ListenerHasNoTg, default, 0, false);
        // Targets in the load balancer's enabled zones that can take traffic at all, in id order.
        var usable = group.Targets
            .Where(t => Usable(network, group, t) && LoadBalancerTargets.ZoneOf(network, group, t) is { } z
                && (z == LoadBalancerTargets.AllZones || lb.NodeIn(z) is not null))
            .OrderBy(t => t.Id, StringComparer.Ordinal).ThenBy(t => t.Port).ToList();
        bool Healthy(Target t)
        {
            if (!health.TryGetValue((lb.Arn, group.Arn, t), out var ok))
                health[(lb.Arn, group.Arn, t)] = ok = !group.HealthCheck.Enabled || HealthCheckProbe.Passes(compiled, lb, group, t, group.HealthCheck.PortFor(t));
            return ok;
        }
        var mine = usable.Where(t => LoadBalancerTargets.NodeSendsTo(lb, group, node.AvailabilityZone, LoadBalancerTargets.ZoneOf(network, group, t))).ToList();
        zoneHealthy = mine.Any(Healthy);
        // Fail open when no target is healthy in any enabled zone: "traffic to all targets in all enabled Availability
        // Zones, regardless of their health status" (cross-zone or not); the node's own targets first (choice).
        // Otherwise a node with no healthy target of its own sends nowhere: AWS takes its address out of DNS.
        var chosen = mine.FirstOrDefault(Healthy)
            ?? (usable.Any(Healthy) ? null : mine.FirstOrDefault() ?? usable.FirstOrDefault());
        if (chosen is null || LoadBalancerTargets.AddressOf(network, group, chosen) is not { } address)
            return new BalancerRoute(port, tcp, udp, DropReason.ElbV2NoTargetsInAz, default, 0, false);
        return new BalancerRoute(port, tcp, udp, DropReason.None, address, (ushort)chosen.Port, group.PreservesClientIp);
    }

    private static bool Usable(Network network, TargetGroup group, Target target) =>
        group.TargetType != TargetType.Instance
        || (network.Instances.TryGetValue(new InstanceId(target.Id), out var i) && i.State == InstanceState.Running);
}
