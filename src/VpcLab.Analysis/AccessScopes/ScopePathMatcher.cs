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

    public ScopePathMatcher(ScopePath path, Network network, RequestContext ctx)
    {
        _path = path;
        Sources = ScopeEnds.Of(path.Source, network, ctx);
        Destinations = ScopeEnds.Of(path.Destination, network, ctx);
    }

    public ScopeEnds Sources { get; }

    public ScopeEnds Destinations { get; }

    /// <summary>The protocols the path admits: those both statements list (TCP and UDP when neither does).</summary>
    public IEnumerable<IpProtocol> Protocols => new[] { IpProtocol.Tcp, IpProtocol.Udp }
        .Where(p => Headers().All(h => h.Protocols.IsEmpty || h.Protocols.Contains(p)));

    /// <summary>Whether the piece's header is inside both statements' packet headers (as the source sends it).</summary>
    public bool Admits(PieceOutcome piece) =>
        Headers().All(h => h.Admits(piece.Flow.Source, piece.Flow.Destination, piece.Flow.Protocol, piece.Values));

    /// <summary>Whether the traced flow between these ends is on the path (header included).</summary>
    public bool Matches(ReachEnd from, ReachEnd to, PieceOutcome piece, Trace trace) =>
        Admits(piece) && Sources.Contains(from, trace) && Destinations.Contains(to, trace) && PassesThrough(trace);

    private IEnumerable<ScopePacketHeader> Headers()
    {
        if (_path.Source?.PacketHeader is { } s)
            yield return s;
        if (_path.Destination?.PacketHeader is { } d)
            yield return d;
    }

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
