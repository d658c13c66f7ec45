using System.Collections.Immutable;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>What every interface of a set reaches of every other, for each traffic class: the
/// <see cref="FlowSpace"/> pieces of every ordered pair, decided once per (source class, destination class, traffic)
/// on two representatives (<see cref="InterfaceClasses"/>) and read for any member pair by putting the members'
/// addresses in place of the representatives' (docs/semantics.md#reach-classes). 10,000 interfaces are 10⁸ pairs;
/// in a world of a few hundred classes that is a few hundred thousand class pairs, each decided once.</summary>
public sealed class AllPairsReach
{
    private readonly FlowSpace _space;
    private readonly InterfaceClasses _classes;
    private readonly ImmutableArray<TrafficClass> _traffic;
    private readonly int[] _start;
    private readonly ushort[] _sourcePort;
    private readonly bool[] _delivered;

    private AllPairsReach(FlowSpace space, InterfaceClasses classes, ImmutableArray<TrafficClass> traffic, int[] start,
        ushort[] sourcePort, bool[] delivered)
    {
        _space = space;
        _classes = classes;
        _traffic = traffic;
        _start = start;
        _sourcePort = sourcePort;
        _delivered = delivered;
    }

    /// <summary>The classes' members; the first of each is the one whose flows were decided.</summary>
    public ImmutableArray<ImmutableArray<NetworkInterfaceId>> Classes => _classes.Members;

    /// <summary>The traffic classes asked about, in the order given.</summary>
    public ImmutableArray<TrafficClass> Traffic => _traffic;

    public static AllPairsReach Compute(FlowSpace space, IReadOnlyList<NetworkInterfaceId> interfaces, IReadOnlyList<TrafficClass> traffic)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(interfaces);
        ArgumentNullException.ThrowIfNull(traffic);
        int[] compiled = [.. interfaces.Select(space.Compiled.InterfaceIndexOf)];
        var classes = InterfaceClasses.Of(space.Network, compiled, interfaces);
        int count = classes.Members.Length, kinds = traffic.Count;
        var start = new int[checked(count * count * kinds + 1)];
        var ports = new List<ushort>();
        var delivered = new List<bool>();
        for (int s = 0; s < count; s++)
        {
            for (int d = 0; d < count; d++)
            {
                var pair = Representatives(classes, s, d);
                for (int t = 0; t < kinds; t++)
                {
                    start[(s * count + d) * kinds + t] = ports.Count;
                    if (pair is not { } p)
                        continue;
                    foreach (var piece in space.Pieces(new InterfaceEnd(p.From), new InterfaceEnd(p.To), traffic[t]))
                    {
                        ports.Add(piece.Flow.SourcePort);
                        delivered.Add(piece.Delivered);
                    }
                }
            }
        }
        start[^1] = ports.Count;
        return new AllPairsReach(space, classes, [.. traffic], start, [.. ports], [.. delivered]);
    }

    /// <summary>Two distinct members standing for a class pair (the first two of a class paired with itself), or null
    /// when the class has one member only: an interface is not paired with itself.</summary>
    private static (NetworkInterfaceId From, NetworkInterfaceId To)? Representatives(InterfaceClasses classes, int s, int d)
    {
        var from = classes.Members[s];
        var to = classes.Members[d];
        if (s != d)
            return (from[0], to[0]);
        return from.Length > 1 ? (from[0], from[1]) : null;
    }

    /// <summary>The pieces from <paramref name="from"/> to <paramref name="to"/> within <paramref name="traffic"/>
    /// (one of <see cref="Traffic"/>), as <see cref="FlowSpace.Pieces(ReachEnd, ReachEnd, TrafficClass, bool)"/> gives them: same order, same verdicts, the
    /// member's own addresses.</summary>
    public IEnumerable<PieceOutcome> Pieces(NetworkInterfaceId from, NetworkInterfaceId to, TrafficClass traffic)
    {
        int t = _traffic.IndexOf(traffic);
        int s = _classes.ClassOf(from), d = _classes.ClassOf(to);
        if (t < 0 || s < 0 || d < 0)
            throw new ArgumentException("Only the interfaces and traffic classes the answer was computed for.");
        return from == to ? [] : Expand(from, to, traffic, Slot(s, d, t));
    }

    private IEnumerable<PieceOutcome> Expand(NetworkInterfaceId from, NetworkInterfaceId to, TrafficClass traffic, int at)
    {
        var source = new InterfaceEnd(from);
        var destination = new InterfaceEnd(to);
        int sourceIndex = _space.Compiled.InterfaceIndexOf(from);
        var values = _space.Values(traffic);
        foreach (var family in FlowSpace.Families(traffic.Protocol))
        {
            var destinations = _space.Destinations(source, destination, family);
            foreach (var address in _space.Sources(source, family))
            {
                foreach (var target in destinations)
                {
                    foreach (var piece in values)
                    {
                        var flow = new FlowKey(address, target, traffic.Protocol, _sourcePort[at], piece.From);
                        yield return new PieceOutcome(flow, sourceIndex, piece, _delivered[at]);
                        at++;
                    }
                }
            }
        }
    }

    private int Slot(int s, int d, int t) => _start[(s * _classes.Members.Length + d) * _traffic.Length + t];

    /// <summary>How many pieces, and how many delivered, from each of <paramref name="sources"/> (every interface
    /// when null) to every other interface of the set, over every traffic class: counted per class pair, times the
    /// members, never enumerated.</summary>
    public (long Pieces, long Delivered) Count(IEnumerable<NetworkInterfaceId>? sources = null)
    {
        int count = _classes.Members.Length, kinds = _traffic.Length;
        var senders = new long[count];
        foreach (var id in sources ?? _classes.Members.SelectMany(m => m))
            senders[_classes.ClassOf(id)]++;
        long pieces = 0, delivered = 0;
        for (int s = 0; s < count; s++)
        {
            if (senders[s] == 0)
                continue;
            for (int d = 0; d < count; d++)
            {
                // A sender reaches every member of its own class but itself.
                long receivers = _classes.Members[d].Length - (s == d ? 1 : 0);
                int first = _start[(s * count + d) * kinds], last = _start[(s * count + d) * kinds + kinds];
                pieces += senders[s] * receivers * (last - first);
                delivered += senders[s] * receivers * _delivered.AsSpan(first, last - first).Count(true);
            }
        }
        return (pieces, delivered);
    }
}
