using VpcLab.ControlPlane;

namespace VpcLab.Analysis.Reachability;

// Request records of the Reachability Analyzer actions, named like the botocore input members, as the control
// plane's are: the dispatcher binds the parser's member-name JSON to them.

/// <summary>A port range of a path filter (FilterAtSource.SourcePortRange...).</summary>
public sealed record RequestFilterPortRange
{
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
}

/// <summary>FilterAtSource / FilterAtDestination: narrows the packet header of a path.</summary>
public sealed record PathRequestFilter
{
    public string? SourceAddress { get; init; }
    public RequestFilterPortRange? SourcePortRange { get; init; }
    public string? DestinationAddress { get; init; }
    public RequestFilterPortRange? DestinationPortRange { get; init; }
}

public sealed record CreateNetworkInsightsPathRequest
{
    public string? SourceIp { get; init; }
    public string? DestinationIp { get; init; }
    public string? Source { get; init; }
    public string? Destination { get; init; }
    public string? Protocol { get; init; }
    public int? DestinationPort { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
    public string? ClientToken { get; init; }
    public PathRequestFilter? FilterAtSource { get; init; }
    public PathRequestFilter? FilterAtDestination { get; init; }
}

public sealed record DescribeNetworkInsightsPathsRequest
{
    public IReadOnlyList<string>? NetworkInsightsPathIds { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteNetworkInsightsPathRequest
{
    public string? NetworkInsightsPathId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record StartNetworkInsightsAnalysisRequest
{
    public string? NetworkInsightsPathId { get; init; }
    public IReadOnlyList<string>? AdditionalAccounts { get; init; }
    public IReadOnlyList<string>? FilterInArns { get; init; }
    public IReadOnlyList<string>? FilterOutArns { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
    public string? ClientToken { get; init; }
}

public sealed record DescribeNetworkInsightsAnalysesRequest
{
    public IReadOnlyList<string>? NetworkInsightsAnalysisIds { get; init; }
    public string? NetworkInsightsPathId { get; init; }
    public DateTime? AnalysisStartTime { get; init; }
    public DateTime? AnalysisEndTime { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteNetworkInsightsAnalysisRequest
{
    public string? NetworkInsightsAnalysisId { get; init; }
    public bool? DryRun { get; init; }
}
