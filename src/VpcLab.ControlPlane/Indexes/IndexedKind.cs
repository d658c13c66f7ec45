using System.Collections.Frozen;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>A resource kind whose Describe* filters are answered from <see cref="WorldIndex"/>: the key its postings
/// are filed under (its id prefix), the filter that names its id, where its records live in <see cref="Network"/>,
/// its owner rule, and the filters whose values depend on the record alone (ids of parents, CIDRs, addresses,
/// states). The scan of <see cref="FilterSchema{T}"/> and the index read the same value functions, so the two
/// cannot disagree on what a filter means (docs/semantics.md#filter-indexes).</summary>
public sealed class IndexedKind<T> : IIndexedKind
{
    private readonly Dictionary<string, Func<T, IEnumerable<string?>>> _fields = new(StringComparer.Ordinal);
    private FrozenDictionary<string, Func<T, IEnumerable<string?>>>? _frozen;

    public IndexedKind(string key, string idFilter, Func<T, string> id, Func<T, AccountId> owner, Func<T, string> region,
        Func<Network, string, T?> lookup, Func<Network, IEnumerable<T>> all, Func<Network, object> collection)
    {
        Key = key;
        IdFilter = idFilter;
        Id = id;
        Owner = owner;
        Region = region;
        Lookup = lookup;
        All = all;
        Collection = collection;
        _fields[idFilter] = x => [id(x)];
        Scopes = x => [Scope(owner(x), region(x))];
        CallerScopes = c => [Scope(c.Account, c.Region)];
        Visible = (x, c) => c.Owns(owner(x), region(x));
        Seen = (x, _) => x;
    }

    /// <summary>The id prefix its postings are filed under (vpc, subnet, eni, …).</summary>
    public string Key { get; }

    /// <summary>The filter naming the id itself (vpc-id for VPCs): answered by a lookup, not a posting.</summary>
    public string IdFilter { get; }

    public Func<T, string> Id { get; }

    public Func<T, AccountId> Owner { get; }

    public Func<T, string> Region { get; }

    /// <summary>The record of an id (any owner), or null.</summary>
    public Func<Network, string, T?> Lookup { get; }

    public Func<Network, IEnumerable<T>> All { get; }

    /// <summary>The map of <see cref="Network"/> holding the kind: a change to it must go through the index.</summary>
    public Func<Network, object> Collection { get; }

    /// <summary>The owner scopes a record is filed under (<see cref="Scope"/>): its owner's, unless
    /// <see cref="SeenBy"/> says otherwise.</summary>
    public Func<T, IEnumerable<string>> Scopes { get; private set; }

    /// <summary>The owner scopes whose records a caller may see: the union of their lists holds every candidate.</summary>
    public Func<ResourceCaller, IEnumerable<string>> CallerScopes { get; private set; }

    /// <summary>The kind's owner rule, checked on every candidate (it may read the clock, as peering's does).</summary>
    public Func<T, ResourceCaller, bool> Visible { get; private set; }

    /// <summary>The record as the caller sees it now (a pending peering request past its expiry is expired): what the
    /// filters that no posting holds are evaluated on. Indexed filters read only what this leaves unchanged.</summary>
    public Func<T, ResourceCaller, T> Seen { get; private set; }

    /// <summary>A kind whose owner rule is not "the owner, from the record's Region": AWS-managed prefix lists are
    /// every caller's of their Region, a peering connection is both ends' owners' (docs/semantics.md#filter-indexes).</summary>
    public IndexedKind<T> SeenBy(Func<T, IEnumerable<string>> scopes, Func<ResourceCaller, IEnumerable<string>> callerScopes,
        Func<T, ResourceCaller, bool> visible, Func<T, ResourceCaller, T>? seen = null)
    {
        if (_frozen is not null)
            throw new InvalidOperationException("an indexed kind is complete once used");
        (Scopes, CallerScopes, Visible) = (scopes, callerScopes, visible);
        Seen = seen ?? Seen;
        return this;
    }

    /// <summary>The indexed filters: name → the values a record has for it.</summary>
    public IReadOnlyDictionary<string, Func<T, IEnumerable<string?>>> Fields => _frozen ??= _fields.ToFrozenDictionary(StringComparer.Ordinal);

    public IndexedKind<T> Field(string name, Func<T, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Many(name, x => [value(x)]);
    }

    public IndexedKind<T> Many(string name, Func<T, IEnumerable<string?>> values)
    {
        if (_frozen is not null)
            throw new InvalidOperationException("an indexed kind is complete once used");
        _fields[name] = values;
        return this;
    }

    /// <summary>A posting that is no filter: what a deletion blocker asks of the kind (the security groups of a VPC
    /// endpoint) where AWS's Describe* has no filter for it. Its name starts with '@', so no filter can name it.</summary>
    public IndexedKind<T> Link(string name, Func<T, IEnumerable<string?>> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsLink(name))
            throw new ArgumentException("a link's name starts with '@'", nameof(name));
        return Many(name, values);
    }

    /// <summary>True for a <see cref="Link"/>'s name.</summary>
    public static bool IsLink(string name) => name.StartsWith('@');

    public void FileAll(Network network, Action<string, PostingKey> file)
    {
        ArgumentNullException.ThrowIfNull(file);
        foreach (var record in All(network))
        {
            var id = Id(record);
            foreach (var key in WorldIndex.Postings(this, record))
                file(id, key);
        }
    }

    /// <summary>The owner rule of the kind (<see cref="Visible"/>): by default the caller's account, called from the
    /// record's Region.</summary>
    public bool IsCallers(T record, ResourceCaller caller) => Visible(record, caller);

    /// <summary>The posting value of the owner rule (account and Region).</summary>
    public static string Scope(AccountId owner, string region) => owner.Value + "|" + region;
}
