using VpcLab.Model;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>The records of the aggregation windows that closed at one step of a run, per flow log (<see cref="Records"/>[i]
/// belongs to <see cref="Logs"/>[i], flow logs in id order; records unsorted), and the <see cref="Watermark"/>: every record still to come starts (and so ends) at or
/// after it (Unix seconds; <see cref="long.MaxValue"/> when the run is over). Delivery uses the watermark to close
/// the 5-minute S3 slices and the CloudWatch Logs events that can no longer change.</summary>
internal sealed record ClosedWindows(IReadOnlyList<FlowLog> Logs, List<FlowRecord>[] Records, long Watermark)
{
    public long Count
    {
        get
        {
            long n = 0;
            foreach (var list in Records)
                n += list.Count;
            return n;
        }
    }
}
