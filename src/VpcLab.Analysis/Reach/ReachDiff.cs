using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary><c>vpclab reach diff BEFORE AFTER</c>: what a change opens and what it closes, over header sets. Each world
/// answers on its own cuts; a value the world after delivers from an end to another and the world before does not
/// (on no piece between the same ends) is opened, and the other way round closed. Ends meet by their name
/// (<see cref="ReachEnd.Describe"/>: the interface's id and Name tag), so a world rebuilt with the same names
/// compares.</summary>
public static class ReachDiff
{
    /// <param name="before">The world before the change.</param>
    /// <param name="after">The world after it.</param>
    /// <param name="ends">The ends of one world to compare: (senders, receivers).</param>
    /// <param name="traffic">The traffic compared.</param>
    public static ImmutableArray<ReachChange> Compute(Network before, Network after,
        Func<Network, (IReadOnlyList<ReachEnd> From, IReadOnlyList<ReachEnd> To)> ends, IReadOnlyList<TrafficClass> traffic)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(ends);
        ArgumentNullException.ThrowIfNull(traffic);
        var was = Delivered(before, ends, traffic);
        var now = Delivered(after, ends, traffic);
        return [.. Changes(true, now, was), .. Changes(false, was, now)];
    }

    private static Dictionary<(string From, string To, IpProtocol Protocol), List<PieceOutcome>> Delivered(Network network,
        Func<Network, (IReadOnlyList<ReachEnd> From, IReadOnlyList<ReachEnd> To)> ends, IReadOnlyList<TrafficClass> traffic)
    {
        var space = new FlowSpace(network, [], traffic.Select(t => t.Values));
        var (froms, tos) = ends(network);
        var result = new Dictionary<(string, string, IpProtocol), List<PieceOutcome>>();
        foreach (var from in froms)
        {
            foreach (var to in tos.Where(t => t != from && !(from is InternetEnd && t is ServiceEnd)))
            {
                foreach (var t in traffic)
                {
                    var key = (from.Describe(network), to.Describe(network), t.Protocol);
                    if (!result.TryGetValue(key, out var list))
                        result[key] = list = [];
                    list.AddRange(space.Pieces(from, to, t).Where(p => p.Delivered));
                }
            }
        }
        return result;
    }

    /// <summary>The values <paramref name="these"/> deliver that <paramref name="those"/> do not, per pair of ends.</summary>
    private static IEnumerable<ReachChange> Changes(bool opened,
        Dictionary<(string From, string To, IpProtocol Protocol), List<PieceOutcome>> these,
        Dictionary<(string From, string To, IpProtocol Protocol), List<PieceOutcome>> those)
    {
        foreach (var ((from, to, protocol), pieces) in these.OrderBy(k => k.Key.From, StringComparer.Ordinal).ThenBy(k => k.Key.To, StringComparer.Ordinal))
        {
            var covered = SelectionReach.Merge(those.GetValueOrDefault((from, to, protocol))?.Select(p => p.Values) ?? []);
            var left = new List<(PortRange Values, PieceOutcome Piece)>();
            foreach (var piece in pieces)
                left.AddRange(Subtract(piece.Values, covered).Select(r => (r, piece)));
            if (left.Count == 0)
                continue;
            var first = left.OrderBy(l => l.Values.From).First();
            var example = first.Piece.Flow with { DestinationPort = first.Values.From };
            yield return new ReachChange(opened, from, to, protocol, SelectionReach.Merge(left.Select(l => l.Values)), example);
        }
    }

    private static IEnumerable<PortRange> Subtract(PortRange range, ImmutableArray<PortRange> covered)
    {
        int from = range.From;
        foreach (var c in covered.Where(c => c.To >= range.From && c.From <= range.To))
        {
            if (c.From > from)
                yield return new PortRange((ushort)from, (ushort)(c.From - 1));
            from = c.To + 1;
        }
        if (from <= range.To)
            yield return new PortRange((ushort)from, range.To);
    }
}
