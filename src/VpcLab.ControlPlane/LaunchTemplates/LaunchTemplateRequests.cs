using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>RunInstances' LaunchTemplate: a template by id or name, and a version (a number, $Latest or $Default;
/// the default version when absent).</summary>
public sealed record LaunchTemplateSpecification
{
    public string? LaunchTemplateId { get; init; }
    public string? LaunchTemplateName { get; init; }
    public string? Version { get; init; }
}

public sealed record CreateLaunchTemplateRequest
{
    public string? LaunchTemplateName { get; init; }
    public string? VersionDescription { get; init; }
    /// <summary>AWS's RequestLaunchTemplateData, bound straight to the model's record (the same member names).</summary>
    public LaunchTemplateData? LaunchTemplateData { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public string? ClientToken { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateLaunchTemplateVersionRequest
{
    public string? LaunchTemplateId { get; init; }
    public string? LaunchTemplateName { get; init; }
    public string? SourceVersion { get; init; }
    public string? VersionDescription { get; init; }
    /// <summary>AWS's RequestLaunchTemplateData, bound straight to the model's record (the same member names).</summary>
    public LaunchTemplateData? LaunchTemplateData { get; init; }
    public string? ClientToken { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>A launch template and one of its versions: what CreateLaunchTemplateVersion and
/// DescribeLaunchTemplateVersions answer.</summary>
public sealed record LaunchTemplateVersionResult(LaunchTemplate Template, LaunchTemplateVersion Version);

public sealed record DescribeLaunchTemplatesRequest
{
    public IReadOnlyList<string>? LaunchTemplateIds { get; init; }
    public IReadOnlyList<string>? LaunchTemplateNames { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeLaunchTemplatesResult(IReadOnlyList<LaunchTemplate> LaunchTemplates);

public sealed record DescribeLaunchTemplateVersionsRequest
{
    public string? LaunchTemplateId { get; init; }
    public string? LaunchTemplateName { get; init; }
    public IReadOnlyList<string>? Versions { get; init; }
    public string? MinVersion { get; init; }
    public string? MaxVersion { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeLaunchTemplateVersionsResult(IReadOnlyList<LaunchTemplateVersionResult> LaunchTemplateVersions);

public sealed record ModifyLaunchTemplateRequest
{
    public string? LaunchTemplateId { get; init; }
    public string? LaunchTemplateName { get; init; }
    /// <summary>SetDefaultVersion on the wire.</summary>
    public string? DefaultVersion { get; init; }
    public string? ClientToken { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteLaunchTemplateRequest
{
    public string? LaunchTemplateId { get; init; }
    public string? LaunchTemplateName { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteLaunchTemplateVersionsRequest
{
    public string? LaunchTemplateId { get; init; }
    public string? LaunchTemplateName { get; init; }
    public IReadOnlyList<string>? Versions { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>One version DeleteLaunchTemplateVersions could not delete: AWS's per-version ResponseError code
/// (launchTemplateVersionDoesNotExist, …) and message.</summary>
public sealed record LaunchTemplateVersionFailure(string? LaunchTemplateId, string? LaunchTemplateName, long? VersionNumber, string Code, string Message);

public sealed record DeleteLaunchTemplateVersionsResult(
    IReadOnlyList<(string LaunchTemplateId, string LaunchTemplateName, long VersionNumber)> Deleted,
    IReadOnlyList<LaunchTemplateVersionFailure> Failed);

public sealed record GetLaunchTemplateDataRequest
{
    public string? InstanceId { get; init; }
    public bool? DryRun { get; init; }
}
