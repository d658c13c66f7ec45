namespace VpcLab.Model;

/// <summary>One numbered version of a launch template: its description and launch parameters, fixed once made.</summary>
public sealed record LaunchTemplateVersion(
    long VersionNumber, string? Description, DateTimeOffset CreateTime, string CreatedBy, LaunchTemplateData Data);
