using System.Text.RegularExpressions;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>Where a new flow log delivers, checked as CreateFlowLogs checks it (spec flow-logs.md §5, §6): the
/// destination type, the destination ARN as DescribeFlowLogs shows it, the log group (CloudWatch Logs only) and
/// the role. Messages follow AWS's (and moto's) wording where known.</summary>
internal sealed partial record FlowLogDestination(FlowLogDestinationType Type, string LogDestination, string? LogGroupName, string? DeliverLogsPermissionArn)
{
    /// <summary>What makes two flow logs "the same log destination" (FlowLogAlreadyExists): S3 compares bucket
    /// and folder without trailing slashes; CloudWatch Logs the group ARN.</summary>
    public static string Key(FlowLogDestinationType type, string logDestination) => type switch
    {
        FlowLogDestinationType.S3 => $"s3|{S3Arn.Bucket(logDestination)}|{S3Arn.Prefix(logDestination)}",
        FlowLogDestinationType.CloudWatchLogs => $"logs|{logDestination}",
        _ => $"firehose|{logDestination}",
    };

    public string Key() => Key(Type, LogDestination);

    public bool SameAs(FlowLog log) => Key(log.DestinationType, log.LogDestination) == Key();

    /// <summary>An S3 destination must name an existing bucket (VPC User Guide, "Create a flow log that publishes to
    /// Amazon S3": "the ARN of an existing Amazon S3 bucket"; flow-logs-troubleshooting: LogDestinationNotFoundException).
    /// Any owner's bucket will do: cross-account delivery is the bucket policy's question, not modelled. Refused per
    /// resource, in <c>Unsuccessful</c> (docs/semantics.md#flow-log-resources). CloudWatch Logs groups are made on first
    /// delivery, and Firehose streams are not modelled: null.</summary>
    public Ec2Exception? Missing(Network network) =>
        Type == FlowLogDestinationType.S3 && S3Arn.Bucket(LogDestination) is var bucket && !network.Buckets.ContainsKey(bucket)
            ? FlowLogErrors.LogDestinationNotFound(bucket)
            : null;

    public static FlowLogDestination Parse(CreateFlowLogsRequest request, FlowLogDestinationType type, string region, string account)
    {
        var group = Blank(request.LogGroupName);
        var destination = Blank(request.LogDestination);
        var role = Blank(request.DeliverLogsPermissionArn);
        if (type != FlowLogDestinationType.CloudWatchLogs && group is not null)
            throw Ec2Errors.InvalidParameter("LogDestination type must be cloud-watch-logs if LogGroupName is provided.");
        if (group is null && destination is null)
            throw Ec2Errors.InvalidParameter("LogDestination can't be empty if LogGroupName is not provided.");
        if (type != FlowLogDestinationType.S3 && request.DestinationOptions is not null)
            throw Ec2Errors.InvalidParameter("DestinationOptions can only be specified when LogDestinationType is s3.");
        CheckRole(request.DeliverCrossAccountRole);
        switch (type)
        {
            case FlowLogDestinationType.CloudWatchLogs:
                if (group is not null && destination is not null)
                    throw Ec2Errors.InvalidParameter("Please only provide LogGroupName or only provide LogDestination.");
                if (role is null)
                    throw Ec2Errors.InvalidParameter("DeliverLogsPermissionArn can't be empty if LogDestinationType is cloud-watch-logs.");
                CheckRole(role);
                if (group is not null)
                {
                    if (!LogGroupNamePattern().IsMatch(group))
                        throw Ec2Errors.InvalidParameter($"LogGroupName '{group}' is invalid: 1 to 512 characters of a-z, A-Z, 0-9, '_', '-', '/', '.' and '#'.");
                    return new(type, $"arn:aws:logs:{region}:{account}:log-group:{group}", group, role);
                }
                var arn = LogGroupArnPattern().Match(destination!);
                if (!arn.Success)
                    throw Ec2Errors.InvalidParameter($"LogDestination '{destination}' is not a CloudWatch Logs log group ARN (arn:aws:logs:region:account-id:log-group:name).");
                var name = arn.Groups["name"].Value;
                return new(type, $"arn:aws:logs:{arn.Groups["region"].Value}:{arn.Groups["account"].Value}:log-group:{name}", name, role);

            case FlowLogDestinationType.S3:
                if (role is not null)
                    throw Ec2Errors.InvalidParameter("DeliverLogsPermissionArn is not applicable for s3 delivery.");
                CheckS3(destination!);
                return new(type, destination!, null, null);

            default:
                if (!FirehoseArnPattern().IsMatch(destination!))
                    throw Ec2Errors.InvalidParameter($"LogDestination '{destination}' is not a Kinesis Data Firehose delivery stream ARN (arn:aws:firehose:region:account-id:deliverystream/name).");
                if (role is not null)
                    CheckRole(role);
                return new(type, destination!, null, role);
        }
    }

    /// <summary>arn:aws:s3:::bucket[/folder/...]: a valid bucket name, and no folder named AWSLogs (AWS reserves
    /// it for the key layout it writes under the prefix).</summary>
    private static void CheckS3(string destination)
    {
        if (!S3Arn.IsS3Arn(destination))
            throw Ec2Errors.InvalidParameter($"LogDestination '{destination}' is not an Amazon S3 bucket ARN (arn:aws:s3:::bucket-name or arn:aws:s3:::bucket-name/folder/).");
        var bucket = S3Arn.Bucket(destination);
        if (S3BucketName.Problem(bucket) is { } problem)
            throw Ec2Errors.InvalidParameter($"LogDestination '{destination}': '{bucket}' is not a valid S3 bucket name ({problem}).");
        if (S3Arn.Prefix(destination).Split('/').Contains("AWSLogs", StringComparer.Ordinal))
            throw Ec2Errors.InvalidParameter($"LogDestination '{destination}': AWSLogs is a reserved term and cannot be used as a folder name.");
    }

    private static void CheckRole(string? role)
    {
        if (Blank(role) is { } arn && !RoleArnPattern().IsMatch(arn))
            throw Ec2Errors.InvalidParameter($"Unable to assume given IAM role: '{arn}'");
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex(@"^[\.\-_/#A-Za-z0-9]{1,512}$")]
    private static partial Regex LogGroupNamePattern();

    [GeneratedRegex(@"^arn:aws:logs:(?<region>[a-z0-9-]+):(?<account>\d{12}):log-group:(?<name>[\.\-_/#A-Za-z0-9]{1,512})(:\*)?$")]
    private static partial Regex LogGroupArnPattern();

    [GeneratedRegex(@"^arn:aws:firehose:[a-z0-9-]+:\d{12}:deliverystream/[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex FirehoseArnPattern();

    [GeneratedRegex(@"^arn:aws:iam::\d{12}:role/[\w+=,.@/-]{1,512}$")]
    private static partial Regex RoleArnPattern();
}
