using System.Collections.Immutable;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>One MatchPaths or ExcludePaths entry: a source, a destination (each may be absent: anything) and the
/// resources the path passes, in order.</summary>
public sealed record ScopePath(ScopePathStatement? Source, ScopePathStatement? Destination, ImmutableArray<ScopeResources> Through);
