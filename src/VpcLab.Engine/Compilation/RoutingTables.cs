using System.Runtime.CompilerServices;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>Every route table, flattened: per table, the routes of each family sorted longest prefix first in one
/// array, so a lookup is a short scan over adjacent memory; tables with many entries (large prefix lists) use
/// their interval LPM table instead.</summary>
internal sealed class RoutingTables(CompiledRouteTable[] tables, RouteTableSlice[] slices, RouteEntry[] entries,
    CompiledRoute[] routes, CompiledPeering[] peerings)
{
    /// <summary>Tables with more entries than this per family use the interval LPM table rather than a scan.</summary>
    public const int LinearScanLimit = 24;

    public CompiledRouteTable Table(int table) => tables[table];

    /// <summary>Longest-prefix match in a route table. Returns the table's route index, or −1.</summary>
    public int FindRoute(int table, in IpAddress destination)
    {
        ref readonly var slice = ref slices[table];
        if (slice.Large)
            return tables[table].Find(destination);
        int start, count;
        if (destination.Family == IpFamily.V4)
        {
            start = slice.V4Start;
            count = slice.V4Count;
        }
        else
        {
            start = slice.V6Start;
            count = slice.V6Count;
        }
        var all = entries;
        var value = destination.Value;
        for (int i = start, end = start + count; i < end; i++)
        {
            ref readonly var e = ref all[i];
            if ((value & e.Mask) == e.Network)
                return e.Route;
        }
        return -1;
    }

    /// <summary>Route <paramref name="route"/> (an index <see cref="FindRoute"/> returned) of a table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly CompiledRoute Route(int table, int route) => ref routes[slices[table].RouteBase + route];

    /// <summary>The flow-log traffic path of a packet routed by <paramref name="route"/> of a table
    /// (spec/flow-logs.md §2.5).</summary>
    public TrafficPath TrafficPathOf(int table, int route)
    {
        if (route < 0)
            return TrafficPath.None;
        ref readonly var r = ref Route(table, route);
        if (r.Blackhole)
            return TrafficPath.None;
        return r.Kind switch
        {
            RouteTargetKind.Local or RouteTargetKind.NatGateway or RouteTargetKind.NetworkInterface
                or RouteTargetKind.Instance => TrafficPath.SameVpc,
            RouteTargetKind.InternetGateway or RouteTargetKind.EgressOnlyInternetGateway => TrafficPath.InternetGateway,
            RouteTargetKind.VpcPeeringConnection => PeeringPath(r.Target),
            RouteTargetKind.GatewayEndpoint => TrafficPath.GatewayEndpoint,
            RouteTargetKind.VirtualPrivateGateway => TrafficPath.VirtualPrivateGateway,
            _ => TrafficPath.None,
        };
    }

    /// <summary>A peering's traffic path: 5 when its two VPCs are in different Regions, else 4.</summary>
    public TrafficPath PeeringPath(int pcx) =>
        peerings[pcx].InterRegion ? TrafficPath.InterRegionPeering : TrafficPath.IntraRegionPeering;
}
