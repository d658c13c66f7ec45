namespace VpcLab.FlowLogs.Delivery;

/// <summary>The order of records inside a delivered file: by start, interface, then every other field, so the same
/// records always give byte-identical files whatever order the simulation produced them in.</summary>
public sealed class FlowRecordOrder : IComparer<FlowRecord>
{
    public static readonly FlowRecordOrder Instance = new();

    public int Compare(FlowRecord x, FlowRecord y)
    {
        int c = x.Start.CompareTo(y.Start);
        if (c == 0) c = string.CompareOrdinal(x.Interface.InterfaceId, y.Interface.InterfaceId);
        if (c == 0) c = x.End.CompareTo(y.End);
        if (c == 0) c = x.Status.CompareTo(y.Status);
        if (c == 0) c = x.Direction.CompareTo(y.Direction);
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
}
