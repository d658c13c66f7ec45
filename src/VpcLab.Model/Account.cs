using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>An AWS account: a 12-digit id and a friendly name for scenarios and output, and the opt-in Regions it has
/// enabled (AWS's <c>EnableRegion</c>; a new account has none: docs/semantics.md#regions).</summary>
public sealed record Account(AccountId Id, string Name)
{
    /// <summary>The opt-in Regions this account has enabled. The Regions enabled by default are never listed here.</summary>
    public ImmutableHashSet<string> OptedInRegions { get; init; } = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
}
