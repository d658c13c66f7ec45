using System.Collections.Immutable;
using VpcLab.Analysis.Reach;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Model;

namespace VpcLab.Analysis.Checks;

/// <summary>Checks a policy's assertions against a world over header sets (<see cref="FlowSpace"/>, cut also at the
/// policy's own CIDRs and port ranges), so that "nothing" and "only" are exact claims about every packet, never a
/// sample (docs/check.md). A broken assertion comes with one flow that breaks it, traced by the engine.</summary>
public static class PolicyChecker
{
    /// <exception cref="ScenarioException">A selection names nothing in the world (file and line of its assertion).</exception>
    public static ImmutableArray<AssertionResult> Check(Network network, PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(policy);
        foreach (var assertion in policy.Assertions)
            CheckThroughNames(network, policy.File, assertion);
        var ends = policy.Assertions.Select(a => (From: Resolve(network, policy.File, a, a.From), To: Resolve(network, policy.File, a, a.To))).ToArray();
        var space = new FlowSpace(network, policy.Assertions.SelectMany(a => a.OnlyFrom),
            policy.Assertions.SelectMany(a => a.Traffic).Select(t => t.Values));
        return [.. policy.Assertions.Select((a, i) => Check(space, a, ends[i].From, ends[i].To))];
    }

    /// <summary>Each <c>only-through</c> must name a gateway, endpoint, NAT gateway or peering connection of the world
    /// (by id or Name tag): a typo would otherwise break the assertion with a puzzling path.</summary>
    private static void CheckThroughNames(Network network, string file, Assertion assertion)
    {
        var ids = network.InternetGateways.Keys.Select(k => k.Value).Concat(network.EgressOnlyInternetGateways.Keys.Select(k => k.Value))
            .Concat(network.NatGateways.Keys.Select(k => k.Value)).Concat(network.VpcEndpoints.Keys.Select(k => k.Value))
            .Concat(network.VpcPeeringConnections.Keys.Select(k => k.Value)).ToArray();
        foreach (var name in assertion.OnlyThrough)
        {
            if (!ids.Any(id => id == name || network.TagsOf(id).Name == name))
                throw new ScenarioException($"{file}:{assertion.Line}: assertion '{assertion.Name}': only-through '{name}' is no gateway, "
                    + "endpoint, NAT gateway or peering connection of the world (give its id or Name tag)");
        }
    }

    private static ReachEnd[] Resolve(Network network, string file, Assertion assertion, ImmutableArray<Selector> selectors)
    {
        var ends = new List<ReachEnd>();
        foreach (var selector in selectors)
        {
            var resolved = selector.Resolve(network, out var error);
            if (error is not null)
                throw new ScenarioException($"{file}:{assertion.Line}: assertion '{assertion.Name}': {error}");
            ends.AddRange(resolved.Where(e => !ends.Contains(e)));
        }
        return [.. ends];
    }

    private static AssertionResult Check(FlowSpace space, Assertion assertion, ReachEnd[] froms, ReachEnd[] tos)
    {
        foreach (var from in froms)
        {
            foreach (var to in tos.Where(t => t != from))
            {
                if (CheckPair(space, assertion, from, to) is { } broken)
                    return broken;
            }
        }
        return new AssertionResult(assertion, true, "holds", null);
    }

    private static AssertionResult? CheckPair(FlowSpace space, Assertion assertion, ReachEnd from, ReachEnd to)
    {
        bool limits = assertion.Expect == Expectation.Unreachable || !assertion.OnlyFrom.IsEmpty || !assertion.OnlyThrough.IsEmpty;
        foreach (var traffic in assertion.Traffic)
        {
            // "Nothing" and "only": any source port counts (the sender chooses it).
            foreach (var piece in limits ? space.Pieces(from, to, traffic) : [])
            {
                if (piece.Delivered && Breaks(space, assertion, piece) is { } message)
                    return Broken(space, assertion, from, to, piece, message);
            }
        }
        return assertion.Expect == Expectation.Reachable ? Unreached(space, assertion, from, to) : null;
    }

    /// <summary>"Reachable": every value piece of the traffic is delivered from some address of the source to some
    /// address of the destination, on every client port of 1024–65535.</summary>
    private static AssertionResult? Unreached(FlowSpace space, Assertion assertion, ReachEnd from, ReachEnd to)
    {
        bool anyPiece = false;
        foreach (var traffic in assertion.Traffic)
        {
            var reached = new Dictionary<Net.PortRange, PieceOutcome>();
            foreach (var piece in space.Pieces(from, to, traffic, everyEphemeralPort: true))
            {
                anyPiece = true;
                if (piece.Delivered)
                    reached[piece.Values] = piece;
                else
                    reached.TryAdd(piece.Values, piece);
            }
            if (reached.Values.Where(p => !p.Delivered).Take(1).ToArray() is [var dropped])
                return Broken(space, assertion, from, to, dropped, "dropped from every address of the source (a client port of 1024-65535 is refused)");
        }
        return anyPiece ? null : new AssertionResult(assertion, false,
            $"{from.Describe(space.Network)} cannot reach {to.Describe(space.Network)}: they have no address of a family in common", null);
    }

    /// <summary>Why a delivered piece breaks the assertion, or null when it does not.</summary>
    private static string? Breaks(FlowSpace space, Assertion assertion, PieceOutcome piece)
    {
        if (assertion.Expect == Expectation.Unreachable)
            return "delivered, and the assertion expects nothing to be";
        if (!assertion.OnlyFrom.IsEmpty && !assertion.OnlyFrom.Any(c => c.Contains(piece.Flow.Source)))
            return $"delivered from {piece.Flow.Source}, outside only-from ({string.Join(", ", assertion.OnlyFrom)})";
        if (!assertion.OnlyThrough.IsEmpty)
        {
            // The path depends on the addresses and the destination value (a load balancer's listener), not on the
            // source port, so one trace per piece tells the path of all its packets.
            var trace = space.Compiled.Trace(piece.Flow, piece.SourceInterfaceIndex);
            if (!trace.Forward.Any(h => assertion.OnlyThrough.Contains(h.Component.Id) || assertion.OnlyThrough.Contains(h.Component.Name)))
                return $"delivered without passing {string.Join(" or ", assertion.OnlyThrough)} (path: {Path(trace)})";
        }
        return null;
    }

    private static string Path(Trace trace) =>
        string.Join(" → ", trace.Forward.Select(h => h.Component.Id).Distinct());

    private static AssertionResult Broken(FlowSpace space, Assertion assertion, ReachEnd from, ReachEnd to, PieceOutcome piece, string message)
    {
        var trace = space.Compiled.Trace(piece.Flow, piece.SourceInterfaceIndex);
        var what = TrafficClass.Describe(piece.Flow.Protocol, piece.Values);
        return new AssertionResult(assertion, false,
            $"{what} from {from.Describe(space.Network)} to {to.Describe(space.Network)}: {message}; e.g. {piece.Flow}", trace);
    }
}
