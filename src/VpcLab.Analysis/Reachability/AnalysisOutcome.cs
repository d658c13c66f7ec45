using System.Collections.Immutable;
using VpcLab.Engine;

namespace VpcLab.Analysis.Reachability;

/// <summary>What an analysis found: the engine's hops and explanations (or a failure message when the path's
/// resources cannot be resolved any more).</summary>
public sealed record AnalysisOutcome(string Status, string? StatusMessage, bool? NetworkPathFound,
    ImmutableArray<Hop> Forward, ImmutableArray<Hop> Return, ImmutableArray<Explanation> Explanations)
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>The flow that was traced, when one was.</summary>
    public FlowKey? Flow { get; init; }

    public static AnalysisOutcome Failure(string message) => new(Failed, message, null, [], [], []);
}
