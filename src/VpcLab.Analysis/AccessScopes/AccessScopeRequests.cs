using VpcLab.ControlPlane;

namespace VpcLab.Analysis.AccessScopes;

// Request records of the Network Access Analyzer actions, named like the botocore input members, as the control
// plane's are: the dispatcher binds the parser's member-name JSON to them.

/// <summary>PacketHeaderStatementRequest: addresses, ports and protocols a path's packets carry.</summary>
public sealed record PacketHeaderStatementRequest
{
    public IReadOnlyList<string>? SourceAddresses { get; init; }
    public IReadOnlyList<string>? DestinationAddresses { get; init; }
    public IReadOnlyList<string>? SourcePorts { get; init; }
    public IReadOnlyList<string>? DestinationPorts { get; init; }
    public IReadOnlyList<string>? SourcePrefixLists { get; init; }
    public IReadOnlyList<string>? DestinationPrefixLists { get; init; }
    public IReadOnlyList<string>? Protocols { get; init; }
}

/// <summary>ResourceStatementRequest: resource ids (or ARNs), or resource types, never both.</summary>
public sealed record ResourceStatementRequest
{
    public IReadOnlyList<string>? Resources { get; init; }
    public IReadOnlyList<string>? ResourceTypes { get; init; }
}

public sealed record PathStatementRequest
{
    public PacketHeaderStatementRequest? PacketHeaderStatement { get; init; }
    public ResourceStatementRequest? ResourceStatement { get; init; }
}

public sealed record ThroughResourcesStatementRequest
{
    public ResourceStatementRequest? ResourceStatement { get; init; }
}

public sealed record AccessScopePathRequest
{
    public PathStatementRequest? Source { get; init; }
    public PathStatementRequest? Destination { get; init; }
    public IReadOnlyList<ThroughResourcesStatementRequest>? ThroughResources { get; init; }
}

public sealed record CreateNetworkInsightsAccessScopeRequest
{
    public IReadOnlyList<AccessScopePathRequest>? MatchPaths { get; init; }
    public IReadOnlyList<AccessScopePathRequest>? ExcludePaths { get; init; }
    public string? ClientToken { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeNetworkInsightsAccessScopesRequest
{
    public IReadOnlyList<string>? NetworkInsightsAccessScopeIds { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record GetNetworkInsightsAccessScopeContentRequest
{
    public string? NetworkInsightsAccessScopeId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteNetworkInsightsAccessScopeRequest
{
    public string? NetworkInsightsAccessScopeId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record StartNetworkInsightsAccessScopeAnalysisRequest
{
    public string? NetworkInsightsAccessScopeId { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public string? ClientToken { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeNetworkInsightsAccessScopeAnalysesRequest
{
    public IReadOnlyList<string>? NetworkInsightsAccessScopeAnalysisIds { get; init; }
    public string? NetworkInsightsAccessScopeId { get; init; }
    public DateTime? AnalysisStartTimeBegin { get; init; }
    public DateTime? AnalysisStartTimeEnd { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record GetNetworkInsightsAccessScopeAnalysisFindingsRequest
{
    public string? NetworkInsightsAccessScopeAnalysisId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteNetworkInsightsAccessScopeAnalysisRequest
{
    public string? NetworkInsightsAccessScopeAnalysisId { get; init; }
    public bool? DryRun { get; init; }
}
