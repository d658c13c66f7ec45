using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using VpcLab.Analysis.Reach;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>A scope's findings in a world, answered over header sets by <see cref="FlowSpace"/> (cut also at the
/// scope's own CIDRs and ports, so each piece is wholly inside or outside every statement): for each match path, each
/// pair of its ends and each protocol, the delivered pieces on the path that no exclude path covers, one finding per
/// distinct route (ends, an interface's address, protocol, gateways and peerings passed) with one flow of it traced
/// (docs/semantics.md#naa-analysis).</summary>
internal static class NetworkAccessAnalyzer
{
    public static ImmutableArray<AccessScopeFinding> Findings(AccessScope scope, Network network, RequestContext ctx, string analysisId)
    {
        var matches = scope.MatchPaths.Select(p => new ScopePathMatcher(p, network, ctx)).ToArray();
        var excludes = scope.ExcludePaths.Select(p => new ScopePathMatcher(p, network, ctx)).ToArray();
        var headers = matches.Concat(excludes).SelectMany(m => m.Headers).ToArray();
        var space = new FlowSpace(network, headers.SelectMany(h => h.SourceAddresses.Concat(h.DestinationAddresses)),
            headers.SelectMany(h => h.DestinationPorts), headers.SelectMany(h => h.SourcePorts));
        // Without source ports in any statement, one pass over every source port; with some, one pass per source-port
        // piece, so that a piece delivered on a port outside a match's ports, or inside an exclude's, never hides one
        // delivered on another port.
        PortRange?[] sourcePorts = headers.Any(h => !h.SourcePorts.IsEmpty) ? [.. space.SourcePortPieces.Select(p => (PortRange?)p)] : [null];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var findings = ImmutableArray.CreateBuilder<AccessScopeFinding>();
        foreach (var match in matches)
        {
            foreach (var from in match.Sources.All)
            {
                foreach (var to in match.Destinations.All.Where(t => t != from && !(from is InternetEnd && t is InternetEnd)))
                {
                    foreach (var protocol in match.Protocols)
                    {
                        foreach (var ports in sourcePorts)
                            Pair(space, new PairQuestion(match, excludes, from, to, protocol, ports), seen, findings, analysisId);
                    }
                }
            }
        }
        return findings.ToImmutable();
    }

    private static void Pair(FlowSpace space, PairQuestion q, HashSet<string> seen, ImmutableArray<AccessScopeFinding>.Builder findings, string analysisId)
    {
        var (match, excludes, from, to, protocol) = (q.Match, q.Excludes, q.From, q.To, q.Protocol);
        foreach (var piece in space.Pieces(from, to, new TrafficClass(protocol, PortRange.All), everyEphemeralPort: false, q.SourcePorts))
        {
            if (!piece.Delivered || !match.Admits(piece))
                continue;
            var trace = space.Compiled.Trace(piece.Flow, piece.SourceInterfaceIndex);
            if (!match.Matches(from, to, piece, trace) || excludes.Any(x => x.Matches(from, to, piece, trace)))
                continue;
            // An interface's public IPv4 and IPv6 addresses are separate findings; the internet's pieces are not.
            var address = to is InterfaceEnd ? piece.Flow.Destination.ToString() : "";
            var key = $"{from.Describe(space.Network)}|{to.Describe(space.Network)}|{address}|{protocol.Name}|{string.Join(' ', SelectionReach.Via(trace))}";
            if (seen.Add(key))
                findings.Add(new AccessScopeFinding(FindingId(analysisId, key), trace));
        }
    }

    /// <summary>One pair of ends on one protocol of a match path, over the source ports of one piece (every source port
    /// when null).</summary>
    private sealed record PairQuestion(ScopePathMatcher Match, ScopePathMatcher[] Excludes, ReachEnd From, ReachEnd To, IpProtocol Protocol,
        PortRange? SourcePorts);

    /// <summary>A stable id (a GUID's text, drawn from the analysis id and the route), so a replay gives the same ids.</summary>
    private static string FindingId(string analysisId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(analysisId + "\n" + key));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
