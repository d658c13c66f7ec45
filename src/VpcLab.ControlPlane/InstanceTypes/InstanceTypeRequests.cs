namespace VpcLab.ControlPlane;

public sealed record DescribeInstanceTypesRequest
{
    public IReadOnlyList<string>? InstanceTypes { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeInstanceTypesResult(IReadOnlyList<InstanceTypeInfo> InstanceTypes);

public sealed record DescribeInstanceTypeOfferingsRequest
{
    public string? LocationType { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>One type offered in one location (a Region, a zone name or a zone id).</summary>
public sealed record InstanceTypeOffering(string InstanceType, string LocationType, string Location);

public sealed record DescribeInstanceTypeOfferingsResult(IReadOnlyList<InstanceTypeOffering> InstanceTypeOfferings);
