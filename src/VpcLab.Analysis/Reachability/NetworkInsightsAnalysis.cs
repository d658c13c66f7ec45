using System.Collections.Immutable;
using VpcLab.Model;

namespace VpcLab.Analysis.Reachability;

/// <summary>A finished analysis (nia-…): the engine's <see cref="Outcome"/> and the snapshot it was computed on
/// (<see cref="AnalyzedNetwork"/>), so what it shows (names, ARNs, VPCs of its components) is resolved against
/// that snapshot and later changes do not rewrite it (docs/semantics.md#mapping).</summary>
public sealed record NetworkInsightsAnalysis(
    string Id, string Arn, string PathId, AccountId OwnerId, string Region, DateTimeOffset StartDate,
    string? WarningMessage, ImmutableArray<string> AdditionalAccounts, ImmutableArray<string> FilterInArns,
    ImmutableArray<string> FilterOutArns, Tags Tags, AnalysisOutcome Outcome, Network AnalyzedNetwork) : IAnalysisOfSubject
{
    string IAnalysisOfSubject.SubjectId => PathId;

    public const string IdPrefix = "nia";
    public const string ResourceType = "network-insights-analysis";

    /// <summary><c>succeeded</c> or <c>failed</c> (docs/semantics.md#analysis).</summary>
    public string Status => Outcome.Status;

    public string? StatusMessage => Outcome.StatusMessage;

    public bool? NetworkPathFound => Outcome.NetworkPathFound;
}
