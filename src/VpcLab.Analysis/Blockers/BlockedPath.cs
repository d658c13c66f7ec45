using System.Collections.Immutable;
using VpcLab.Engine;

namespace VpcLab.Analysis.Blockers;

/// <summary>Every blocker of a dropped flow, in the order the packet meets them (forward path, then return), and
/// whether the flow is delivered once every proposed change is made (<see cref="Resolved"/>: checked by tracing the
/// changed world). <see cref="Remaining"/> is that last trace's verdict.</summary>
public sealed record BlockedPath(ImmutableArray<Blocker> Blockers, Verdict Remaining)
{
    public bool Resolved => Remaining == Verdict.Accepted;
}
