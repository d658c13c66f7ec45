using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>Something that blocks deleting a resource (AWS: DependencyViolation), as a named test.</summary>
public sealed record DeletionBlocker<TRecord>(string What, Func<Network, TRecord, bool> Holds);
