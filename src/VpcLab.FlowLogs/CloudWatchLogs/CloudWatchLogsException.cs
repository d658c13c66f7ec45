namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>A CloudWatch Logs error: <see cref="Code"/> is AWS's <c>__type</c> exactly as clients match it.</summary>
public sealed class CloudWatchLogsException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
