namespace VpcLab.ControlPlane.Persistence;

/// <summary>One acknowledged mutation: who, where, when (the simulated clock), what, with which parameters (the
/// parsed request as JSON keyed by model member names).</summary>
public sealed record LoggedOperation(long Sequence, DateTimeOffset Time, string Account, string Region, string Operation, string Parameters);
