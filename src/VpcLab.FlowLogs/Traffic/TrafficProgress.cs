namespace VpcLab.FlowLogs.Traffic;

/// <summary>How far a run is, as delivery sees it: the simulated time up to which everything is delivered, the
/// records delivered and the bytes written (S3 objects, CloudWatch Logs messages).</summary>
public readonly record struct TrafficProgress(DateTimeOffset Simulated, long Records, long Bytes);
