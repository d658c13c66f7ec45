using System.Collections.Frozen;
using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Server.Ec2;
using VpcLab.Server.Persistence;

namespace VpcLab.Server.Elb;

/// <summary>The Elastic Load Balancing v2 action table: bind the parsed parameters (member-name JSON) to the control
/// plane's request record, call it, map the result to the output shape. Mutations are logged operations named
/// <c>elasticloadbalancing:ACTION</c> (<see cref="NonEc2Operations"/>), so they share EC2's durable log and replay.
/// docs/semantics.md#network-load-balancers.</summary>
public static class ElbActions
{
    /// <summary>The prefix of the logged operations' names (the service's signing name), which no EC2 action has.</summary>
    public const string LogPrefix = "elasticloadbalancing:";

    private static readonly FrozenDictionary<string, LoggedOperationHandler> s_mutations =
        new Dictionary<string, LoggedOperationHandler>(StringComparer.Ordinal)
        {
            ["CreateLoadBalancer"] = (cp, ctx, p) => new JsonObject
            {
                ["LoadBalancers"] = new JsonArray(ElbShapes.LoadBalancer(cp.LoadBalancers.CreateLoadBalancer(ctx, Bind<CreateLoadBalancerRequest>(p)))),
            },
            ["DeleteLoadBalancer"] = (cp, ctx, p) => Empty(cp.LoadBalancers.DeleteLoadBalancer(ctx, Bind<DeleteLoadBalancerRequest>(p))),
            ["ModifyLoadBalancerAttributes"] = (cp, ctx, p) => new JsonObject
            {
                ["Attributes"] = ElbShapes.Attributes(cp.LoadBalancers.ModifyLoadBalancerAttributes(ctx, Bind<LoadBalancerAttributesRequest>(p))),
            },
            ["CreateTargetGroup"] = (cp, ctx, p) => new JsonObject
            {
                ["TargetGroups"] = new JsonArray(ElbShapes.TargetGroup(cp.TargetGroups.CreateTargetGroup(ctx, Bind<CreateTargetGroupRequest>(p)), cp.World)),
            },
            ["DeleteTargetGroup"] = (cp, ctx, p) => Empty(cp.TargetGroups.DeleteTargetGroup(ctx, Bind<DeleteTargetGroupRequest>(p))),
            ["ModifyTargetGroupAttributes"] = (cp, ctx, p) => new JsonObject
            {
                ["Attributes"] = ElbShapes.Attributes(cp.TargetGroups.ModifyTargetGroupAttributes(ctx, Bind<TargetGroupAttributesRequest>(p))),
            },
            ["RegisterTargets"] = (cp, ctx, p) => Empty(cp.TargetGroups.RegisterTargets(ctx, Bind<TargetsRequest>(p))),
            ["DeregisterTargets"] = (cp, ctx, p) => Empty(cp.TargetGroups.DeregisterTargets(ctx, Bind<TargetsRequest>(p))),
            ["CreateListener"] = (cp, ctx, p) => new JsonObject
            {
                ["Listeners"] = new JsonArray(ElbShapes.Listener(cp.Listeners.CreateListener(ctx, Bind<CreateListenerRequest>(p)))),
            },
            ["DeleteListener"] = (cp, ctx, p) => Empty(cp.Listeners.DeleteListener(ctx, Bind<DeleteListenerRequest>(p))),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, LoggedOperationHandler> s_reads =
        new Dictionary<string, LoggedOperationHandler>(StringComparer.Ordinal)
        {
            ["DescribeLoadBalancers"] = (cp, ctx, p) => new JsonObject
            {
                ["LoadBalancers"] = new JsonArray([.. cp.LoadBalancers.DescribeLoadBalancers(ctx, Bind<DescribeLoadBalancersRequest>(p)).Select(ElbShapes.LoadBalancer)]),
            },
            ["DescribeLoadBalancerAttributes"] = (cp, ctx, p) => new JsonObject
            {
                ["Attributes"] = ElbShapes.Attributes(cp.LoadBalancers.DescribeLoadBalancerAttributes(ctx, Bind<LoadBalancerAttributesRequest>(p))),
            },
            ["DescribeTargetGroups"] = (cp, ctx, p) => new JsonObject
            {
                ["TargetGroups"] = new JsonArray([.. cp.TargetGroups.DescribeTargetGroups(ctx, Bind<DescribeTargetGroupsRequest>(p))
                    .Select(g => ElbShapes.TargetGroup(g, cp.World))]),
            },
            ["DescribeTargetGroupAttributes"] = (cp, ctx, p) => new JsonObject
            {
                ["Attributes"] = ElbShapes.Attributes(cp.TargetGroups.DescribeTargetGroupAttributes(ctx, Bind<TargetGroupAttributesRequest>(p))),
            },
            ["DescribeTargetHealth"] = (cp, ctx, p) => TargetHealth.Describe(cp, ctx, Bind<TargetsRequest>(p)),
            ["DescribeListeners"] = (cp, ctx, p) => new JsonObject
            {
                ["Listeners"] = new JsonArray([.. cp.Listeners.DescribeListeners(ctx, Bind<DescribeListenersRequest>(p)).Select(l => (JsonNode)ElbShapes.Listener(l))]),
            },
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The logged operations (<c>elasticloadbalancing:CreateLoadBalancer</c> → its handler) for
    /// <see cref="NonEc2Operations"/>.</summary>
    public static IEnumerable<KeyValuePair<string, LoggedOperationHandler>> LoggedOperations =>
        s_mutations.Select(m => KeyValuePair.Create(LogPrefix + m.Key, m.Value));

    public static bool IsMutating(string action) => s_mutations.ContainsKey(action);

    /// <summary>Runs a read action on the current snapshot.</summary>
    public static JsonObject? Read(Ec2ControlPlane controlPlane, RequestContext context, string action, JsonObject parameters) =>
        s_reads[action](controlPlane, context, parameters);

    private static T Bind<T>(JsonObject parameters)
        where T : new() => Ec2ActionDispatcher.Bind<T>(parameters);

    private static JsonObject? Empty(EmptyResult _) => null;
}
