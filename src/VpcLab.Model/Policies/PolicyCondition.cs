using System.Collections.Immutable;

namespace VpcLab.Model.Policies;

/// <summary>One operator/key pair of a statement's <c>Condition</c> block, e.g.
/// <c>"StringNotEquals": {"aws:SourceVpce": ["vpce-1a2b3c4d"]}</c>. Its values are OR-ed; the conditions of a
/// statement are AND-ed. Numbers and booleans written unquoted in JSON are kept as their text.</summary>
public sealed record PolicyCondition(ConditionOperator Operator, string Key, ImmutableArray<string> Values)
{
    public bool Equals(PolicyCondition? other) =>
        other is not null && Operator == other.Operator
        && string.Equals(Key, other.Key, StringComparison.OrdinalIgnoreCase) && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Operator, StringComparer.OrdinalIgnoreCase.GetHashCode(Key));
}
