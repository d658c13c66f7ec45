using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The load balancers whose listeners forward to a target group, from the listeners filed under the group
/// (<see cref="IndexedKinds.ListenerTargetGroupLink"/>), at the cost of the group's own listeners, not the world's (CreateListener's "one load balancer
/// per target group", DescribeTargetHealth, the LoadBalancerArns of each DescribeTargetGroups item). In the order of
/// their listeners' ARNs.</summary>
public static class TargetGroupLoadBalancers
{
    public static IEnumerable<LoadBalancer> Of(IndexedWorld world, TargetGroup group)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(group);
        return Balancers(world.Network, world.Where(IndexedKinds.Listener, IndexedKinds.ListenerTargetGroupLink, group.Arn.Value));
    }

    /// <summary>The same within a mutation (the operation's own changes included).</summary>
    internal static IEnumerable<LoadBalancer> Of(Transaction tx, TargetGroup group) =>
        Balancers(tx.N, tx.Where(IndexedKinds.Listener, IndexedKinds.ListenerTargetGroupLink, group.Arn.Value));

    private static IEnumerable<LoadBalancer> Balancers(Network network, IEnumerable<Listener> listeners) =>
        listeners.Select(l => l.LoadBalancerArn).Distinct().Select(network.LoadBalancers.GetValueOrDefault).OfType<LoadBalancer>();
}
