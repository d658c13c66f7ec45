using System.Collections.Immutable;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The filter index kept with a <see cref="Network"/> snapshot: for each indexed kind, filter name and value,
/// the ids (ordinal order) of the records having that value, plus each kind's owner scope and every tag. Immutable,
/// like the snapshot it belongs to; <see cref="Transaction"/> updates both in the same mutation, under the same lock,
/// and they are published together (docs/semantics.md#filter-indexes).</summary>
public sealed class WorldIndex
{
    /// <summary>The posting name of the owner rule (<see cref="IndexedKind{T}.Scope"/>).</summary>
    public const string ScopeName = "@scope";

    /// <summary>The kind under which DescribeTags finds tags of every kind.</summary>
    public const string AnyKind = "*";

    private static readonly ImmutableSortedSet<string> s_none = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    private readonly ImmutableDictionary<PostingKey, ImmutableSortedSet<string>> _postings;

    private WorldIndex(ImmutableDictionary<PostingKey, ImmutableSortedSet<string>> postings)
    {
        _postings = postings;
    }

    public static WorldIndex Empty { get; } = new(ImmutableDictionary<PostingKey, ImmutableSortedSet<string>>.Empty);

    /// <summary>Every posting list's key.</summary>
    public IEnumerable<PostingKey> Keys => _postings.Keys;

    /// <summary>The ids filed under a key, in ordinal order (empty when none).</summary>
    public ImmutableSortedSet<string> Ids(string kind, string name, string value) =>
        _postings.GetValueOrDefault(new PostingKey(kind, name, value), s_none);

    /// <summary>The index of a whole snapshot (at start, after a replay or a reset).</summary>
    public static WorldIndex Build(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var lists = new Dictionary<PostingKey, List<string>>();
        void File(string id, PostingKey key)
        {
            if (!lists.TryGetValue(key, out var list))
                lists[key] = list = [];
            list.Add(id);
        }
        foreach (var kind in IndexedKinds.All)
            kind.FileAll(network, File);
        foreach (var (id, tags) in network.Tags)
        {
            foreach (var key in TagPostings(id, tags))
                File(id, key);
        }
        var builder = ImmutableDictionary.CreateBuilder<PostingKey, ImmutableSortedSet<string>>();
        foreach (var (key, ids) in lists)
            builder[key] = ids.ToImmutableSortedSet(StringComparer.Ordinal);
        return new WorldIndex(builder.ToImmutable());
    }

    /// <summary>The index after one record of <paramref name="kind"/> changed from <paramref name="before"/> to
    /// <paramref name="after"/> (null: absent).</summary>
    public WorldIndex Replace<T>(IndexedKind<T> kind, T? before, T? after)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (ReferenceEquals(before, after))
            return this;
        var id = kind.Id((after ?? before)!);
        return Move(id, Postings(kind, before), Postings(kind, after));
    }

    /// <summary>The index after the tags of <paramref name="resourceId"/> changed.</summary>
    public WorldIndex ReplaceTags(string resourceId, Tags? before, Tags? after)
    {
        ArgumentNullException.ThrowIfNull(resourceId);
        if (ReferenceEquals(before, after))
            return this;
        return Move(resourceId, before is null ? [] : TagPostings(resourceId, before), after is null ? [] : TagPostings(resourceId, after));
    }

    private WorldIndex Move(string id, HashSet<PostingKey> before, HashSet<PostingKey> after)
    {
        var postings = _postings;
        foreach (var key in before)
        {
            if (after.Contains(key) || !postings.TryGetValue(key, out var ids))
                continue;
            ids = ids.Remove(id);
            postings = ids.IsEmpty ? postings.Remove(key) : postings.SetItem(key, ids);
        }
        foreach (var key in after)
        {
            if (before.Contains(key))
                continue;
            postings = postings.SetItem(key, postings.GetValueOrDefault(key, s_none).Add(id));
        }
        return ReferenceEquals(postings, _postings) ? this : new WorldIndex(postings);
    }

    /// <summary>Every posting a record is filed under: its owner scope and each value of each indexed filter but the id.</summary>
    internal static HashSet<PostingKey> Postings<T>(IndexedKind<T> kind, T? record)
    {
        var keys = new HashSet<PostingKey>();
        if (record is null)
            return keys;
        foreach (var scope in kind.Scopes(record))
            keys.Add(new PostingKey(kind.Key, ScopeName, scope));
        foreach (var (name, values) in kind.Fields)
        {
            if (name == kind.IdFilter)
                continue;
            foreach (var value in values(record))
            {
                if (value is not null)
                    keys.Add(new PostingKey(kind.Key, name, value));
            }
        }
        return keys;
    }

    /// <summary>The postings of a resource's tags: per kind (its id prefix) tag:KEY, tag-key and tag-value, as the
    /// Describe* filters name them, and under <see cref="AnyKind"/> DescribeTags' key and value.</summary>
    internal static HashSet<PostingKey> TagPostings(string resourceId, Tags tags)
    {
        var keys = new HashSet<PostingKey>();
        var kind = KindOf(resourceId);
        foreach (var (key, value) in tags.Items)
        {
            keys.Add(new PostingKey(kind, "tag:" + key, value));
            keys.Add(new PostingKey(kind, "tag-key", key));
            keys.Add(new PostingKey(kind, "tag-value", value));
            keys.Add(new PostingKey(AnyKind, "key", key));
            keys.Add(new PostingKey(AnyKind, "value", value));
        }
        return keys;
    }

    /// <summary>The kind of an id: the text before its last '-' (vpc-0abc → vpc).</summary>
    public static string KindOf(string resourceId)
    {
        ArgumentNullException.ThrowIfNull(resourceId);
        var dash = resourceId.LastIndexOf('-');
        return dash > 0 ? resourceId[..dash] : resourceId;
    }
}
