using System.Collections.Immutable;
using VpcLab.Engine;
using VpcLab.Model;

namespace VpcLab.Analysis.Blockers;

/// <summary>Every blocker of a flow, not only the first: trace it; where it is dropped, propose the smallest change that
/// lets it past that component, make the change on a copy of the world and trace again; repeat until the flow is
/// delivered or no change is known. Each proposal is so checked by re-tracing the changed world, and the blockers come
/// in the order the packet meets them on the forward, then the return path (docs/semantics.md#blocked-paths). The
/// explain path only: <see cref="CompiledNetwork.Decide"/> is untouched.</summary>
public static class BlockedPathAnalyzer
{
    /// <summary>A path crosses at most a few filters and routers each way; beyond this the search stops.</summary>
    public const int MaxBlockers = 12;

    public static BlockedPath Analyze(Network network, TraceRequest request)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(request);
        var world = network;
        var trace = CompiledNetwork.Compile(world).Trace(request);
        var blockers = ImmutableArray.CreateBuilder<Blocker>();
        var explanations = ImmutableArray.CreateBuilder<Explanation>();
        while (trace.Verdict == Verdict.Dropped && blockers.Count < MaxBlockers)
        {
            var hop = DroppedHop(trace);
            var explanation = trace.Explanations.FirstOrDefault() ?? hop.Explanations.FirstOrDefault();
            var code = explanation?.Code.Value ?? ExplanationCode.For(trace.Reason).Value;
            var direction = trace.DroppedOn ?? PathDirection.Forward;
            explanations.Add(explanation ?? new Explanation(ExplanationCode.For(trace.Reason), hop.Direction, hop.Component) { Message = trace.Reason.ToString() });
            var change = explanation is null ? null : ChangeProposer.Propose(world, hop, explanation, trace.Reason, blockers.Count + 1);
            if (change is null)
            {
                blockers.Add(new Blocker(direction, hop.Component, code, RuleOf(hop, trace), explanation?.Message, null, Verified: false));
                break;
            }
            var changed = change.Apply(world);
            var retraced = CompiledNetwork.Compile(changed).Trace(request);
            bool passed = !SameDrop(trace, retraced);
            blockers.Add(new Blocker(direction, hop.Component, code, RuleOf(hop, trace), explanation?.Message, change, passed));
            if (!passed)
                break;
            world = changed;
            trace = retraced;
        }
        return new BlockedPath(blockers.ToImmutable(), trace.Verdict) { Explanations = explanations.ToImmutable() };
    }

    private static Hop DroppedHop(Trace trace)
    {
        var path = trace.DroppedOn == PathDirection.Return ? trace.Return : trace.Forward;
        return path.LastOrDefault(h => h.Action == HopAction.Dropped) ?? path[^1];
    }

    private static bool SameDrop(Trace before, Trace after) =>
        after.Verdict == Verdict.Dropped && after.DroppedOn == before.DroppedOn && after.Reason == before.Reason
        && after.DroppedAt?.Id == before.DroppedAt?.Id;

    /// <summary>The rule or route that decided, as Reachability Analyzer names it.</summary>
    private static string RuleOf(Hop hop, Trace trace)
    {
        if (hop.AclRule is { } acl)
            return acl.IsDefaultDeny ? $"{(acl.Egress ? "outbound" : "inbound")} rule * (deny all)" : $"{(acl.Egress ? "outbound" : "inbound")} rule {acl.RuleNumber} {acl.RuleAction.ToString().ToLowerInvariant()}";
        if (hop.Route is { } route)
            return $"route {route.Destination} -> {route.TargetId}{(route.State == RouteState.Blackhole ? " (blackhole)" : "")}";
        return trace.Reason switch
        {
            Engine.DropReason.NoRouteToDestination => $"no route to {hop.OutboundHeader.Destination}",
            Engine.DropReason.EniSgRulesMismatch or Engine.DropReason.SgHasNoRules =>
                $"no {(hop.Direction == TrafficDirection.Egress ? "outbound" : "inbound")} rule allows {hop.OutboundHeader}",
            _ => trace.Reason.ToString(),
        };
    }
}
