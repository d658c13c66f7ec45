using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>Facts about a target group's targets that every layer needs, in one place: the address traffic goes to,
/// the target's zone, the load balancers that use the group, and which nodes send to a target.
/// docs/semantics.md#network-load-balancers.</summary>
public static class LoadBalancerTargets
{
    /// <summary>The zone AWS gives targets registered outside the VPC: every enabled zone's node may send to them.</summary>
    public const string AllZones = "all";

    /// <summary>Where traffic to <paramref name="target"/> goes: an instance target's primary private IPv4 (AWS routes
    /// to the primary interface's primary address), an IP target's address; null when it names nothing.</summary>
    public static IpAddress? AddressOf(Network network, TargetGroup group, Target target)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(target);
        if (group.TargetType == TargetType.Ip)
            return IpAddress.TryParse(target.Id, out var ip) ? ip : null;
        return network.Instances.TryGetValue(new InstanceId(target.Id), out var instance)
            && network.NetworkInterfaces.TryGetValue(instance.PrimaryNetworkInterface, out var eni)
            ? eni.PrimaryPrivateIp : null;
    }

    /// <summary>A target's zone: as registered (<c>all</c>), else its instance's subnet's, else the zone of the
    /// group's VPC subnet holding its address (subnets of one VPC never overlap, so at most one does). The VPC's
    /// subnets come from <paramref name="subnetsOf"/> when given (the control plane's index: a VPC's own subnets, not
    /// every subnet of the world), else from a scan of the snapshot.</summary>
    public static string? ZoneOf(Network network, TargetGroup group, Target target, Func<VpcId, IEnumerable<Subnet>>? subnetsOf = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(target);
        if (target.AvailabilityZone is { } given)
            return given;
        if (group.TargetType == TargetType.Instance)
            return network.Instances.TryGetValue(new InstanceId(target.Id), out var i) && network.Subnets.TryGetValue(i.SubnetId, out var s)
                ? s.AvailabilityZone.Name : null;
        return IpAddress.TryParse(target.Id, out var ip)
            ? (subnetsOf?.Invoke(group.VpcId) ?? network.SubnetsOf(group.VpcId))
                .FirstOrDefault(s => s.VpcId == group.VpcId && (s.CidrBlock?.Contains(ip) == true || s.Ipv6Cidr?.Contains(ip) == true))
                ?.AvailabilityZone.Name
            : null;
    }

    /// <summary>Whether the node in <paramref name="nodeZone"/> sends to a target in <paramref name="targetZone"/>: AWS
    /// keeps a node's traffic in its own zone unless cross-zone load balancing is on (the group's attribute, else the
    /// load balancer's); targets in zone <c>all</c> take traffic from every node
    /// (docs/semantics.md#nlb-cross-zone).</summary>
    public static bool NodeSendsTo(LoadBalancer loadBalancer, TargetGroup group, string nodeZone, string? targetZone)
    {
        ArgumentNullException.ThrowIfNull(loadBalancer);
        ArgumentNullException.ThrowIfNull(group);
        return targetZone == AllZones || targetZone == nodeZone || (targetZone is not null && group.CrossZone(loadBalancer)
            && loadBalancer.NodeIn(targetZone) is not null);
    }
}
