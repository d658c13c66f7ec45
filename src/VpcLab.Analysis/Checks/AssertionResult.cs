using VpcLab.Engine;

namespace VpcLab.Analysis.Checks;

/// <summary>Whether one assertion holds; when it does not, <see cref="Message"/> says how it is broken and
/// <see cref="Counterexample"/> is one flow that breaks it, traced (null when no flow can show it: two ends without an
/// address family in common).</summary>
public sealed record AssertionResult(Assertion Assertion, bool Holds, string Message, Trace? Counterexample);
