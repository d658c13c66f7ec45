using VpcLab.Analysis.Reach;
using VpcLab.ControlPlane;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>One scope path resolved in a world: whether a delivered piece of header space between two ends, with its
/// traced path, is on it (ends, both statements' packet headers, the through resources in order).</summary>
internal sealed class ScopePathMatcher
{
    private readonly ScopePath _path;
    private readonly ScopePacketHeader[] _headers;

    public ScopePathMatcher(ScopePath path, Network network, RequestContext ctx)
    {
        _path = path;
        Sources = ScopeEnds.Of(path.Source, network, ctx);
        Destinations = ScopeEnds.Of(path.Destination, network, ctx);
        _headers = [.. new[] { path.Source?.PacketHeader, path.Destination?.PacketHeader }.OfType<ScopePacketHeader>()
            .Select(h => h.WithPrefixListEntries(network))];
    }

    public ScopeEnds Sources { get; }

    public ScopeEnds Destinations { get; }

    /// <summary>The protocols the path admits: those both statements list (TCP and UDP when neither does).</summary>
    public IEnumerable<IpProtocol> Protocols => new[] { IpProtocol.Tcp, IpProtocol.Udp }
        .Where(p => _headers.All(h => h.Protocols.IsEmpty || h.Protocols.Contains(p)));

    /// <summary>The statements' packet headers, prefix lists read from the snapshot.</summary>
    public IReadOnlyList<ScopePacketHeader> Headers => _headers;

    /// <summary>Whether the piece's header is inside both statements' packet headers (as the source sends it).</summary>
    public bool Admits(PieceOutcome piece) =>
        _headers.All(h => h.Admits(piece.Flow.Source, piece.Flow.SourcePort, piece.Flow.Destination, piece.Flow.Protocol, piece.Values));

    /// <summary>Whether the traced flow between these ends is on the path (header included).</summary>
    public bool Matches(ReachEnd from, ReachEnd to, PieceOutcome piece, Trace trace) =>
        Admits(piece) && Sources.Contains(from, trace) && Destinations.Contains(to, trace) && PassesThrough(trace);

    /// <summary>Each through statement matched by a hop of the forward path, in the order given.</summary>
    private bool PassesThrough(Trace trace)
    {
        int next = 0;
        foreach (var through in _path.Through)
        {
            while (next < trace.Forward.Length && !Names(through, trace.Forward[next].Component))
                next++;
            if (next == trace.Forward.Length)
                return false;
            next++;
        }
        return true;
    }

    private static bool Names(ScopeResources through, ComponentRef component) =>
        through.Resources.Contains(component.Id) || through.ResourceTypes.Any(t => t switch
        {
            ScopeResourceTypes.NatGateway => component.Kind == ComponentKind.NatGateway,
            ScopeResourceTypes.VpcPeeringConnection => component.Kind == ComponentKind.VpcPeeringConnection,
            ScopeResourceTypes.VpcEndpoint => component.Kind is ComponentKind.GatewayEndpoint or ComponentKind.InterfaceEndpoint,
            _ => false,
        });
}
