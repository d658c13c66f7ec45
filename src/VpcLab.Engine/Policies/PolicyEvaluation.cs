using VpcLab.Model.Policies;

namespace VpcLab.Engine.Policies;

/// <summary>One policy's answer and the statement that decided it: the first matching Deny for an explicit
/// deny, else the first matching Allow; none for an implicit deny.</summary>
public sealed record PolicyEvaluation(PolicyKind Kind, PolicyDecision Decision, PolicyStatementRef? DecidingStatement)
{
    public bool IsAllowed => Decision == PolicyDecision.Allow;
}
