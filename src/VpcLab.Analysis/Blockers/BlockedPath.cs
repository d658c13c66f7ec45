using System.Collections.Immutable;
using VpcLab.Engine;

namespace VpcLab.Analysis.Blockers;

/// <summary>Every blocker of a dropped flow, in the order the packet meets them (forward path, then return), and
/// whether the flow is delivered once every proposed change is made (<see cref="Resolved"/>: checked by tracing the
/// changed world). <see cref="Remaining"/> is that last trace's verdict.</summary>
public sealed record BlockedPath(ImmutableArray<Blocker> Blockers, Verdict Remaining)
{
    /// <summary>The engine's explanation of each blocker, in the same order (one per blocker: the trace's own, or, when
    /// the engine gave none, one built from the drop's code, direction and component): what the Reachability Analyzer
    /// API reports for a blocked path (docs/semantics.md#blocked-paths).</summary>
    public ImmutableArray<Explanation> Explanations { get; init; } = [];

    public bool Resolved => Remaining == Verdict.Accepted;
}
