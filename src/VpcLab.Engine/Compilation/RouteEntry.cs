using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>One route of a small table, in a global array: tables are contiguous slices sorted longest prefix
/// first, so a lookup is a short linear scan over adjacent memory (first match = longest prefix).</summary>
internal readonly struct RouteEntry(UInt128 network, UInt128 mask, int route)
{
    public readonly UInt128 Network = network;
    public readonly UInt128 Mask = mask;
    public readonly int Route = route;
}
