using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The filter names one Describe* supports, each mapped to the values a resource has for it.
/// Semantics (spec §1): names AND-ed, values OR-ed, case-sensitive, '*' and '?' wildcards; tag:&lt;key&gt;,
/// tag-key and tag-value are understood for every resource; an unknown name is InvalidParameterValue. Used by every
/// Describe* of the control plane and by the Reachability Analyzer's (src/VpcLab.Analysis).</summary>
public sealed class FilterSchema<T>
{
    private readonly Dictionary<string, Func<T, IEnumerable<string?>>> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<IndexedWorld, string, IEnumerable<string>>> _via = new(StringComparer.Ordinal);
    private readonly Func<T, Network?, Tags> _tags;
    private readonly IndexedKind<T>? _kind;

    /// <summary>A schema for an EC2 resource, whose tags live in <see cref="Network.Tags"/> under its id.</summary>
    public FilterSchema(Func<T, string?> tagId)
    {
        ArgumentNullException.ThrowIfNull(tagId);
        _tags = (x, network) => network is not null && tagId(x) is { } id ? network.TagsOf(id) : Tags.Empty;
    }

    /// <summary>A schema for an indexed kind: its indexed filters come from <paramref name="kind"/> (the same value
    /// functions the index files records by), and <see cref="Select"/> plans over the index.</summary>
    public FilterSchema(IndexedKind<T> kind)
        : this(x => kind.Id(x))
    {
        _kind = kind;
        foreach (var (name, values) in kind.Fields)
        {
            if (!IndexedKind<T>.IsLink(name))
                _fields[name] = values;
        }
    }

    private FilterSchema(Func<T, Network?, Tags> tags)
    {
        _tags = tags;
    }

    /// <summary>A schema for a resource that carries its own tags.</summary>
    public static FilterSchema<T> WithTags(Func<T, Tags> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return new FilterSchema<T>((x, _) => tags(x));
    }

    public FilterSchema<T> Add(string name, Func<T, string?> value)
    {
        _fields[name] = x => [value(x)];
        return this;
    }

    public FilterSchema<T> AddMany(string name, Func<T, IEnumerable<string?>> values)
    {
        _fields[name] = values;
        return this;
    }

    /// <summary>A filter whose values read other resources, so no posting holds them, but whose candidates the index can
    /// still name: <paramref name="candidates"/> gives, for one literal value, ids (any order) among which is every record
    /// having that value; the filter is then checked on each, as every filter is (an interface's association.public-ip:
    /// its auto-assigned addresses and the Elastic IPs associated with it).</summary>
    public FilterSchema<T> AddMany(string name, Func<T, IEnumerable<string?>> values, Func<IndexedWorld, string, IEnumerable<string>> candidates)
    {
        _fields[name] = values;
        _via[name] = candidates;
        return this;
    }

    public IEnumerable<T> Apply(IEnumerable<T> items, IReadOnlyList<Filter>? filters, Network? network = null)
    {
        if (filters is null || filters.Count == 0)
            return items;
        var compiled = Compile(filters, network);
        return items.Where(x => compiled.All(f => f(x)));
    }

