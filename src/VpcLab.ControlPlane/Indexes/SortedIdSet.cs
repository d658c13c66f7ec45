using System.Collections;
using static VpcLab.ControlPlane.PersistentArrays;

namespace VpcLab.ControlPlane;

/// <summary>The ids filed under one posting key, in ordinal order (the Describe* answers' order): a persistent B+tree
/// of up to 64 ids per leaf and 32 children per inner node, so a list of 10,000 ids (an owner scope, `is-default`,
/// `tag-key=Name`) is 3 levels deep where an <c>ImmutableSortedSet</c> is 14, and an add copies 3 arrays, not 14 nodes.
/// A list of up to 64 ids is one leaf: a sorted array. An edit made with an owner (<see cref="WorldIndex.Builder"/>: one
/// per operation) changes in place the nodes that owner made; a node reachable from a published list is never owned by
/// a live builder, so a published list never changes (docs/semantics.md#filter-indexes).</summary>
public sealed class SortedIdSet : IReadOnlyCollection<string>
{
    private const int LeafMax = 64;
    private const int InnerMax = 32;
    private const int BulkLeaf = 48; // a built list leaves room in each leaf, so its first adds do not split
    private const int BulkInner = 24;

    private static readonly StringComparer s_order = StringComparer.Ordinal;

    // A leaf holds ids; an inner node holds its children and, in Ids, each child's first id (to choose a child by
    // binary search). Arrays are exactly full: a change copies the array, an owner keeps the node around it.
    private sealed class Node(string[] ids, Node[]? kids, object? owner)
    {
        public string[] Ids = ids;
        public Node[]? Kids = kids;
        public readonly object? Owner = owner;

        public bool IsLeaf => Kids is null;

        public int Length => Ids.Length;

        /// <summary>This node with new arrays: changed in place when <paramref name="owner"/> made it, else a copy.</summary>
        public Node With(string[] newIds, Node[]? newKids, object? owner)
        {
            if (owner is null || !ReferenceEquals(Owner, owner))
                return new Node(newIds, newKids, owner);
            (Ids, Kids) = (newIds, newKids);
            return this;
        }

        /// <summary>This node if <paramref name="owner"/> may change its arrays in place, else a copy it may.</summary>
        public Node Editable(object? owner) =>
            owner is not null && ReferenceEquals(Owner, owner) ? this : new Node(Copy(Ids), Kids is null ? null : Copy(Kids), owner);
    }

    private readonly Node? _root;

    private SortedIdSet(Node? root, int count)
    {
        (_root, Count) = (root, count);
    }

    public static SortedIdSet Empty { get; } = new(null, 0);

    public int Count { get; }

    public bool IsEmpty => Count == 0;

    /// <summary>The list of <paramref name="ids"/> (any order, repeats ignored).</summary>
    public static SortedIdSet Create(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var sorted = new SortedSet<string>(ids, s_order).ToArray();
        if (sorted.Length == 0)
            return Empty;
        var level = Chunks(sorted, BulkLeaf).Select(c => new Node(c, null, null)).ToArray();
        while (level.Length > 1)
        {
            level = Chunks(level, BulkInner).Select(c => new Node([.. c.Select(n => n.Ids[0])], c, null)).ToArray();
        }
        return new SortedIdSet(level[0], sorted.Length);
    }

    // Even chunks of at most about `size`: every chunk but a lone one is at least half full.
    private static IEnumerable<T[]> Chunks<T>(T[] items, int size)
    {
        var count = (items.Length + size - 1) / size;
        for (var i = 0; i < count; i++)
        {
            var (from, to) = ((int)((long)items.Length * i / count), (int)((long)items.Length * (i + 1) / count));
            yield return items[from..to];
        }
    }

    public bool Contains(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var node = _root;
        if (node is null)
            return false;
        while (!node.IsLeaf)
            node = node.Kids![Child(node, id)];
        return Array.BinarySearch(node.Ids, id, s_order) >= 0;
    }

