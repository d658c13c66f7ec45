using VpcLab.Engine;

namespace VpcLab.Analysis.Blockers;

/// <summary>One component that drops the flow, on the forward or return path, with the Reachability Analyzer code and
/// the rule or route that decided, and the smallest change proposed to let the flow past it (null when VpcLab knows
/// none). <see cref="Verified"/>: the path traced again with the change (and the earlier ones) gets past this
/// component.</summary>
public sealed record Blocker(PathDirection Direction, ComponentRef Component, string Code, string Rule, string? Message,
    ProposedChange? Change, bool Verified);
