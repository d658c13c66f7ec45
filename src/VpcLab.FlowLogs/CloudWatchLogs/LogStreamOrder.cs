namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>DescribeLogStreams' <c>orderBy</c>.</summary>
public enum LogStreamOrder
{
    LogStreamName,
    LastEventTime,
}
