using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>A snapshot and its filter index, published together so a reader never sees one without the other.</summary>
public sealed record IndexedWorld(Network Network, WorldIndex Index);
