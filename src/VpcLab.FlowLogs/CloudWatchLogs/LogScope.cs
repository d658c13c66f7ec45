namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>Where a log group lives: CloudWatch Logs names are unique per account and Region, not globally.</summary>
public sealed record LogScope(string Account, string Region)
{
    /// <summary>The group's ARN as AWS prints it in DescribeLogGroups (<c>arn</c>, without the trailing <c>:*</c>).</summary>
    public string LogGroupArn(string logGroupName) => $"arn:aws:logs:{Region}:{Account}:log-group:{logGroupName}";

    public string LogStreamArn(string logGroupName, string logStreamName) =>
        $"arn:aws:logs:{Region}:{Account}:log-group:{logGroupName}:log-stream:{logStreamName}";
}
