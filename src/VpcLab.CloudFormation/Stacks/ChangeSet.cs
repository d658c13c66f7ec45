using System.Collections.Immutable;

namespace VpcLab.CloudFormation.Stacks;

/// <summary>A change set as DescribeChangeSet shows it: what executing it would add, modify or remove. Made complete at
/// once (Status CREATE_COMPLETE, ExecutionStatus AVAILABLE), or FAILED when it holds no change, with AWS's reason.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-changesets.html</summary>
public sealed record ChangeSet(
    string ChangeSetId, string ChangeSetName, string StackId, string StackName, string ChangeSetType, string Status,
    string? StatusReason, string ExecutionStatus, DateTimeOffset CreationTime, ImmutableArray<ResourceChange> Changes,
    CreateStackRequest Request);
