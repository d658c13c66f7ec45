namespace VpcLab.Model;

/// <summary>A launch template's IAM instance profile, by ARN or name, kept as given.</summary>
public sealed record LaunchTemplateIamInstanceProfile(string? Arn, string? Name);
