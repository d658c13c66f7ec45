using VpcLab.Model.Policies;

namespace VpcLab.Engine.Policies;

/// <summary>IAM's three outcomes: an explicit Deny matched (wins over any Allow), an Allow matched, or no
/// statement applied (implicit deny).</summary>
public enum PolicyDecision
{
    ExplicitDeny,
    Allow,
    ImplicitDeny,
}

/// <summary>A statement by its position in the document's Statement list (0-based) and its Sid, if any.</summary>
public sealed record PolicyStatementRef(int Index, string? Sid)
{
    public override string ToString() => Sid is null ? $"statement {Index}" : $"statement {Index} (Sid {Sid})";
}

/// <summary>One policy's answer and the statement that decided it: the first matching Deny for an explicit
/// deny, else the first matching Allow; none for an implicit deny.</summary>
public sealed record PolicyEvaluation(PolicyKind Kind, PolicyDecision Decision, PolicyStatementRef? DecidingStatement)
{
    public bool IsAllowed => Decision == PolicyDecision.Allow;
}
