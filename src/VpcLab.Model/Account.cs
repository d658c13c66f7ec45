namespace VpcLab.Model;

/// <summary>An AWS account: a 12-digit id and a friendly name for scenarios and output.</summary>
public sealed record Account(AccountId Id, string Name);
