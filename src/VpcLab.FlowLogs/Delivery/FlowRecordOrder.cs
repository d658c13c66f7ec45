namespace VpcLab.FlowLogs.Delivery;

/// <summary>The order of records inside a delivered file: by start, interface, then every other field, so the same
/// records always give byte-identical files whatever order the simulation produced them in.</summary>
public sealed class FlowRecordOrder : IComparer<FlowRecord>
{
    public static readonly FlowRecordOrder Instance = new();

    private const int RankBits = 24;
    private const long RankMask = (1L << RankBits) - 1;

    public int Compare(FlowRecord x, FlowRecord y) => CompareRecords(in x, in y);

    /// <summary>The records in this order, as a new array.</summary>
    public static FlowRecord[] Sort(IReadOnlyList<FlowRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var source = records as FlowRecord[] ?? [.. records];
        var order = Permutation(source);
        if (order is null)
            return source == records ? (FlowRecord[])source.Clone() : source;
        var sorted = new FlowRecord[source.Length];
        for (int i = 0; i < sorted.Length; i++)
            sorted[i] = source[order[i]];
        return sorted;
    }

    /// <summary>Where each record goes: <c>records[order[0]]</c> comes first; null when the records are already in
    /// this order (the simulator hands them over so: one pass instead of a sort). Equal records keep their input
    /// order. Sorts indices, not the ~200-byte records, and by one 64-bit key (start, then the rank of the interface
    /// id) so that only records sharing both are compared field by field.</summary>
    public static int[]? Permutation(ReadOnlySpan<FlowRecord> records)
    {
        if (IsSorted(records))
            return null;
        var order = new int[records.Length];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        var keys = Keys(records);
        if (keys is null)
        {
            Array.Sort(order, new ByIndex(records.ToArray()));
            return order;
        }
        if (CountingSort(keys, order, records))
            return order;
        Array.Sort(keys, order);
        // Records sharing a key (same start, same interface id) are ordered by every other field.
        for (int first = 0; first < keys.Length;)
        {
            int last = first + 1;
            while (last < keys.Length && keys[last] == keys[first])
                last++;
            if (last - first > 1)
                SortTies(records, order.AsSpan(first, last - first));
            first = last;
        }
        return order;
    }

    /// <summary>When the keys are dense (a few minutes of starts times the interfaces, as in one 5-minute slice),
    /// a counting sort by key: linear, stable (indices of one key stay ascending), each key's run then ordered by
    /// <see cref="SortTies"/>. False, with <paramref name="order"/> untouched, when the keys are too sparse.</summary>
    private static bool CountingSort(long[] keys, int[] order, ReadOnlySpan<FlowRecord> records)
    {
        long maxStart = 0, ranks = 0;
        foreach (long key in keys)
        {
            maxStart = Math.Max(maxStart, key >> RankBits);
            ranks = Math.Max(ranks, (key & RankMask) + 1);
        }
        long buckets = (maxStart + 1) * ranks;
        if (buckets > 4L * keys.Length + 1024)
            return false;
        var first = new int[buckets + 1];
        foreach (long key in keys)
            first[Bucket(key, ranks) + 1]++;
        for (int b = 0; b < buckets; b++)
            first[b + 1] += first[b];
        var next = (int[])first.Clone();
        for (int i = 0; i < keys.Length; i++)
            order[next[Bucket(keys[i], ranks)]++] = i;
        for (int b = 0; b < buckets; b++)
        {
            if (first[b + 1] - first[b] > 1)
                SortTies(records, order.AsSpan(first[b], first[b + 1] - first[b]));
        }
        return true;
    }

    private static long Bucket(long key, long ranks) => (key >> RankBits) * ranks + (key & RankMask);

    /// <summary>Orders indices of records with one key by the full comparison, equal records by index: an insertion
    /// sort in place for the few records a key usually has, a sort of a copy of the run's records for more.</summary>
    private static void SortTies(ReadOnlySpan<FlowRecord> records, Span<int> tie)
    {
        if (tie.Length <= 16)
        {
            for (int i = 1; i < tie.Length; i++)
            {
                int moving = tie[i], j = i - 1;
                while (j >= 0 && Before(records, moving, tie[j]))
                {
                    tie[j + 1] = tie[j];
                    j--;
                }
                tie[j + 1] = moving;
            }
            return;
        }
        tie.Sort();
        var run = new FlowRecord[tie.Length];
        var local = new int[tie.Length];
        for (int i = 0; i < tie.Length; i++)
            (run[i], local[i]) = (records[tie[i]], i);
        Array.Sort(local, new ByIndex(run));
        var original = tie.ToArray();
        for (int i = 0; i < tie.Length; i++)
            tie[i] = original[local[i]];
    }

