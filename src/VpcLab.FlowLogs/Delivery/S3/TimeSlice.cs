namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>A 5-minute delivery slice: S3 files hold the records whose <c>end</c> falls in it, and their name carries
/// its start (AWS: <c>…_20180620T1620Z_…</c> covers end times 16:20:00–16:24:59).</summary>
public readonly record struct TimeSlice(long StartSeconds) : IComparable<TimeSlice>
{
    public const int LengthSeconds = 300;

    /// <summary>The slice holding a record that ended at <paramref name="endSeconds"/> (Unix seconds).</summary>
    public static TimeSlice Of(long endSeconds) => new(endSeconds - (((endSeconds % LengthSeconds) + LengthSeconds) % LengthSeconds));

    public DateTime Start => DateTime.UnixEpoch.AddSeconds(StartSeconds);

    public int CompareTo(TimeSlice other) => StartSeconds.CompareTo(other.StartSeconds);
}
