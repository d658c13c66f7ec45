using System.Collections.Immutable;

namespace VpcLab.Model.Policies;

/// <summary>One statement of a resource policy. It applies to a request when the principal, the action, the
/// resource and every condition match; its <see cref="Effect"/> then allows or denies.</summary>
public sealed record PolicyStatement(
    string? Sid, PolicyEffect Effect, PrincipalElement Principal,
    StatementValues Action, StatementValues Resource, ImmutableArray<PolicyCondition> Conditions)
{
    public bool Equals(PolicyStatement? other) =>
        other is not null && Sid == other.Sid && Effect == other.Effect && Principal.Equals(other.Principal)
        && Action.Equals(other.Action) && Resource.Equals(other.Resource) && Conditions.SequenceEqual(other.Conditions);

    public override int GetHashCode() => HashCode.Combine(Sid, Effect, Action, Resource);
}
