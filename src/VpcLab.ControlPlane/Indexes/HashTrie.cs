using System.Numerics;
using static VpcLab.ControlPlane.PersistentArrays;

namespace VpcLab.ControlPlane;

/// <summary>A persistent hash map (a compressed hash-array mapped trie, CHAMP): 32-way nodes chosen by 5 bits of the
/// key's hash, so a world of 300,000 posting lists is 4 levels deep where a balanced binary tree is 19, and an update
/// copies 4 small arrays, not 19 nodes. An edit made with an owner (<see cref="WorldIndex.Builder"/>: one per
/// transaction) changes in place the nodes that owner made, so the many updates of one operation share the path
/// they have in common; a node reachable from a published root is never owned by a live builder, so a published map
/// never changes. Nodes are canonical (a subtree of one entry is inlined in its parent), so a map does not keep
/// empty branches after removals (docs/semantics.md#filter-indexes).</summary>
internal sealed class HashTrie<TKey, TValue>
    where TKey : IEquatable<TKey>
{
    private const int Bits = 5;
    private const int HashBits = 32;

    // An entry is a reference, not a struct in the array: copying a node on a path copies 8 bytes per slot, not the
    // key and value (a posting key is three strings), and the many nodes of a large map stay small.
    private sealed record Entry(uint Hash, TKey Key, TValue Value);

    // A node below 32 bits of hash is a collision node: its entries share one hash and _dataMap is unused.
    private uint _dataMap;
    private uint _nodeMap;
    private Entry[] _data;
    private HashTrie<TKey, TValue>[] _nodes;
    private readonly object? _owner;

    private HashTrie(uint dataMap, uint nodeMap, Entry[] data, HashTrie<TKey, TValue>[] nodes, object? owner)
    {
        (_dataMap, _nodeMap, _data, _nodes, _owner) = (dataMap, nodeMap, data, nodes, owner);
    }

    public static HashTrie<TKey, TValue> Empty { get; } = new(0, 0, [], [], null);

    public bool IsEmpty => _data.Length == 0 && _nodes.Length == 0;

    /// <summary>Every entry (hash order).</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Entries
    {
        get
        {
            foreach (var e in _data)
                yield return KeyValuePair.Create(e.Key, e.Value);
            foreach (var node in _nodes)
            {
                foreach (var e in node.Entries)
                    yield return e;
            }
        }
    }

    public bool TryGetValue(TKey key, out TValue value)
    {
        var hash = (uint)key.GetHashCode();
        var node = this;
        for (var shift = 0; ; shift += Bits)
        {
            if (shift >= HashBits)
                return node.TryGetCollision(key, out value);
            var bit = Bit(hash, shift);
            if ((node._dataMap & bit) != 0)
            {
                var e = node._data[Index(node._dataMap, bit)];
                if (e.Hash == hash && e.Key.Equals(key))
                {
                    value = e.Value;
                    return true;
                }
                break;
            }
            if ((node._nodeMap & bit) == 0)
                break;
            node = node._nodes[Index(node._nodeMap, bit)];
        }
        value = default!;
        return false;
    }

    /// <summary>The map with <paramref name="key"/> set to <paramref name="value"/>: this node changed in place when
    /// <paramref name="owner"/> made it, else a copy of the path.</summary>
    public HashTrie<TKey, TValue> SetItem(TKey key, TValue value, object? owner) =>
        Set(new Entry((uint)key.GetHashCode(), key, value), 0, owner);

    /// <summary>The map without <paramref name="key"/> (this one when it is absent).</summary>
    public HashTrie<TKey, TValue> Remove(TKey key, object? owner) =>
        Update(key, (uint)key.GetHashCode(), 0, 0, s_absent, owner, out _);

    private static readonly Change<int> s_absent = static (bool _, TValue _, int _, out TValue updated) =>
    {
        updated = default!;
        return false;
    };

    /// <summary>The map with the value of <paramref name="key"/> changed by <paramref name="change"/>, in one descent
    /// (not a lookup, then a set or a remove: each walks the path again). <paramref name="change"/> gets the value now
    /// (and whether the key is there) and returns the new value, or false to have the key absent; a value equal to the
    /// one there changes nothing.</summary>
    public HashTrie<TKey, TValue> Update<TState>(TKey key, TState state, Change<TState> change, object? owner)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Update(key, (uint)key.GetHashCode(), 0, state, change, owner, out _);
    }

    /// <summary>A value's change (the public Update): false when the key is to be absent.</summary>
    public delegate bool Change<in TState>(bool found, TValue current, TState state, out TValue updated);

    private static uint Bit(uint hash, int shift) => 1u << (int)((hash >> shift) & 31);

    private static int Index(uint map, uint bit) => BitOperations.PopCount(map & (bit - 1));

    private bool TryGetCollision(TKey key, out TValue value)
    {
        foreach (var e in _data)
        {
            if (e.Key.Equals(key))
            {
                value = e.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    /// <summary>This node if <paramref name="owner"/> may change it in place, else a copy it may.</summary>
    private HashTrie<TKey, TValue> Editable(object? owner) =>
        owner is not null && ReferenceEquals(_owner, owner) ? this : new(_dataMap, _nodeMap, Copy(_data), Copy(_nodes), owner);

    private HashTrie<TKey, TValue> With(uint dataMap, uint nodeMap, Entry[] data, HashTrie<TKey, TValue>[] nodes, object? owner)
    {
        if (owner is null || !ReferenceEquals(_owner, owner))
        {
            // The copy's arrays are its own: an owner changes them in place, and this node may be published.
            return new(dataMap, nodeMap, ReferenceEquals(data, _data) ? Copy(data) : data,
                ReferenceEquals(nodes, _nodes) ? Copy(nodes) : nodes, owner);
        }
        (_dataMap, _nodeMap, _data, _nodes) = (dataMap, nodeMap, data, nodes);
        return this;
    }

    private HashTrie<TKey, TValue> Set(Entry entry, int shift, object? owner)
    {
        if (shift >= HashBits)
        {
            for (var i = 0; i < _data.Length; i++)
            {
                if (_data[i].Key.Equals(entry.Key))
                {
                    var edited = Editable(owner);
                    edited._data[i] = entry;
                    return edited;
                }
            }
            return With(0, 0, InsertAt(_data, _data.Length, entry), [], owner);
        }
        var bit = Bit(entry.Hash, shift);
        if ((_dataMap & bit) != 0)
        {
            var at = Index(_dataMap, bit);
            var e = _data[at];
            if (e.Hash == entry.Hash && e.Key.Equals(entry.Key))
            {
                var edited = Editable(owner);
                edited._data[at] = entry;
                return edited;
            }
            // Two keys on one slot: both move one level down.
            var child = Pair(e, entry, shift + Bits, owner);
            return With(_dataMap & ~bit, _nodeMap | bit, RemoveAt(_data, at), InsertAt(_nodes, Index(_nodeMap, bit), child), owner);
        }
        if ((_nodeMap & bit) != 0)
        {
            var at = Index(_nodeMap, bit);
            var child = _nodes[at];
            var updated = child.Set(entry, shift + Bits, owner);
            if (ReferenceEquals(updated, child))
                return this; // changed in place: its parents are the owner's too
            var edited = Editable(owner);
            edited._nodes[at] = updated;
            return edited;
        }
        return With(_dataMap | bit, _nodeMap, InsertAt(_data, Index(_dataMap, bit), entry), _nodes, owner);
    }

    private static HashTrie<TKey, TValue> Pair(Entry a, Entry b, int shift, object? owner)
    {
        if (shift >= HashBits)
            return new(0, 0, [a, b], [], owner);
        var (bitA, bitB) = (Bit(a.Hash, shift), Bit(b.Hash, shift));
        if (bitA == bitB)
            return new(0, bitA, [], [Pair(a, b, shift + Bits, owner)], owner);
        return new(bitA | bitB, 0, bitA < bitB ? [a, b] : [b, a], [], owner);
    }

    private HashTrie<TKey, TValue> Update<TState>(TKey key, uint hash, int shift, TState state, Change<TState> change,
        object? owner, out bool removed)
    {
        removed = false;
        if (shift >= HashBits)
        {
            var i = Array.FindIndex(_data, e => e.Key.Equals(key));
            if (i < 0)
                return change(false, default!, state, out var added) ? With(0, 0, InsertAt(_data, _data.Length, new Entry(hash, key, added)), [], owner) : this;
            if (!change(true, _data[i].Value, state, out var value))
            {
                removed = true;
                return With(0, 0, RemoveAt(_data, i), [], owner);
            }
            return Replaced(i, value, owner);
        }
        var bit = Bit(hash, shift);
        if ((_dataMap & bit) != 0)
        {
            var at = Index(_dataMap, bit);
            var e = _data[at];
            if (e.Hash == hash && e.Key.Equals(key))
            {
                if (!change(true, e.Value, state, out var value))
                {
                    removed = true;
                    return With(_dataMap & ~bit, _nodeMap, RemoveAt(_data, at), _nodes, owner);
                }
                return Replaced(at, value, owner);
            }
            if (!change(false, default!, state, out var added))
                return this;
            // Two keys on one slot: both move one level down.
            var pair = Pair(e, new Entry(hash, key, added), shift + Bits, owner);
            return With(_dataMap & ~bit, _nodeMap | bit, RemoveAt(_data, at), InsertAt(_nodes, Index(_nodeMap, bit), pair), owner);
        }
        if ((_nodeMap & bit) != 0)
        {
            var slot = Index(_nodeMap, bit);
            var child = _nodes[slot];
            var updated = child.Update(key, hash, shift + Bits, state, change, owner, out removed);
            if (removed && updated._nodes.Length == 0 && updated._data.Length == 1)
            {
                // A branch of one entry is inlined, as Remove does (and its parent may inline this node in turn).
                return With(_dataMap | bit, _nodeMap & ~bit, InsertAt(_data, Index(_dataMap, bit), updated._data[0]), RemoveAt(_nodes, slot), owner);
            }
            if (ReferenceEquals(updated, child))
                return this;
            var edited = Editable(owner);
            edited._nodes[slot] = updated;
            return edited;
        }
        if (!change(false, default!, state, out var inserted))
            return this;
        return With(_dataMap | bit, _nodeMap, InsertAt(_data, Index(_dataMap, bit), new Entry(hash, key, inserted)), _nodes, owner);
    }

    // This node with entry `at` holding `value` (this one when the value is the one there).
    private HashTrie<TKey, TValue> Replaced(int at, TValue value, object? owner)
    {
        var e = _data[at];
        if (EqualityComparer<TValue>.Default.Equals(e.Value, value))
            return this;
        var edited = Editable(owner);
        edited._data[at] = e with { Value = value };
        return edited;
    }
}
