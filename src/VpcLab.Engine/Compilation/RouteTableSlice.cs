using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>Where a table's entries and routes live in the global arrays; tables with many entries (large prefix
/// lists) use their <see cref="LongestPrefixMatchTable{T}"/> instead.</summary>
internal struct RouteTableSlice
{
    public int V4Start;
    public int V4Count;
    public int V6Start;
    public int V6Count;
    public int RouteBase;
    public bool Large;
}
