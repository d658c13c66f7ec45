using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>A Network Load Balancer's health checks as packets: a TCP connection (HTTP and HTTPS checks ride on TCP
/// too) from each node that sends to the target — the node's private address, from its interface — to the target's
/// address and health check port, walked by the same data plane as any flow (the node's groups and NACL, the
/// target's NACL and groups, and back). Choice, docs/semantics.md#nlb-target-health: a target is healthy when the
/// checks of every node that sends to it get through.</summary>
public static class HealthCheckProbe
{
    /// <summary>True when every node of <paramref name="loadBalancer"/> that sends to <paramref name="target"/> (its
    /// zone's, or all with cross-zone) reaches it on <paramref name="port"/>; false when one is dropped, or none sends
    /// to it.</summary>
    public static bool Passes(CompiledNetwork compiled, LoadBalancer loadBalancer, TargetGroup group, Target target, int port)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(loadBalancer);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(target);
        if (LoadBalancerTargets.AddressOf(compiled.Network, group, target) is not { } address)
            return false;
        var zone = LoadBalancerTargets.ZoneOf(compiled.Network, group, target);
        bool any = false;
        foreach (var node in loadBalancer.Nodes)
        {
            if (!LoadBalancerTargets.NodeSendsTo(loadBalancer, group, node.AvailabilityZone, zone))
                continue;
            var source = address.IsV4 ? node.PrivateIpv4 : node.Ipv6;
            if (source is not { } from)
                return false;
            any = true;
            var flow = FlowKey.Tcp(from, address, (ushort)port);
            if (!compiled.Decide(in flow, compiled.InterfaceIndexOf(node.NetworkInterfaceId)).IsAccepted)
                return false;
        }
        return any;
    }
}
