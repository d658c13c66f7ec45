using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>An AWS account: a 12-digit id and a friendly name for scenarios and output, and the opt-in Regions it has
/// enabled (AWS's <c>EnableRegion</c>; a new account has none: docs/semantics.md#regions).</summary>
public sealed record Account(AccountId Id, string Name)
{
    private static readonly ImmutableHashSet<string> NoRegions = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>The opt-in Regions this account has enabled. The Regions enabled by default are never listed here.</summary>
    public ImmutableHashSet<string> OptedInRegions { get; init; } = NoRegions;

    /// <summary>Value equality, the enabled Regions compared as a set (a record would compare the set's reference).</summary>
    public bool Equals(Account? other) =>
        other is not null && Id == other.Id && Name == other.Name && OptedInRegions.SetEquals(other.OptedInRegions);

    public override int GetHashCode() => HashCode.Combine(Id, Name, OptedInRegions.Count);
}
