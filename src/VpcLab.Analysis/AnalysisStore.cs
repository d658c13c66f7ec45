using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Analysis;

/// <summary>A resource of an analysis service, visible only to its owner in its Region.</summary>
public interface IRegionalAnalysisItem
{
    string Id { get; }

    AccountId OwnerId { get; }

    string Region { get; }
}

/// <summary>An analysis run over one subject (a Reachability Analyzer path, a Network Access Scope).</summary>
public interface IAnalysisOfSubject : IRegionalAnalysisItem
{
    string SubjectId { get; }
}

/// <summary>The subjects (paths, scopes) and analyses of one analysis service, for every account and Region, each
/// visible only to its owner in its Region. Ids are drawn like the control plane's (SplitMix64 over a seed and a
/// counter that advances only when a call succeeds), so replaying the operation log reproduces them. Thread-safe; one
/// per service object, so a fresh world (a server reset) starts with none.</summary>
public sealed class AnalysisStore<TSubject, TAnalysis>
    where TSubject : IRegionalAnalysisItem
    where TAnalysis : IAnalysisOfSubject
{
    private readonly Lock _gate = new();
    private readonly ulong _seed;
    private readonly string _subjectPrefix;
    private readonly string _analysisPrefix;
    private ulong _counter;
    private readonly Dictionary<string, TSubject> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TAnalysis> _analyses = new(StringComparer.Ordinal);

    /// <param name="seed">The control plane's id seed.</param>
    /// <param name="salt">Mixed into the seed so this store's ids never follow the control plane's sequence or
    /// another store's.</param>
    /// <param name="subjectPrefix">The subjects' id prefix (<c>nip</c>, <c>nis</c>).</param>
    /// <param name="analysisPrefix">The analyses' id prefix (<c>nia</c>, <c>nisa</c>).</param>
    public AnalysisStore(ulong seed, ulong salt, string subjectPrefix, string analysisPrefix)
    {
        _seed = seed ^ salt;
        _subjectPrefix = subjectPrefix;
        _analysisPrefix = analysisPrefix;
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

    /// <summary>Builds and stores a new subject under the next id; if <paramref name="build"/> throws, nothing changes.</summary>
    public TSubject AddSubject(Func<string, TSubject> build) => Add(_subjects, _subjectPrefix, build);

    /// <summary>Builds (runs) and stores a new analysis under the next id; if <paramref name="build"/> throws,
    /// nothing changes.</summary>
    public TAnalysis AddAnalysis(Func<string, TAnalysis> build) => Add(_analyses, _analysisPrefix, build);

    public TSubject? FindSubject(RequestContext caller, string id) => Find(_subjects, caller, id);

    public TAnalysis? FindAnalysis(RequestContext caller, string id) => Find(_analyses, caller, id);

    /// <summary>The caller's subjects in its Region, ordered by id.</summary>
    public IReadOnlyList<TSubject> SubjectsOf(RequestContext caller) => Of(_subjects, caller);

    /// <summary>The caller's analyses in its Region, ordered by id.</summary>
    public IReadOnlyList<TAnalysis> AnalysesOf(RequestContext caller) => Of(_analyses, caller);

    /// <summary>Removes a subject of the caller after <paramref name="check"/> (given the subject and the count of its
    /// analyses; it may throw) accepted it.</summary>
    public bool RemoveSubject(RequestContext caller, string id, Action<TSubject, int> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        lock (_gate)
        {
            if (!_subjects.TryGetValue(id, out var s) || !Owns(caller, s))
                return false;
            check(s, _analyses.Values.Count(a => string.Equals(a.SubjectId, id, StringComparison.Ordinal)));
            return _subjects.Remove(id);
        }
    }

    public bool RemoveAnalysis(RequestContext caller, string id)
    {
        lock (_gate)
            return _analyses.TryGetValue(id, out var a) && Owns(caller, a) && _analyses.Remove(id);
    }

    private T Add<T>(Dictionary<string, T> items, string prefix, Func<string, T> build)
        where T : IRegionalAnalysisItem
    {
        ArgumentNullException.ThrowIfNull(build);
        lock (_gate)
        {
            var item = build(IdGenerator.Format(prefix, IdGenerator.Draw(_seed, _counter)));
            items.Add(item.Id, item);
            _counter++;
            return item;
        }
    }

    private T? Find<T>(Dictionary<string, T> items, RequestContext caller, string id)
        where T : IRegionalAnalysisItem
    {
        lock (_gate)
            return items.TryGetValue(id, out var item) && Owns(caller, item) ? item : default;
    }

    private IReadOnlyList<T> Of<T>(Dictionary<string, T> items, RequestContext caller)
        where T : IRegionalAnalysisItem
    {
        lock (_gate)
            return [.. items.Values.Where(i => Owns(caller, i)).OrderBy(i => i.Id, StringComparer.Ordinal)];
    }

    private static bool Owns(RequestContext caller, IRegionalAnalysisItem item) =>
        caller.Account == item.OwnerId && string.Equals(caller.Region, item.Region, StringComparison.Ordinal);
}
