using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record DescribeImagesRequest
{
    public IReadOnlyList<string>? ImageIds { get; init; }
    public IReadOnlyList<string>? Owners { get; init; }
    public IReadOnlyList<string>? ExecutableUsers { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? IncludeDeprecated { get; init; }
    public bool? IncludeDisabled { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeImagesResult(IReadOnlyList<Image> Images);
