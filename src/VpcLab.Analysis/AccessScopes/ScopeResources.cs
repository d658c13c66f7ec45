using System.Collections.Immutable;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>A resource statement as accepted: resource ids (ARNs reduced to their ids are kept as written), or
/// resource types, never both (docs/semantics.md#naa-statements).</summary>
public sealed record ScopeResources(ImmutableArray<string> Resources, ImmutableArray<string> ResourceTypes);
