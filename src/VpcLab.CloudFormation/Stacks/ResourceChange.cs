namespace VpcLab.CloudFormation.Stacks;

/// <summary>One change of a change set: Add, Modify (with whether it replaces the resource) or Remove.</summary>
public sealed record ResourceChange(string Action, string LogicalResourceId, string ResourceType, string? PhysicalResourceId, string? Replacement);
