using System.Collections.Immutable;
using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>"What in this selection reaches what in that one": for every pair of ends, every protocol of the traffic,
/// the delivered pieces of <see cref="FlowSpace"/> grouped by the path they take (the gateways, endpoints and peering
/// connections on the forward path, from one trace per delivered piece: the path depends on the addresses and, through
/// a load balancer's listener, on the destination port, not on the source port). Across peerings and endpoints, as
/// the engine walks them (docs/semantics.md#reach).</summary>
public static class SelectionReach
{
    private static readonly ComponentKind[] ViaKinds =
    [
        ComponentKind.InternetGateway, ComponentKind.EgressOnlyInternetGateway, ComponentKind.NatGateway,
        ComponentKind.VpcPeeringConnection, ComponentKind.GatewayEndpoint, ComponentKind.InterfaceEndpoint, ComponentKind.LoadBalancer,
    ];

    public static ImmutableArray<PairReach> Compute(FlowSpace space, IReadOnlyList<ReachEnd> froms, IReadOnlyList<ReachEnd> tos,
        IReadOnlyList<TrafficClass> traffic)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(froms);
        ArgumentNullException.ThrowIfNull(tos);
        ArgumentNullException.ThrowIfNull(traffic);
        var result = ImmutableArray.CreateBuilder<PairReach>();
        foreach (var from in froms)
        {
            foreach (var to in tos.Where(t => t != from && !(from is InternetEnd && t is ServiceEnd)))
            {
                foreach (var protocolTraffic in traffic.GroupBy(t => t.Protocol))
                    result.AddRange(Pair(space, from, to, protocolTraffic.Key, protocolTraffic));
            }
        }
        return result.ToImmutable();
    }

    private static IEnumerable<PairReach> Pair(FlowSpace space, ReachEnd from, ReachEnd to, IpProtocol protocol, IEnumerable<TrafficClass> traffic)
    {
        var byPath = new Dictionary<string, (List<PortRange> Values, ImmutableArray<string> Via, PieceOutcome Example)>(StringComparer.Ordinal);
        foreach (var piece in traffic.SelectMany(t => space.Pieces(from, to, t)).Where(p => p.Delivered))
        {
            var via = Via(space.Compiled.Trace(piece.Flow, piece.SourceInterfaceIndex));
            var key = string.Join(' ', via);
            if (!byPath.TryGetValue(key, out var group))
                byPath[key] = group = ([], via, piece);
            group.Values.Add(piece.Values);
        }
        return byPath.Values.Select(g => new PairReach(from, to, protocol, Merge(g.Values), g.Via, g.Example.Flow, g.Example.SourceInterfaceIndex));
    }

    /// <summary>The gateways, endpoints, peering connections and load balancers a trace's forward path passes, in order.</summary>
    public static ImmutableArray<string> Via(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return [.. trace.Forward.Where(h => ViaKinds.Contains(h.Component.Kind)).Select(h => h.Component.Id).Distinct()];
    }

    /// <summary>Value pieces (any order, repeats across addresses) as sorted, merged ranges.</summary>
    public static ImmutableArray<PortRange> Merge(IEnumerable<PortRange> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        var merged = new List<PortRange>();
        foreach (var piece in pieces.Distinct().OrderBy(p => p.From))
        {
            if (merged.Count > 0 && merged[^1].To + 1 >= piece.From)
                merged[^1] = new PortRange(merged[^1].From, Math.Max(merged[^1].To, piece.To));
            else
                merged.Add(piece);
        }
        return [.. merged];
    }
}
