namespace VpcLab.ControlPlane;

/// <summary>Something that blocks deleting a resource (AWS: DependencyViolation), as a named test. It asks the
/// snapshot's index (<see cref="IndexedWorld.Any{T}"/>) rather than scanning, so a delete costs the same in a world of
/// 10,000 VPCs as in one of 10 (docs/semantics.md#filter-indexes).</summary>
public sealed record DeletionBlocker<TRecord>(string What, Func<IndexedWorld, TRecord, bool> Holds);
