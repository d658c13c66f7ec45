using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>Compiles route tables: each route's target resolved to a compiled index, CIDR and prefix-list
/// destinations merged into one longest-prefix-match table per table, then all tables flattened for the walk.</summary>
internal sealed class RouteTableCompiler(Network network, CompiledModels models, CompiledPeering[] peerings)
{
    /// <summary>Every table of a snapshot: each route's target resolved to an index, then flattened: per table, the
    /// entries of each family sorted by prefix length, longest first (stable, so for equal CIDRs the LPM table's
    /// choice, the first, is kept: it dropped the duplicates already).</summary>
    public RoutingTables CompileAll(IReadOnlyList<RouteTable> tableModels)
    {
        CompiledRouteTable[] tables = [.. tableModels.Select(Compile)];
        var slices = new RouteTableSlice[tables.Length];
        var entries = new List<RouteEntry>();
        var routes = new List<CompiledRoute>();
        for (int t = 0; t < tables.Length; t++)
        {
            var table = tables[t];
            var slice = new RouteTableSlice { RouteBase = routes.Count };
            routes.AddRange(table.Routes);
            var lpmEntries = table.Lookup.Entries;
            var v4 = Enumerable.Range(0, lpmEntries.Length).Where(i => lpmEntries[i].Cidr.IsV4).OrderByDescending(i => lpmEntries[i].Cidr.PrefixLength).ToList();
            var v6 = Enumerable.Range(0, lpmEntries.Length).Where(i => lpmEntries[i].Cidr.IsV6).OrderByDescending(i => lpmEntries[i].Cidr.PrefixLength).ToList();
            slice.Large = v4.Count > RoutingTables.LinearScanLimit || v6.Count > RoutingTables.LinearScanLimit;
            slice.V4Start = entries.Count;
            slice.V4Count = v4.Count;
            foreach (int i in v4)
                entries.Add(new RouteEntry(lpmEntries[i].Cidr.Network.Value, Cidr.Mask(IpFamily.V4, lpmEntries[i].Cidr.PrefixLength), table.EntryRoute[i]));
            slice.V6Start = entries.Count;
            slice.V6Count = v6.Count;
            foreach (int i in v6)
                entries.Add(new RouteEntry(lpmEntries[i].Cidr.Network.Value, Cidr.Mask(IpFamily.V6, lpmEntries[i].Cidr.PrefixLength), table.EntryRoute[i]));
            slices[t] = slice;
        }
        return new RoutingTables(tables, slices, [.. entries], [.. routes], peerings);
    }

    public CompiledRouteTable Compile(RouteTable table)
    {
        int tableVpc = models.VpcIndex.GetValueOrDefault(table.VpcId, -1);
        var routes = new CompiledRoute[table.Routes.Length];
        var cidrEntries = new List<(Cidr, int)>();
        var listEntries = new List<(string, Cidr, int)>();
        for (int i = 0; i < table.Routes.Length; i++)
        {
            var r = table.Routes[i];
            int target = TargetIndex(r.Target, tableVpc);
            bool supported = r.Target.Kind is RouteTargetKind.Local or RouteTargetKind.InternetGateway
                or RouteTargetKind.EgressOnlyInternetGateway or RouteTargetKind.NatGateway
                or RouteTargetKind.NetworkInterface or RouteTargetKind.Instance or RouteTargetKind.VpcPeeringConnection
                or RouteTargetKind.GatewayEndpoint;
            bool blackhole = !supported || (r.Target.Kind != RouteTargetKind.Local && target < 0)
                || network.RouteState(table, r) == RouteState.Blackhole;
            routes[i] = new CompiledRoute { Kind = r.Target.Kind, Target = target, Blackhole = blackhole, ModelIndex = i };
            if (r.Destination.Cidr is { } cidr)
                cidrEntries.Add((cidr, i));
            else if (r.Destination.PrefixListId is { } pl && models.PrefixListIndex.TryGetValue(pl, out int pli))
            {
                foreach (var e in models.PrefixLists[pli].Entries)
                    listEntries.Add((pl.Value, e.Cidr, i));
            }
        }
        // AWS: for an identical prefix a CIDR route beats a prefix-list route; between prefix lists the emulator
        // picks the lowest pl- id (spec §6). The LPM table keeps the first of equal CIDRs.
        var entries = cidrEntries.Concat(listEntries.OrderBy(e => e.Item1, StringComparer.Ordinal).Select(e => (e.Item2, e.Item3))).ToList();
        var lpm = new LongestPrefixMatchTable<int>(entries);
        return new CompiledRouteTable
        {
            Model = table,
            Lookup = lpm,
            EntryRoute = [.. lpm.Entries.Select(e => e.Value)],
            Routes = routes,
        };
    }

    private int TargetIndex(RouteTarget target, int tableVpc) => target.Kind switch
    {
        RouteTargetKind.InternetGateway => models.InternetGatewayIndex.GetValueOrDefault(new InternetGatewayId(target.Id), -1),
        RouteTargetKind.EgressOnlyInternetGateway => models.EgressOnlyInternetGatewayIndex.GetValueOrDefault(new EgressOnlyInternetGatewayId(target.Id), -1),
        RouteTargetKind.NatGateway => models.NatGatewayIndex.GetValueOrDefault(new NatGatewayId(target.Id), -1),
        RouteTargetKind.NetworkInterface => models.InterfaceIndex.GetValueOrDefault(new NetworkInterfaceId(target.Id), -1),
        RouteTargetKind.Instance => models.InstancePrimaryInterface(new InstanceId(target.Id)),
        // A peering is a usable target only from one of its two ends, toward a VPC of the snapshot.
        RouteTargetKind.VpcPeeringConnection => models.PeeringIndex.TryGetValue(new VpcPeeringConnectionId(target.Id), out int pcx)
            && peerings[pcx].PeerOf(tableVpc) >= 0 ? pcx : -1,
        RouteTargetKind.GatewayEndpoint => models.GatewayEndpointIndex.GetValueOrDefault(new VpcEndpointId(target.Id), -1),
        _ => -1,
    };
}
