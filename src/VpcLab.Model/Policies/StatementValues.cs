using System.Collections.Immutable;

namespace VpcLab.Model.Policies;

/// <summary>A statement's <c>Action</c> or <c>Resource</c> element (a string or a list in JSON), or their
/// <c>NotAction</c> / <c>NotResource</c> form when <see cref="IsNegated"/>: the statement then applies to
/// everything the patterns do NOT match.</summary>
public sealed record StatementValues(ImmutableArray<string> Patterns, bool IsNegated)
{
    public static StatementValues Of(params string[] patterns) => new([.. patterns], false);

    public static StatementValues Not(params string[] patterns) => new([.. patterns], true);

    public bool Equals(StatementValues? other) =>
        other is not null && IsNegated == other.IsNegated && Patterns.SequenceEqual(other.Patterns);

    public override int GetHashCode() => HashCode.Combine(IsNegated, Patterns.Length);
}
