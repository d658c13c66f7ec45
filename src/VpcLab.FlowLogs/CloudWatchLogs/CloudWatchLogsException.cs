namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>A CloudWatch Logs error: <see cref="Code"/> is AWS's <c>__type</c> exactly as clients match it.</summary>
public sealed class CloudWatchLogsException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Every CloudWatch Logs error the lab raises, in one place (codes and messages as AWS words them).</summary>
public static class CloudWatchLogsErrors
{
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string ResourceAlreadyExists = "ResourceAlreadyExistsException";
    public const string InvalidParameter = "InvalidParameterException";

    public static CloudWatchLogsException LogGroupNotFound() =>
        new(ResourceNotFound, "The specified log group does not exist.");

    public static CloudWatchLogsException LogStreamNotFound() =>
        new(ResourceNotFound, "The specified log stream does not exist.");

    public static CloudWatchLogsException LogGroupExists() =>
        new(ResourceAlreadyExists, "The specified log group already exists");

    public static CloudWatchLogsException LogStreamExists() =>
        new(ResourceAlreadyExists, "The specified log stream already exists");

    public static CloudWatchLogsException Invalid(string message) => new(InvalidParameter, message);
}
