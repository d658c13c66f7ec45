using VpcLab.Model;

namespace VpcLab.Cli.Rendering;

/// <summary>What every diagram of <see cref="TopologyDiagram"/> draws, decided once: the boxes (account and Region ⊃ VPC
/// ⊃ Availability Zone ⊃ subnet), the leaves in them (instances, NAT gateways in their subnet; internet and egress-only
/// gateways and endpoints in their VPC), whether the internet is drawn, and the arrows (a subnet's routes to its
/// gateways, gateways to the internet, peerings between VPCs) with their look: <c>active</c>, <c>pending</c>,
/// <c>inactive</c> or <c>plain</c>. docs/semantics.md#console.</summary>
internal static class TopologyOutline
{
    /// <summary>A box (cluster) with its boxes and leaves; <paramref name="Kind"/> is place, vpc, az or "subnet public|private".</summary>
    public sealed record Box(string Id, string Label, string Kind, List<Box> Boxes, List<(string Id, string Label, string Shape)> Leaves);

    public sealed record Arrow(string From, string To, string Label, string Style);

    public static IEnumerable<Box> Flatten(IEnumerable<Box> boxes) => boxes.SelectMany(b => Flatten(b.Boxes).Prepend(b));

    public static (List<Box> Boxes, bool Internet, List<Arrow> Arrows) Build(Network n)
    {
        var arrows = new List<Arrow>();
        var places = new List<Box>();
        bool internet = false;
        foreach (var place in n.Vpcs.Values.GroupBy(v => (v.OwnerId, v.Region)).OrderBy(g => g.Key.OwnerId.Value, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal))
        {
            var box = new Box(Id($"{place.Key.OwnerId}-{place.Key.Region}"), $"account {place.Key.OwnerId}, {place.Key.Region}", "place", [], []);
            foreach (var vpc in place.OrderBy(v => v.Id.Value, StringComparer.Ordinal))
                box.Boxes.Add(VpcBox(n, vpc, arrows, ref internet));
            places.Add(box);
        }
        foreach (var p in n.VpcPeeringConnections.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal))
        {
            if (!n.Vpcs.ContainsKey(p.Requester.VpcId) || !n.Vpcs.ContainsKey(p.Accepter.VpcId))
                continue;
            var style = p.IsActive ? "active" : p.State is VpcPeeringConnectionState.PendingAcceptance or VpcPeeringConnectionState.Provisioning or VpcPeeringConnectionState.InitiatingRequest ? "pending" : "inactive";
            arrows.Add(new Arrow(Id(p.Requester.VpcId.Value), Id(p.Accepter.VpcId.Value), $"{n.NameOf(p.Id.Value)} ({LabelOf(p.State)})", style));
        }
        return (places, internet, arrows);
    }

    private static Box VpcBox(Network n, Vpc vpc, List<Arrow> arrows, ref bool internet)
    {
        var box = new Box(Id(vpc.Id.Value), $"{n.NameOf(vpc.Id.Value)} {string.Join(" ", vpc.AssociatedCidrs)}", "vpc", [], []);
        var associations = SubnetAssociations.Of(n);
        foreach (var zone in n.SubnetsOf(vpc.Id).GroupBy(s => s.AvailabilityZone.Name).OrderBy(z => z.Key, StringComparer.Ordinal))
        {
            var az = new Box(Id($"{vpc.Id}-{zone.Key}"), zone.Key, "az", [], []);
            foreach (var subnet in zone.OrderBy(s => (s.CidrBlock ?? s.Ipv6Cidr).ToString(), StringComparer.Ordinal))
            {
                var table = associations.RouteTableOf(subnet);
                var kind = Server.WebConsole.SubnetVisibility.IsPublic(n, table) ? "public" : "private";
                var s = new Box(Id(subnet.Id.Value), $"{n.NameOf(subnet.Id.Value)} {subnet.CidrBlock ?? subnet.Ipv6Cidr} ({kind})", $"subnet {kind}", [], []);
                foreach (var i in n.Instances.Values.Where(i => i.SubnetId == subnet.Id && i.State != InstanceState.Terminated).OrderBy(i => i.Id.Value, StringComparer.Ordinal))
                    s.Leaves.Add((Id(i.Id.Value), $"{n.NameOf(i.Id.Value)} {n.NetworkInterfaces[i.PrimaryNetworkInterface].PrimaryPrivateIp}", "instance"));
                foreach (var nat in n.NatGateways.Values.Where(g => g.SubnetId == subnet.Id).OrderBy(g => g.Id.Value, StringComparer.Ordinal))
                    s.Leaves.Add((Id(nat.Id.Value), $"NAT {n.NameOf(nat.Id.Value)}", "gateway"));
                az.Boxes.Add(s);
                RouteArrows(n, subnet, table, arrows);
            }
            box.Boxes.Add(az);
        }
        foreach (var igw in n.InternetGateways.Values.Where(g => g.AttachedVpcId == vpc.Id))
        {
            box.Leaves.Add((Id(igw.Id.Value), $"IGW {n.NameOf(igw.Id.Value)}", "gateway"));
            arrows.Add(new Arrow(Id(igw.Id.Value), "internet", "", "plain"));
            internet = true;
        }
        foreach (var eigw in n.EgressOnlyInternetGateways.Values.Where(g => g.VpcId == vpc.Id))
        {
            box.Leaves.Add((Id(eigw.Id.Value), $"EIGW {n.NameOf(eigw.Id.Value)}", "gateway"));
            arrows.Add(new Arrow(Id(eigw.Id.Value), "internet", "IPv6 out", "active"));
            internet = true;
        }
        foreach (var e in n.VpcEndpoints.Values.Where(e => e.VpcId == vpc.Id).OrderBy(e => e.Id.Value, StringComparer.Ordinal))
            box.Leaves.Add((Id(e.Id.Value), $"{(e.IsGateway ? "Gateway" : "Interface")} endpoint {e.ServiceName.Split('.')[^1]}", "gateway"));
        return box;
    }

    private static void RouteArrows(Network n, Subnet subnet, RouteTable? table, List<Arrow> arrows)
    {
        var kinds = new[] { RouteTargetKind.InternetGateway, RouteTargetKind.EgressOnlyInternetGateway, RouteTargetKind.NatGateway, RouteTargetKind.GatewayEndpoint };
        foreach (var target in (table?.Routes ?? []).Where(r => kinds.Contains(r.Target.Kind)).GroupBy(r => r.Target.Id))
        {
            var blackhole = target.Any(r => n.RouteState(table!, r) == RouteState.Blackhole);
            arrows.Add(new Arrow(Id(subnet.Id.Value), Id(target.Key), string.Join(", ", target.Select(r => r.Destination.ToString())), blackhole ? "inactive" : "active"));
        }
    }

    private static string LabelOf(VpcPeeringConnectionState state) =>
        string.Concat(state.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>An identifier both Mermaid and DOT take: letters, digits and underscores, never a digit first.</summary>
    public static string Id(string text) => (char.IsAsciiDigit(text[0]) ? "n" : "") + new string([.. text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

}
