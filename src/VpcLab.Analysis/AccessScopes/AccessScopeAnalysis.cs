using System.Collections.Immutable;
using VpcLab.Model;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>A finished Network Access Scope analysis (nisa-…): its findings and the snapshot they were computed on
/// (<see cref="AnalyzedNetwork"/>), so names and ARNs of their components are resolved against it.</summary>
public sealed record AccessScopeAnalysis(
    string Id, string Arn, string ScopeId, AccountId OwnerId, string Region, DateTimeOffset StartDate, DateTimeOffset EndDate,
    int AnalyzedEniCount, ImmutableArray<AccessScopeFinding> Findings, Network AnalyzedNetwork, Tags Tags) : IAnalysisOfSubject
{
    string IAnalysisOfSubject.SubjectId => ScopeId;

    public const string IdPrefix = "nisa";
    public const string ResourceType = "network-insights-access-scope-analysis";

    /// <summary>Choice (docs/semantics.md#naa-analysis): the engine answers at once, so always <c>succeeded</c>.</summary>
    public static string Status => "succeeded";

    /// <summary><c>true</c> or <c>false</c> (never <c>unknown</c>: the analysis has finished).</summary>
    public string FindingsFound => Findings.IsEmpty ? "false" : "true";
}
