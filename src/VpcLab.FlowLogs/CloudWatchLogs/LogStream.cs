namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>A log stream as DescribeLogStreams shows it. The event timestamps are null until the first event
/// arrives (AWS omits them for an empty stream).</summary>
public sealed record LogStream(
    LogScope Scope, string LogGroupName, string Name, long CreationTime,
    long? FirstEventTimestamp, long? LastEventTimestamp, long? LastIngestionTime, long StoredBytes)
{
    public string Arn => Scope.LogStreamArn(LogGroupName, Name);
}
