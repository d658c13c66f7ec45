using System.Collections.Frozen;
using VpcLab.Engine.Compilation;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

// Compiling one route table: each route's target resolved to an index, CIDR and prefix-list destinations
// merged into one longest-prefix-match table.
public sealed partial class CompiledNetwork
{
    private CompiledRouteTable CompileRouteTable(RouteTable table,
        FrozenDictionary<InternetGatewayId, int> igwIndex, FrozenDictionary<EgressOnlyInternetGatewayId, int> eigwIndex,
        FrozenDictionary<NatGatewayId, int> natIndex, FrozenDictionary<PrefixListId, int> prefixListIndex,
        FrozenDictionary<VpcPeeringConnectionId, int> peeringIndex)
    {
        int tableVpc = _vpcIndex.GetValueOrDefault(table.VpcId, -1);
        var routes = new CompiledRoute[table.Routes.Length];
        var cidrEntries = new List<(Cidr, int)>();
        var listEntries = new List<(string, Cidr, int)>();
        for (int i = 0; i < table.Routes.Length; i++)
        {
            var r = table.Routes[i];
            int target = r.Target.Kind switch
            {
                RouteTargetKind.InternetGateway => igwIndex.GetValueOrDefault(new InternetGatewayId(r.Target.Id), -1),
                RouteTargetKind.EgressOnlyInternetGateway => eigwIndex.GetValueOrDefault(new EgressOnlyInternetGatewayId(r.Target.Id), -1),
                RouteTargetKind.NatGateway => natIndex.GetValueOrDefault(new NatGatewayId(r.Target.Id), -1),
                RouteTargetKind.NetworkInterface => _interfaceIndex.GetValueOrDefault(new NetworkInterfaceId(r.Target.Id), -1),
                RouteTargetKind.Instance => InstancePrimaryInterface(new InstanceId(r.Target.Id)),
                // A peering is a usable target only from one of its two ends, toward a VPC of the snapshot.
                RouteTargetKind.VpcPeeringConnection => peeringIndex.TryGetValue(new VpcPeeringConnectionId(r.Target.Id), out int pcx)
                    && _peerings[pcx].PeerOf(tableVpc) >= 0 ? pcx : -1,
                RouteTargetKind.GatewayEndpoint => _gatewayEndpointIndex.GetValueOrDefault(new VpcEndpointId(r.Target.Id), -1),
                _ => -1,
            };
            bool supported = r.Target.Kind is RouteTargetKind.Local or RouteTargetKind.InternetGateway
                or RouteTargetKind.EgressOnlyInternetGateway or RouteTargetKind.NatGateway
                or RouteTargetKind.NetworkInterface or RouteTargetKind.Instance or RouteTargetKind.VpcPeeringConnection
                or RouteTargetKind.GatewayEndpoint;
            bool blackhole = !supported || (r.Target.Kind != RouteTargetKind.Local && target < 0)
                || _network.RouteState(table, r) == RouteState.Blackhole;
            routes[i] = new CompiledRoute { Kind = r.Target.Kind, Target = target, Blackhole = blackhole, ModelIndex = i };
            if (r.Destination.Cidr is { } cidr)
                cidrEntries.Add((cidr, i));
            else if (r.Destination.PrefixListId is { } pl && prefixListIndex.TryGetValue(pl, out int pli))
            {
                foreach (var e in _prefixListModels[pli].Entries)
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

    private int InstancePrimaryInterface(InstanceId id) =>
        _network.Instances.TryGetValue(id, out var instance) && !instance.NetworkInterfaces.IsDefaultOrEmpty
            ? _interfaceIndex.GetValueOrDefault(instance.PrimaryNetworkInterface, -1)
            : -1;
}