    private static bool Before(ReadOnlySpan<FlowRecord> records, int a, int b)
    {
        int c = CompareRecords(in records[a], in records[b]);
        return c < 0 || (c == 0 && a < b);
    }

    /// <summary>(start − earliest start) in the high bits, the interface id's ordinal rank in the low 24; null when
    /// the span of starts or the number of interfaces does not fit.</summary>
    private static long[]? Keys(ReadOnlySpan<FlowRecord> records)
    {
        long min = long.MaxValue, max = long.MinValue;
        var contexts = new Dictionary<InterfaceContext, int>(ReferenceEqualityComparer.Instance);
        foreach (ref readonly var r in records)
        {
            min = Math.Min(min, r.Start);
            max = Math.Max(max, r.Start);
            contexts.TryAdd(r.Interface, 0);
        }
        if (contexts.Count >= 1 << RankBits || max - min >= 1L << (62 - RankBits))
            return null;
        // Contexts with the same id (equal, or distinct instances) share a rank, as CompareOrdinal says they are equal.
        var ids = contexts.Keys.Select(c => c.InterfaceId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rank = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (int i = 0; i < ids.Count; i++)
            rank.Add(ids[i], i);
        foreach (var context in contexts.Keys)
            contexts[context] = rank[context.InterfaceId];
        var keys = new long[records.Length];
        InterfaceContext? last = null;
        int lastRank = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            var context = records[i].Interface;
            if (!ReferenceEquals(context, last))
                (last, lastRank) = (context, contexts[context]);
            keys[i] = ((records[i].Start - min) << RankBits) | (uint)lastRank;
        }
        return keys;
    }

    private static bool IsSorted(ReadOnlySpan<FlowRecord> records)
    {
        for (int i = 1; i < records.Length; i++)
        {
            if (CompareRecords(in records[i - 1], in records[i]) > 0)
                return false;
        }
        return true;
    }

    public static int CompareRecords(in FlowRecord x, in FlowRecord y)
    {
        int c = x.Start.CompareTo(y.Start);
        if (c == 0) c = string.CompareOrdinal(x.Interface.InterfaceId, y.Interface.InterfaceId);
        if (c == 0) c = x.End.CompareTo(y.End);
        if (c == 0) c = x.Status.CompareTo(y.Status);
        if (c == 0) c = y.Direction.CompareTo(x.Direction); // ingress records first (TrafficDirection numbers egress 0)
        if (c == 0) c = x.SrcAddr.CompareTo(y.SrcAddr);
        if (c == 0) c = x.DstAddr.CompareTo(y.DstAddr);
        if (c == 0) c = x.SrcPort.CompareTo(y.SrcPort);
        if (c == 0) c = x.DstPort.CompareTo(y.DstPort);
        if (c == 0) c = x.Protocol.CompareTo(y.Protocol);
        if (c == 0) c = x.Accepted.CompareTo(y.Accepted);
        if (c == 0) c = x.PktSrcAddr.CompareTo(y.PktSrcAddr);
        if (c == 0) c = x.PktDstAddr.CompareTo(y.PktDstAddr);
        if (c == 0) c = x.Packets.CompareTo(y.Packets);
        if (c == 0) c = x.Bytes.CompareTo(y.Bytes);
        if (c == 0) c = x.TcpFlags.CompareTo(y.TcpFlags);
        if (c == 0) c = x.TrafficPath.CompareTo(y.TrafficPath);
        if (c == 0) c = string.CompareOrdinal(x.PktSrcAwsService, y.PktSrcAwsService);
        if (c == 0) c = string.CompareOrdinal(x.PktDstAwsService, y.PktDstAwsService);
        if (c == 0) c = string.CompareOrdinal(x.Interface.AccountId, y.Interface.AccountId);
        return c;
    }

    private sealed class ByIndex(FlowRecord[] records) : IComparer<int>
    {
        // Equal records keep their input order, so the sort is stable whatever Array.Sort does.
        public int Compare(int a, int b)
        {
            int c = CompareRecords(in records[a], in records[b]);
            return c != 0 ? c : a.CompareTo(b);
        }
    }
}
