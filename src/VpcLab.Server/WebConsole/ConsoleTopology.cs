using System.Text.Json;
using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Server.Rendering;

namespace VpcLab.Server.WebConsole;

/// <summary>What the web console's map shows of one account and Region: VPCs with their CIDRs, route tables (every
/// route with its target and state), network ACLs (entries in rule order), security groups, subnets (public or
/// private, by <see cref="SubnetVisibility"/>), interfaces and instances, gateways, endpoints (policy, DNS names),
/// peerings (both ends, state) and flow logs. Rules and entries are the Model's records in <see cref="LabJson"/>, as
/// <c>vpclab show --json</c> prints them; the console decides nothing.</summary>
public static class ConsoleTopology
{
    public static JsonObject Build(IndexedWorld world, Ec2ControlPlane controlPlane, AccountId account, string region)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(controlPlane);
        var network = world.Network;
        bool Mine(AccountId owner, string r) => owner == account && r == region;
        var associations = SubnetAssociations.Of(network);
        var vpcs = network.Vpcs.Values.Where(v => Mine(v.OwnerId, v.Region)).OrderBy(v => v.Id.Value, StringComparer.Ordinal).ToList();
        var vpcIds = vpcs.Select(v => v.Id).ToHashSet();
        return new JsonObject
        {
            ["account"] = account.Value,
            ["region"] = region,
            ["accounts"] = Array(Accounts(network), a => a),
            ["regions"] = Array(RegionsOf(network, account), r => r),
            ["vpcs"] = Array(vpcs, v => Vpc(network, v)),
            ["subnets"] = Array(network.Subnets.Values.Where(s => vpcIds.Contains(s.VpcId)).OrderBy(s => s.Id.Value, StringComparer.Ordinal),
                s => Subnet(world, associations, s)),
            ["routeTables"] = Array(network.RouteTables.Values.Where(t => vpcIds.Contains(t.VpcId)).OrderBy(t => t.Id.Value, StringComparer.Ordinal),
                t => RouteTable(network, t)),
            ["networkAcls"] = Array(network.NetworkAcls.Values.Where(a => vpcIds.Contains(a.VpcId)).OrderBy(a => a.Id.Value, StringComparer.Ordinal),
                a => NetworkAcl(network, a)),
            ["securityGroups"] = Array(network.SecurityGroups.Values.Where(g => vpcIds.Contains(g.VpcId)).OrderBy(g => g.Id.Value, StringComparer.Ordinal),
                g => SecurityGroup(network, g)),
            ["networkInterfaces"] = Array(network.NetworkInterfaces.Values.Where(n => vpcIds.Contains(n.VpcId)).OrderBy(n => n.Id.Value, StringComparer.Ordinal),
                n => ConsoleInterfaces.Interface(network, n)),
            ["instances"] = Array(network.Instances.Values.Where(i => vpcIds.Contains(i.VpcId) && i.State != InstanceState.Terminated)
                .OrderBy(i => i.Id.Value, StringComparer.Ordinal), i => ConsoleInterfaces.Instance(network, i)),
            ["internetGateways"] = Array(network.InternetGateways.Values.Where(g => Mine(g.OwnerId, g.Region)).OrderBy(g => g.Id.Value, StringComparer.Ordinal),
                g => Named(network, g.Id.Value, new JsonObject { ["vpcId"] = g.AttachedVpcId?.Value })),
            ["egressOnlyInternetGateways"] = Array(network.EgressOnlyInternetGateways.Values.Where(g => Mine(g.OwnerId, g.Region))
                .OrderBy(g => g.Id.Value, StringComparer.Ordinal), g => Named(network, g.Id.Value, new JsonObject { ["vpcId"] = g.VpcId.Value })),
            ["natGateways"] = Array(network.NatGateways.Values.Where(g => vpcIds.Contains(g.VpcId)).OrderBy(g => g.Id.Value, StringComparer.Ordinal),
                g => ConsoleGateways.NatGateway(network, g)),
            ["vpcEndpoints"] = Array(network.VpcEndpoints.Values.Where(e => vpcIds.Contains(e.VpcId)).OrderBy(e => e.Id.Value, StringComparer.Ordinal),
                e => ConsoleGateways.Endpoint(network, controlPlane, e)),
            ["peerings"] = Array(network.VpcPeeringConnections.Values
                .Where(p => vpcIds.Contains(p.Requester.VpcId) || vpcIds.Contains(p.Accepter.VpcId)).OrderBy(p => p.Id.Value, StringComparer.Ordinal),
                p => ConsoleGateways.Peering(network, p)),
            ["flowLogs"] = Array(network.FlowLogs.Values.Where(f => Mine(f.OwnerId, f.Region)).OrderBy(f => f.Id.Value, StringComparer.Ordinal),
                f => Named(network, f.Id.Value, Node(f)!.AsObject())),
        };
    }

    /// <summary>Every account the world knows (and the default one), for the page's account picker.</summary>
    private static IEnumerable<string> Accounts(Network network) =>
        network.Accounts.Keys.Select(a => a.Value).Concat(network.Vpcs.Values.Select(v => v.OwnerId.Value))
            .Distinct().OrderBy(a => a, StringComparer.Ordinal);

    /// <summary>The Regions where the account has a VPC, for the Region picker.</summary>
    private static IEnumerable<string> RegionsOf(Network network, AccountId account) =>
        network.Vpcs.Values.Where(v => v.OwnerId == account).Select(v => v.Region).Distinct().OrderBy(r => r, StringComparer.Ordinal);

    private static JsonObject Vpc(Network network, Vpc v) => Named(network, v.Id.Value, new JsonObject
    {
        ["cidrs"] = Array(v.CidrBlocks.Where(b => b.State == CidrBlockState.Associated), b => b.Cidr.ToString()),
        ["ipv6Cidrs"] = Array(v.Ipv6CidrBlocks.Where(b => b.State == CidrBlockState.Associated), b => b.Cidr.ToString()),
        ["isDefault"] = v.IsDefault,
        ["enableDnsSupport"] = v.EnableDnsSupport,
        ["enableDnsHostnames"] = v.EnableDnsHostnames,
        ["dnsResolver"] = v.DnsResolverAddress.ToString(),
    });

    private static JsonObject Subnet(IndexedWorld world, SubnetAssociations associations, Subnet s)
    {
        var network = world.Network;
        var table = associations.RouteTableOf(s);
        return Named(network, s.Id.Value, new JsonObject
        {
            ["vpcId"] = s.VpcId.Value,
            ["availabilityZone"] = s.AvailabilityZone.Name,
            ["availabilityZoneId"] = s.AvailabilityZone.ZoneId,
            ["cidr"] = s.CidrBlock?.ToString() ?? "",
            ["ipv6Cidr"] = s.Ipv6Cidr?.ToString(),
            ["public"] = SubnetVisibility.IsPublic(network, table),
            ["mapPublicIpOnLaunch"] = s.MapPublicIpOnLaunch,
            ["routeTableId"] = table?.Id.Value,
            ["networkAclId"] = associations.NetworkAclOf(s)?.Id.Value,
            ["availableIpAddressCount"] = Ec2ControlPlane.AvailableIpAddressCount(world, s),
        });
    }

    private static JsonObject RouteTable(Network network, RouteTable t) => Named(network, t.Id.Value, new JsonObject
    {
        ["vpcId"] = t.VpcId.Value,
        ["main"] = t.IsMain,
        ["subnetIds"] = Array(t.Associations.Where(a => a.SubnetId is not null), a => a.SubnetId!.Value.Value),
        ["routes"] = Array(t.Routes, r => new JsonObject
        {
            ["destination"] = r.Destination.ToString(),
            ["target"] = r.Target.Id,
            ["targetKind"] = Node(r.Target.Kind),
            ["state"] = Node(network.RouteState(t, r)),
            ["origin"] = Node(r.Origin),
        }),
    });

    private static JsonObject NetworkAcl(Network network, NetworkAcl a) => Named(network, a.Id.Value, new JsonObject
    {
        ["vpcId"] = a.VpcId.Value,
        ["isDefault"] = a.IsDefault,
        ["subnetIds"] = Array(a.Associations, s => s.SubnetId.Value),
        // AWS evaluates each direction in ascending rule number; the page lists them so.
        ["inbound"] = Array(a.EntriesFor(egress: false), Node),
        ["outbound"] = Array(a.EntriesFor(egress: true), Node),
    });

    private static JsonObject SecurityGroup(Network network, SecurityGroup g) => Named(network, g.Id.Value, g.GroupName, new JsonObject
    {
        ["vpcId"] = g.VpcId.Value,
        ["groupName"] = g.GroupName,
        ["description"] = g.Description,
        ["inbound"] = Array(g.Ingress, Node),
        ["outbound"] = Array(g.Egress, Node),
    });

    /// <summary>Adds the id, the display name (Name tag, else the id) and the tags.</summary>
    internal static JsonObject Named(Network network, string id, JsonObject body) => Named(network, id, id, body);

    /// <summary>Adds the id, the display name (Name tag, else <paramref name="fallbackName"/>) and the tags.</summary>
    internal static JsonObject Named(Network network, string id, string fallbackName, JsonObject body)
    {
        var tags = network.TagsOf(id);
        var result = new JsonObject { ["id"] = id, ["name"] = tags.Name ?? fallbackName };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            result[key] = value;
        }
        result["tags"] = new JsonObject(tags.Items.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        return result;
    }

    internal static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, LabJson.Options);

    internal static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> map)
    {
        var array = new JsonArray();
        foreach (var item in items)
            array.Add(map(item));
        return array;
    }
}
