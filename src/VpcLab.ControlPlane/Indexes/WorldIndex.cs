using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The filter index kept with a <see cref="Network"/> snapshot: for each indexed kind, filter name and value,
/// the ids (ordinal order) of the records having that value, plus each kind's owner scope and every tag. Immutable,
/// like the snapshot it belongs to; <see cref="Transaction"/> updates both in the same mutation, under the same lock,
/// through one <see cref="Builder"/> per operation, and they are published together (docs/semantics.md#filter-indexes).</summary>
public sealed class WorldIndex
{
    /// <summary>The posting name of the owner rule (<see cref="IndexedKind{T}.Scope"/>).</summary>
    public const string ScopeName = "@scope";

    /// <summary>The kind under which DescribeTags finds tags of every kind.</summary>
    public const string AnyKind = "*";

    private readonly HashTrie<PostingKey, SortedIdSet> _postings;

    private WorldIndex(HashTrie<PostingKey, SortedIdSet> postings)
    {
        _postings = postings;
    }

    public static WorldIndex Empty { get; } = new(HashTrie<PostingKey, SortedIdSet>.Empty);

    /// <summary>Every posting list's key.</summary>
    public IEnumerable<PostingKey> Keys => _postings.Entries.Select(e => e.Key);

    /// <summary>The ids filed under a key, in ordinal order (empty when none).</summary>
    public SortedIdSet Ids(string kind, string name, string value) => Ids(_postings, new PostingKey(kind, name, value));

    private static SortedIdSet Ids(HashTrie<PostingKey, SortedIdSet> postings, PostingKey key) =>
        postings.TryGetValue(key, out var ids) ? ids : SortedIdSet.Empty;

