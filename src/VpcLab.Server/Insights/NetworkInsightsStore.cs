using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Server.Insights;

/// <summary>What a path's source or destination names: an instance, a network interface, an internet gateway or a
/// VPC endpoint (gateway or interface; docs/semantics.md#ra-endpoints).</summary>
public enum PathEndpointKind
{
    Instance,
    NetworkInterface,
    InternetGateway,
    VpcEndpoint,
}

/// <summary>A path's source or destination as stored: its kind, id and ARN (as the caller gave it or as we built it).</summary>
public sealed record PathEndpoint(PathEndpointKind Kind, string Id, string Arn);

/// <summary>FilterAtSource / FilterAtDestination after validation.</summary>
public sealed record PathFilter(IpAddress? SourceAddress, PortRange? SourcePortRange, IpAddress? DestinationAddress,
    PortRange? DestinationPortRange);

/// <summary>A Reachability Analyzer path (nip-…): the question, not an answer. Not part of the network model the
/// engine decides on; kept by <see cref="NetworkInsightsStore"/>.</summary>
public sealed record NetworkInsightsPath(
    string Id, string Arn, AccountId OwnerId, string Region, DateTimeOffset CreatedDate,
    PathEndpoint Source, PathEndpoint? Destination, IpAddress? SourceIp, IpAddress? DestinationIp, string Protocol,
    int? DestinationPort, PathFilter? FilterAtSource, PathFilter? FilterAtDestination, Tags Tags);

/// <summary>A finished analysis (nia-…). <see cref="Result"/> holds the members computed by the engine
/// (NetworkPathFound, ForwardPathComponents, ReturnPathComponents, Explanations) in output-shape JSON.</summary>
public sealed record NetworkInsightsAnalysis(
    string Id, string Arn, string PathId, AccountId OwnerId, string Region, DateTimeOffset StartDate,
    string Status, string? StatusMessage, string? WarningMessage, bool? NetworkPathFound,
    ImmutableArray<string> AdditionalAccounts, ImmutableArray<string> FilterInArns, ImmutableArray<string> FilterOutArns,
    Tags Tags, JsonObject Result);

/// <summary>Paths and analyses of every account and Region, each visible only to its owner in its Region.
/// Ids are drawn like the control plane's (SplitMix64 over a seed and a counter that advances only when a call
/// succeeds), so replaying the server's operation log reproduces them. Thread-safe; one per dispatcher, so a
/// server reset forgets them with the rest of the world.</summary>
internal sealed class NetworkInsightsStore
{
    public const string PathPrefix = "nip";
    public const string AnalysisPrefix = "nia";

    /// <summary>Mixed into the control plane's seed so our ids never follow the same sequence as its ones.</summary>
    private const ulong SeedSalt = 0x6e69_705f_6e69_615fUL; // "nip_nia_"

    private readonly Lock _gate = new();
    private readonly ulong _seed;
    private ulong _counter;
    private readonly Dictionary<string, NetworkInsightsPath> _paths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NetworkInsightsAnalysis> _analyses = new(StringComparer.Ordinal);

    public NetworkInsightsStore(ulong seed)
    {
        _seed = seed ^ SeedSalt;
    }

    /// <summary>How many ids were drawn (part of what a replay must reproduce).</summary>
    public ulong Counter
    {
        get
        {
            lock (_gate)
                return _counter;
        }
    }

    /// <summary>Builds and stores a new path under the next id; if <paramref name="build"/> throws, nothing changes.</summary>
    public NetworkInsightsPath AddPath(Func<string, NetworkInsightsPath> build)
    {
        lock (_gate)
        {
            var path = build(IdGenerator.Format(PathPrefix, IdGenerator.Draw(_seed, _counter)));
            _paths.Add(path.Id, path);
            _counter++;
            return path;
        }
    }

    /// <summary>Builds (runs) and stores a new analysis under the next id; if <paramref name="build"/> throws,
    /// nothing changes.</summary>
    public NetworkInsightsAnalysis AddAnalysis(Func<string, NetworkInsightsAnalysis> build)
    {
        lock (_gate)
        {
            var analysis = build(IdGenerator.Format(AnalysisPrefix, IdGenerator.Draw(_seed, _counter)));
            _analyses.Add(analysis.Id, analysis);
            _counter++;
            return analysis;
        }
    }

    public NetworkInsightsPath? FindPath(RequestContext caller, string id)
    {
        lock (_gate)
            return _paths.TryGetValue(id, out var p) && Owns(caller, p.OwnerId, p.Region) ? p : null;
    }

    public NetworkInsightsAnalysis? FindAnalysis(RequestContext caller, string id)
    {
        lock (_gate)
            return _analyses.TryGetValue(id, out var a) && Owns(caller, a.OwnerId, a.Region) ? a : null;
    }

    /// <summary>The caller's paths in its Region, ordered by id.</summary>
    public IReadOnlyList<NetworkInsightsPath> PathsOf(RequestContext caller)
    {
        lock (_gate)
        {
            return [.. _paths.Values.Where(p => Owns(caller, p.OwnerId, p.Region)).OrderBy(p => p.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>The caller's analyses in its Region, ordered by id.</summary>
    public IReadOnlyList<NetworkInsightsAnalysis> AnalysesOf(RequestContext caller)
    {
        lock (_gate)
        {
            return [.. _analyses.Values.Where(a => Owns(caller, a.OwnerId, a.Region)).OrderBy(a => a.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>Removes a path of the caller after <paramref name="check"/> (which may throw) accepted it.</summary>
    public bool RemovePath(RequestContext caller, string id, Action<NetworkInsightsPath, int> check)
    {
        lock (_gate)
        {
            if (!_paths.TryGetValue(id, out var p) || !Owns(caller, p.OwnerId, p.Region))
                return false;
            check(p, _analyses.Values.Count(a => a.PathId == id));
            return _paths.Remove(id);
        }
    }

    public bool RemoveAnalysis(RequestContext caller, string id)
    {
        lock (_gate)
        {
            return _analyses.TryGetValue(id, out var a) && Owns(caller, a.OwnerId, a.Region) && _analyses.Remove(id);
        }
    }

    private static bool Owns(RequestContext caller, AccountId owner, string region) =>
        caller.Account == owner && string.Equals(caller.Region, region, StringComparison.Ordinal);
}