    /// <summary>The one place a Describe* of an indexed kind selects: the records named by
    /// <paramref name="named"/> (explicit ids, already checked) or else the caller's records of the kind, that pass
    /// every filter, in ordinal id order. Without ids, the candidates are the narrowest posting list among the
    /// caller's scope and each filter whose values are all literal (no <c>*</c>, <c>?</c> or <c>\</c>): the union of
    /// its values' lists, or for the id filter the ids themselves; every filter is then checked on each candidate, so
    /// wildcard filters and filters reading other resources cost one test per candidate
    /// (docs/semantics.md#filter-indexes). A paged caller's <see cref="RequestContext.Page"/> window enters the
    /// candidate list after its cursor and stops after the page (docs/semantics.md#pagination).</summary>
    internal IEnumerable<T> Select(Transaction tx, IReadOnlyList<Filter>? filters, IEnumerable<T>? named = null)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var kind = _kind ?? throw new InvalidOperationException("Select needs an indexed kind");
        var network = tx.N;
        var window = tx.Ctx.Page;
        if (named is not null)
        {
            var ordered = Apply(named, filters, network).OrderBy(kind.Id, StringComparer.Ordinal);
            return window is null ? ordered : window.Cut(ordered, kind.Id);
        }
        var compiled = filters is { Count: > 0 } ? Compile(filters, network) : [];
        var caller = tx.Caller;
        if (!tx.Options.IndexedFilters)
        {
            var scanned = kind.All(network).Where(x => kind.IsCallers(x, caller)).Select(x => kind.Seen(x, caller))
                .Where(x => compiled.All(f => f(x))).OrderBy(kind.Id, StringComparer.Ordinal);
            return window is null ? scanned : window.Cut(scanned, kind.Id);
        }
        var candidates = Plan(kind, new IndexedWorld(network, tx.Index), caller, filters);
        if (window is not null)
            candidates = window.Seek(candidates);
        IEnumerable<T> selected = candidates.Select(id => kind.Lookup(network, id))
            .Where(x => x is not null && kind.IsCallers(x, caller)).Select(x => kind.Seen(x!, caller))
            .Where(x => compiled.All(f => f(x)));
        return window is null ? selected : selected.Take(window.Take);
    }

    /// <summary>The narrowest candidate list, in ordinal order.</summary>
    private IEnumerable<string> Plan(IndexedKind<T> kind, IndexedWorld world, ResourceCaller caller, IReadOnlyList<Filter>? filters)
    {
        var index = world.Index;
        var scopes = kind.CallerScopes(caller).Select(s => index.Ids(kind.Key, WorldIndex.ScopeName, s)).ToList();
        IEnumerable<string> best = scopes.Count == 1 ? scopes[0] : Union(scopes);
        long bestCount = scopes.Sum(l => (long)l.Count);
        foreach (var filter in filters ?? [])
        {
            var values = filter.Values ?? [];
            if (filter.Name is not { } name || values.Any(FilterValues.IsPattern))
                continue;
            if (_via.TryGetValue(name, out var via))
            {
                var found = values.Distinct(StringComparer.Ordinal).SelectMany(v => via(world, v)).ToList();
                if (found.Count < bestCount)
                    (best, bestCount) = (found.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), found.Count);
                continue;
            }
            if (!IsIndexed(kind, name))
                continue;
            if (name == kind.IdFilter)
            {
                if (values.Count < bestCount)
                    (best, bestCount) = (values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), values.Count);
                continue;
            }
            var lists = values.Distinct(StringComparer.Ordinal).Select(v => index.Ids(kind.Key, name, v)).ToList();
            long count = lists.Sum(l => (long)l.Count);
            if (count < bestCount)
                (best, bestCount) = (lists.Count == 1 ? lists[0] : Union(lists), count);
        }
        return best;
    }

    /// <summary>The ids of several posting lists, once each, in ordinal order.</summary>
    private static IEnumerable<string> Union(IEnumerable<IEnumerable<string>> lists) =>
        lists.SelectMany(l => l).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static bool IsIndexed(IndexedKind<T> kind, string name) =>
        kind.Fields.ContainsKey(name) && !IndexedKind<T>.IsLink(name) || name.StartsWith("tag:", StringComparison.Ordinal) || name is "tag-key" or "tag-value";

    private List<Func<T, bool>> Compile(IReadOnlyList<Filter> filters, Network? network)
    {
        var compiled = new List<Func<T, bool>>();
        foreach (var filter in filters)
        {
            var name = filter.Name ?? throw Ec2Errors.MissingParameter("Filter.Name");
            var patterns = (filter.Values ?? []).ToImmutableArray();
            Func<T, IEnumerable<string?>> values;
            if (name.StartsWith("tag:", StringComparison.Ordinal))
            {
                var key = name[4..];
                values = x => _tags(x, network).Items.TryGetValue(key, out var v) ? [v] : [];
            }
            else if (name == "tag-key")
                values = x => _tags(x, network).Items.Keys;
            else if (name == "tag-value")
                values = x => _tags(x, network).Items.Values;
            else if (!_fields.TryGetValue(name, out values!))
                throw Ec2Errors.InvalidFilter(name);
            var v = values;
            compiled.Add(x => v(x).Any(value => value is not null && patterns.Any(p => Wildcard.Matches(p, value))));
        }
        return compiled;
    }
}
