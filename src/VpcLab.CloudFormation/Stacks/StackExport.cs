namespace VpcLab.CloudFormation.Stacks;

/// <summary>An exported output (ListExports): unique by name in an account and Region.</summary>
public sealed record StackExport(string Name, string Value, string ExportingStackId);