    /// <summary>A builder starting from this index: what one operation changes goes to it, and the index it publishes
    /// (<see cref="Builder.ToImmutable"/>) is the one readers get, whole.</summary>
    public Builder ToBuilder() => new(this);

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
        var owner = new object();
        var postings = HashTrie<PostingKey, SortedIdSet>.Empty;
        foreach (var (key, ids) in lists)
            postings = postings.SetItem(key, SortedIdSet.Create(ids), owner);
        return new WorldIndex(postings);
    }

    /// <summary>The index after one record of <paramref name="kind"/> changed from <paramref name="before"/> to
    /// <paramref name="after"/> (null: absent).</summary>
    public WorldIndex Replace<T>(IndexedKind<T> kind, T? before, T? after)
    {
        var builder = ToBuilder();
        builder.Replace(kind, before, after);
        return builder.ToImmutable();
    }

    /// <summary>The index after the tags of <paramref name="resourceId"/> changed.</summary>
    public WorldIndex ReplaceTags(string resourceId, Tags? before, Tags? after)
    {
        var builder = ToBuilder();
        builder.ReplaceTags(resourceId, before, after);
        return builder.ToImmutable();
    }

    /// <summary>True when two tag sets hold the same keys and values: replacing one by the other changes no posting.</summary>
    public static bool SameTags(Tags? a, Tags? b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a is null || b is null || a.Count != b.Count)
            return (a?.IsEmpty ?? true) && (b?.IsEmpty ?? true);
        foreach (var (key, value) in a.Items)
        {
            if (!b.Items.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    /// <summary>One operation's changes to an index: its map of posting lists (<see cref="HashTrie{TKey, TValue}"/>) and
    /// the lists (<see cref="SortedIdSet"/>) are changed in place where this builder made them, so what a CreateVpc
    /// files (≈ 60 postings) shares one path copy near the root; <see cref="ToImmutable"/> publishes the result and
    /// later changes copy again, so an index once published never changes. A list handed out by <see cref="Ids"/> is
    /// frozen the same way, so a caller may walk it while the operation goes on changing the index. Not thread-safe:
    /// one transaction's, under the state's lock.</summary>
    public sealed class Builder
    {
        private HashTrie<PostingKey, SortedIdSet> _postings;
        private object _owner = new();
        private object _listOwner = new();
        private WorldIndex? _published;

        internal Builder(WorldIndex from)
        {
            _postings = from._postings;
            _published = from;
        }

        /// <summary>The ids filed under a key now: a list later changes do not touch (the lists this builder made so far
        /// are frozen), so a caller may walk it while it changes the index.</summary>
        public SortedIdSet Ids(string kind, string name, string value)
        {
            _listOwner = new object();
            return WorldIndex.Ids(_postings, new PostingKey(kind, name, value));
        }

        /// <summary>The index as it is now; the builder goes on from it without changing it.</summary>
        public WorldIndex ToImmutable()
        {
            if (_published is null)
            {
                _published = new WorldIndex(_postings);
                // What was built is frozen: nothing holds its owners any more.
                (_owner, _listOwner) = (new object(), new object());
            }
            return _published;
        }

        /// <summary>One record of <paramref name="kind"/> changed from <paramref name="before"/> to <paramref name="after"/>
        /// (null: absent). An equal record files the same postings: nothing to do.</summary>
        public void Replace<T>(IndexedKind<T> kind, T? before, T? after)
        {
            ArgumentNullException.ThrowIfNull(kind);
            if (ReferenceEquals(before, after) || (before is not null && before.Equals(after)))
                return;
            var id = kind.Id((after ?? before)!);
            var (was, now) = Scratch();
            Postings(kind, before, was);
            Postings(kind, after, now);
            Move(id, was, now);
        }

        /// <summary>The tags of <paramref name="resourceId"/> changed (null: none). Equal tags change nothing.</summary>
        public void ReplaceTags(string resourceId, Tags? before, Tags? after)
        {
            ArgumentNullException.ThrowIfNull(resourceId);
            if (SameTags(before, after))
                return;
            var (was, now) = Scratch();
            if (before is not null)
                TagPostings(resourceId, before, was);
            if (after is not null)
                TagPostings(resourceId, after, now);
            Move(resourceId, was, now);
        }

        // The two key sets of one change, kept per thread and emptied for each (a builder is one thread's, and a
        // change does not nest), so a mutation allocates no sets. A set grown by a record of many values is dropped.
        [ThreadStatic]
        private static (HashSet<PostingKey> Before, HashSet<PostingKey> After)? t_scratch;

        private static (HashSet<PostingKey> Before, HashSet<PostingKey> After) Scratch()
        {
            if (t_scratch is not { } sets || sets.Before.Count > 1024 || sets.After.Count > 1024)
                return (t_scratch = ([], [])).Value;
            sets.Before.Clear();
            sets.After.Clear();
            return sets;
        }

        private static readonly HashTrie<PostingKey, SortedIdSet>.Change<(string Id, object Owner)> s_add =
            static (bool found, SortedIdSet ids, (string Id, object Owner) s, out SortedIdSet updated) =>
            {
                updated = (found ? ids : SortedIdSet.Empty).Add(s.Id, s.Owner);
                return true;
            };

        private static readonly HashTrie<PostingKey, SortedIdSet>.Change<(string Id, object Owner)> s_remove =
            static (bool found, SortedIdSet ids, (string Id, object Owner) s, out SortedIdSet updated) =>
            {
                updated = found ? ids.Remove(s.Id, s.Owner) : SortedIdSet.Empty;
                return !updated.IsEmpty;
            };

        // One descent of the trie per posting that changes: the list's edit is made where the key is found.
        private void Move(string id, HashSet<PostingKey> before, HashSet<PostingKey> after)
        {
            foreach (var key in before)
            {
                if (after.Contains(key))
                    continue;
                _postings = _postings.Update(key, (id, _listOwner), s_remove, _owner);
                _published = null;
            }
            foreach (var key in after)
            {
                if (before.Contains(key))
                    continue;
                _postings = _postings.Update(key, (id, _listOwner), s_add, _owner);
                _published = null;
            }
        }
    }

    /// <summary>Every posting a record is filed under: its owner scope and each value of each indexed filter but the id.</summary>
    internal static HashSet<PostingKey> Postings<T>(IndexedKind<T> kind, T? record)
    {
        var keys = new HashSet<PostingKey>();
        Postings(kind, record, keys);
        return keys;
    }

    private static void Postings<T>(IndexedKind<T> kind, T? record, HashSet<PostingKey> keys)
    {
        if (record is null)
            return;
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
    }

    /// <summary>The postings of a resource's tags: per kind (its id prefix) tag:KEY, tag-key and tag-value, as the
    /// Describe* filters name them, and under <see cref="AnyKind"/> DescribeTags' key and value.</summary>
    internal static HashSet<PostingKey> TagPostings(string resourceId, Tags tags)
    {
        var keys = new HashSet<PostingKey>();
        TagPostings(resourceId, tags, keys);
        return keys;
    }

    private static void TagPostings(string resourceId, Tags tags, HashSet<PostingKey> keys)
    {
        var kind = KindOf(resourceId);
        foreach (var (key, value) in tags.Items)
        {
            keys.Add(new PostingKey(kind, "tag:" + key, value));
            keys.Add(new PostingKey(kind, "tag-key", key));
            keys.Add(new PostingKey(kind, "tag-value", value));
            keys.Add(new PostingKey(AnyKind, "key", key));
            keys.Add(new PostingKey(AnyKind, "value", value));
        }
    }

    /// <summary>The kind of an id: the text before its last '-' (vpc-0abc → vpc).</summary>
    public static string KindOf(string resourceId)
    {
        ArgumentNullException.ThrowIfNull(resourceId);
        var dash = resourceId.LastIndexOf('-');
        return dash > 0 ? resourceId[..dash] : resourceId;
    }
}
