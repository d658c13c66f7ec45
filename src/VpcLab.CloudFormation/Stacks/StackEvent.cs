namespace VpcLab.CloudFormation.Stacks;

/// <summary>One line of DescribeStackEvents: a status change of the stack (LogicalResourceId = stack name, type
/// AWS::CloudFormation::Stack) or of one of its resources, with the reason AWS prints.</summary>
public sealed record StackEvent(
    string EventId, string StackId, string StackName, string LogicalResourceId, string PhysicalResourceId,
    string ResourceType, DateTimeOffset Timestamp, string ResourceStatus, string? ResourceStatusReason);
