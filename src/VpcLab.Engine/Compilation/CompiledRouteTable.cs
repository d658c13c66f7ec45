using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

internal sealed class CompiledRouteTable
{
    public required RouteTable Model { get; init; }
    public required LongestPrefixMatchTable<int> Lookup { get; init; }
    /// <summary>Entry index of <see cref="Lookup"/> → compiled route index.</summary>
    public required int[] EntryRoute { get; init; }
    public required CompiledRoute[] Routes { get; init; }
    /// <summary>Entry index → the CIDR that matched (for traces of prefix-list routes).</summary>
    public int Find(in IpAddress destination)
    {
        int entry = Lookup.LookupIndex(destination);
        return entry < 0 ? -1 : EntryRoute[entry];
    }
}
