using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>Scopes and analyses of every account and Region, each visible only to its owner in its Region. Ids are
/// drawn like the control plane's (SplitMix64 over a seed and a counter that advances only when a call succeeds), so
/// replaying the operation log reproduces them. Thread-safe; one per <see cref="NetworkAccessScopes"/>.</summary>
public sealed class AccessScopeStore
{
    /// <summary>Mixed into the control plane's seed so our ids never follow its sequence (or the paths' one).</summary>
    private const ulong SeedSalt = 0x6e69_735f_6e69_7361UL; // "nis_nisa"

    private readonly Lock _gate = new();
    private readonly ulong _seed;
    private ulong _counter;
    private readonly Dictionary<string, AccessScope> _scopes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccessScopeAnalysis> _analyses = new(StringComparer.Ordinal);

    public AccessScopeStore(ulong seed)
    {
        _seed = seed ^ SeedSalt;
    }

    /// <summary>Builds and stores a new scope under the next id; if <paramref name="build"/> throws, nothing changes.</summary>
    public AccessScope AddScope(Func<string, AccessScope> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        lock (_gate)
        {
            var scope = build(IdGenerator.Format(AccessScope.IdPrefix, IdGenerator.Draw(_seed, _counter)));
            _scopes.Add(scope.Id, scope);
            _counter++;
            return scope;
        }
    }

    /// <summary>Builds (runs) and stores a new analysis under the next id; if <paramref name="build"/> throws, nothing changes.</summary>
    public AccessScopeAnalysis AddAnalysis(Func<string, AccessScopeAnalysis> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        lock (_gate)
        {
            var analysis = build(IdGenerator.Format(AccessScopeAnalysis.IdPrefix, IdGenerator.Draw(_seed, _counter)));
            _analyses.Add(analysis.Id, analysis);
            _counter++;
            return analysis;
        }
    }

    public AccessScope? FindScope(RequestContext caller, string id)
    {
        lock (_gate)
            return _scopes.TryGetValue(id, out var s) && Owns(caller, s.OwnerId, s.Region) ? s : null;
    }

    public AccessScopeAnalysis? FindAnalysis(RequestContext caller, string id)
    {
        lock (_gate)
            return _analyses.TryGetValue(id, out var a) && Owns(caller, a.OwnerId, a.Region) ? a : null;
    }

    /// <summary>The caller's scopes in its Region, ordered by id.</summary>
    public IReadOnlyList<AccessScope> ScopesOf(RequestContext caller)
    {
        lock (_gate)
            return [.. _scopes.Values.Where(s => Owns(caller, s.OwnerId, s.Region)).OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    /// <summary>The caller's analyses in its Region, ordered by id.</summary>
    public IReadOnlyList<AccessScopeAnalysis> AnalysesOf(RequestContext caller)
    {
        lock (_gate)
            return [.. _analyses.Values.Where(a => Owns(caller, a.OwnerId, a.Region)).OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>Removes a scope of the caller after <paramref name="check"/> (given its analysis count; may throw) accepted it.</summary>
    public bool RemoveScope(RequestContext caller, string id, Action<int> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        lock (_gate)
        {
            if (!_scopes.TryGetValue(id, out var s) || !Owns(caller, s.OwnerId, s.Region))
                return false;
            check(_analyses.Values.Count(a => a.ScopeId == id));
            return _scopes.Remove(id);
        }
    }

    public bool RemoveAnalysis(RequestContext caller, string id)
    {
        lock (_gate)
            return _analyses.TryGetValue(id, out var a) && Owns(caller, a.OwnerId, a.Region) && _analyses.Remove(id);
    }

    private static bool Owns(RequestContext caller, AccountId owner, string region) =>
        caller.Account == owner && string.Equals(caller.Region, region, StringComparison.Ordinal);
}
