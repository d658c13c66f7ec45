using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Analysis.Reachability;

/// <summary>Paths and analyses of every account and Region, each visible only to its owner in its Region.
/// Ids are drawn like the control plane's (SplitMix64 over a seed and a counter that advances only when a call
/// succeeds), so replaying the operation log reproduces them. Thread-safe; one per <see cref="NetworkInsights"/>, so a
/// fresh world (a server reset) starts with none.</summary>
public sealed class NetworkInsightsStore
{
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
            var path = build(IdGenerator.Format(NetworkInsightsPath.IdPrefix, IdGenerator.Draw(_seed, _counter)));
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
            var analysis = build(IdGenerator.Format(NetworkInsightsAnalysis.IdPrefix, IdGenerator.Draw(_seed, _counter)));
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
