namespace VpcLab.Engine.Policies;

/// <summary>IAM's three outcomes: an explicit Deny matched (wins over any Allow), an Allow matched, or no
/// statement applied (implicit deny).</summary>
public enum PolicyDecision
{
    ExplicitDeny,
    Allow,
    ImplicitDeny,
}
