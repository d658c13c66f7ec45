namespace VpcLab.FlowLogs.Delivery;

/// <summary>The order of records inside a delivered file: by start, interface, then every other field, so the same
/// records always give byte-identical files whatever order the simulation produced them in.</summary>
public sealed class FlowRecordOrder : IComparer<FlowRecord>
{
    public static readonly FlowRecordOrder Instance = new();

    public int Compare(FlowRecord x, FlowRecord y) => CompareRecords(in x, in y);

    /// <summary>The records in this order, as a new array. Sorts indices, not the records: a record is a ~200-byte
    /// struct, and moving it on every comparison and swap cost more than formatting it.</summary>
    public static FlowRecord[] Sort(IReadOnlyList<FlowRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var source = records as FlowRecord[] ?? [.. records];
        // The simulator hands records over already in this order: one pass instead of a sort.
        if (IsSorted(source))
            return source == records ? (FlowRecord[])source.Clone() : source;
        var index = new int[source.Length];
        for (int i = 0; i < index.Length; i++)
            index[i] = i;
        Array.Sort(index, new ByIndex(source));
        var sorted = new FlowRecord[source.Length];
        for (int i = 0; i < sorted.Length; i++)
            sorted[i] = source[index[i]];
        return sorted;
    }

    private static bool IsSorted(FlowRecord[] records)
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
