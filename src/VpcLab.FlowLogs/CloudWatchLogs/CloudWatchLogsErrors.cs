namespace VpcLab.FlowLogs.CloudWatchLogs;

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
