namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>A log group as DescribeLogGroups shows it; times are epoch milliseconds, as the API sends them.</summary>
public sealed record LogGroup(LogScope Scope, string Name, long CreationTime, long StoredBytes)
{
    public string Arn => Scope.LogGroupArn(Name);
}