    /// <summary>The list with <paramref name="id"/> (this one when it is there).</summary>
    public SortedIdSet Add(string id) => Add(id, null);

    /// <summary>The list without <paramref name="id"/> (this one when it is absent).</summary>
    public SortedIdSet Remove(string id) => Remove(id, null);

    /// <summary>The list with <paramref name="id"/>: nodes <paramref name="owner"/> made changed in place, else a copy
    /// of the path (null: always a copy).</summary>
    internal SortedIdSet Add(string id, object? owner)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_root is null)
            return new SortedIdSet(new Node([id], null, owner), 1);
        var root = Insert(_root, id, owner, out var right);
        if (root is null)
            return this;
        if (right is not null)
            root = new Node([root.Ids[0], right.Ids[0]], [root, right], owner);
        return new SortedIdSet(root, Count + 1);
    }

    /// <summary>The list without <paramref name="id"/>, edited as <see cref="Add(string, object?)"/> does.</summary>
    internal SortedIdSet Remove(string id, object? owner)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_root is null)
            return this;
        var root = Delete(_root, id, owner);
        if (root is null)
            return this;
        while (!root.IsLeaf && root.Length == 1)
            root = root.Kids![0];
        return root.Length == 0 ? Empty : new SortedIdSet(root, Count - 1);
    }

    /// <summary>The ids after <paramref name="after"/> (ordinal), in order: a seek, not a skip (a page of a Describe*).</summary>
    public IEnumerable<string> After(string after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return Walk(after);
    }

    public IEnumerator<string> GetEnumerator() => Walk(null).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<string> Walk(string? after)
    {
        if (_root is null)
            yield break;
        // The path from the root to the current leaf: each inner node and the child taken in it.
        var path = new Stack<(Node Node, int At)>();
        var node = _root;
        while (!node.IsLeaf)
        {
            var at = after is null ? 0 : Child(node, after);
            path.Push((node, at));
            node = node.Kids![at];
        }
        var i = 0;
        if (after is not null)
        {
            i = Array.BinarySearch(node.Ids, after, s_order);
            i = i >= 0 ? i + 1 : ~i;
        }
        while (true)
        {
            for (; i < node.Ids.Length; i++)
                yield return node.Ids[i];
            // Up to the first ancestor with a child to the right, then down its leftmost path.
            (Node Node, int At) up;
            do
            {
                if (path.Count == 0)
                    yield break;
                up = path.Pop();
            }
            while (up.At + 1 >= up.Node.Length);
            path.Push((up.Node, up.At + 1));
            node = up.Node.Kids![up.At + 1];
            while (!node.IsLeaf)
            {
                path.Push((node, 0));
                node = node.Kids![0];
            }
            i = 0;
        }
    }

    // The child of an inner node whose ids would hold `id`: the last whose first id is not after it.
    private static int Child(Node node, string id)
    {
        var i = Array.BinarySearch(node.Ids, id, s_order);
        return i >= 0 ? i : Math.Max(~i - 1, 0);
    }

    // The node with `id` added (null: it was there), and in `right` the new right sibling when the node split.
    private static Node? Insert(Node node, string id, object? owner, out Node? right)
    {
        right = null;
        if (node.IsLeaf)
        {
            var i = Array.BinarySearch(node.Ids, id, s_order);
            if (i >= 0)
                return null;
            return Split(node, InsertAt(node.Ids, ~i, id), null, LeafMax, owner, out right);
        }
        var at = Child(node, id);
        var child = node.Kids![at];
        var updated = Insert(child, id, owner, out var childRight);
        if (updated is null)
            return null;
        if (childRight is null)
        {
            if (ReferenceEquals(updated, child) && ReferenceEquals(node.Ids[at], updated.Ids[0]))
                return node; // changed in place: its parents are the owner's too
            var edited = node.Editable(owner);
            edited.Kids![at] = updated;
            edited.Ids[at] = updated.Ids[0];
            return edited;
        }
        var kids = InsertAt(node.Kids, at + 1, childRight);
        kids[at] = updated;
        var ids = InsertAt(node.Ids, at + 1, childRight.Ids[0]);
        ids[at] = updated.Ids[0];
        return Split(node, ids, kids, InnerMax, owner, out right);
    }

    // The node holding these (new) arrays, split in two halves when they exceed `max`.
    private static Node Split(Node node, string[] ids, Node[]? kids, int max, object? owner, out Node? right)
    {
        right = null;
        if (ids.Length <= max)
            return node.With(ids, kids, owner);
        var half = ids.Length / 2;
        right = new Node(ids[half..], kids?[half..], owner);
        return node.With(ids[..half], kids?[..half], owner);
    }

    // The node with `id` removed (null: it was absent); it may be left under a quarter full, for its parent to mend.
    private static Node? Delete(Node node, string id, object? owner)
    {
        if (node.IsLeaf)
        {
            var i = Array.BinarySearch(node.Ids, id, s_order);
            return i < 0 ? null : node.With(RemoveAt(node.Ids, i), null, owner);
        }
        var at = Child(node, id);
        var child = node.Kids![at];
        var updated = Delete(child, id, owner);
        if (updated is null)
            return null;
        if (updated.Length >= (updated.IsLeaf ? LeafMax : InnerMax) / 4 || node.Length == 1)
        {
            var edited = node.Editable(owner);
            edited.Kids![at] = updated;
            if (updated.Length > 0)
                edited.Ids[at] = updated.Ids[0];
            return edited;
        }
        // Too small: merged with a neighbour, or the two share their items evenly.
        var left = at > 0 ? at - 1 : at;
        var (a, b) = left == at ? (updated, node.Kids[at + 1]) : (node.Kids[left], updated);
        var allIds = (string[])[.. a.Ids, .. b.Ids];
        var allKids = a.IsLeaf ? null : (Node[])[.. a.Kids!, .. b.Kids!];
        var max = a.IsLeaf ? LeafMax : InnerMax;
        string[] ids;
        Node[] kids;
        if (allIds.Length <= max)
        {
            var merged = new Node(allIds, allKids, owner);
            ids = RemoveAt(node.Ids, left + 1);
            kids = RemoveAt(node.Kids, left + 1);
            (ids[left], kids[left]) = (merged.Ids[0], merged);
        }
        else
        {
            var half = allIds.Length / 2;
            var first = new Node(allIds[..half], allKids?[..half], owner);
            var second = new Node(allIds[half..], allKids?[half..], owner);
            (ids, kids) = (Copy(node.Ids), Copy(node.Kids));
            (ids[left], kids[left], ids[left + 1], kids[left + 1]) = (first.Ids[0], first, second.Ids[0], second);
        }
        return node.With(ids, kids, owner);
    }

    /// <summary>The tree's depth and whether every node but the root is at least a quarter full, its ids in order and
    /// each inner node's ids its children's first (the shape tests check).</summary>
    internal (int Depth, bool Sound) Shape()
    {
        if (_root is null)
            return (0, true);
        var depth = -1;
        var sound = true;
        string? last = null;
        var count = 0;
        void Visit(Node node, int level, bool isRoot)
        {
            var max = node.IsLeaf ? LeafMax : InnerMax;
            sound &= node.Length <= max && (isRoot ? node.Length >= (node.IsLeaf ? 1 : 2) : node.Length >= max / 4);
            if (node.IsLeaf)
            {
                sound &= depth < 0 || depth == level;
                depth = level;
                foreach (var id in node.Ids)
                {
                    sound &= last is null || string.CompareOrdinal(last, id) < 0;
                    (last, count) = (id, count + 1);
                }
                return;
            }
            for (var i = 0; i < node.Length; i++)
            {
                sound &= node.Kids!.Length == node.Ids.Length && node.Kids[i].Length > 0 && ReferenceEquals(node.Ids[i], node.Kids[i].Ids[0]);
                Visit(node.Kids![i], level + 1, false);
            }
        }
        Visit(_root, 1, true);
        return (depth, sound && count == Count);
    }
}
