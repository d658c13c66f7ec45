using System.Collections.Immutable;
using VpcLab.Model;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>A Network Access Scope (nis-…): the paths to match and the paths to exclude.</summary>
public sealed record AccessScope(
    string Id, string Arn, AccountId OwnerId, string Region, DateTimeOffset CreatedDate,
    ImmutableArray<ScopePath> MatchPaths, ImmutableArray<ScopePath> ExcludePaths, Tags Tags) : IRegionalAnalysisItem
{
    public const string IdPrefix = "nis";
    public const string ResourceType = "network-insights-access-scope";
}
