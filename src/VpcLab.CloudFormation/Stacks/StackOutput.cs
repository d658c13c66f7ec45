namespace VpcLab.CloudFormation.Stacks;

/// <summary>One output of a stack, with its export name when it is exported.</summary>
public sealed record StackOutput(string OutputKey, string OutputValue, string? Description, string? ExportName);
