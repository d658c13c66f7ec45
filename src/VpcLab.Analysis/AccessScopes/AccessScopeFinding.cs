using VpcLab.Engine;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>One finding: a path the scope matches and no exclude path covers, with one flow of it traced by the
/// engine (its forward path is the finding's components).</summary>
public sealed record AccessScopeFinding(string FindingId, Trace Trace);
