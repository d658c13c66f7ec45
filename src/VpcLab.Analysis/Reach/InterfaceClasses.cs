using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>Interfaces the engine cannot tell apart, as a source or as a destination: the same subnet (so the same
/// VPC, route table and network ACL), the same security groups, the same source/destination check and instance state,
/// and addresses laid out alike, each in the same piece of the rules' and routes' address cuts
/// (<see cref="HeaderCuts.OfRules"/>: no rule or route separates two addresses of one piece), with or without a
/// public IPv4 in the same piece. Interfaces something names by id or by address (a route's target, its instance
/// as a route's target, a load balancer's target) and the interfaces AWS manages for a service (NAT gateway,
/// endpoint, load balancer) are classes of their own. Deciding one member's flows decides the whole class's, address
/// by address in the same order (docs/semantics.md#reach-classes).</summary>
internal sealed class InterfaceClasses
{
    private readonly Dictionary<NetworkInterfaceId, int> _classOf = [];

    private InterfaceClasses(ImmutableArray<ImmutableArray<NetworkInterfaceId>> members, Dictionary<NetworkInterfaceId, int> classOf)
    {
        Members = members;
        _classOf = classOf;
    }

    /// <summary>The members of each class, in the order the interfaces were given; the first is the class's
    /// representative.</summary>
    public ImmutableArray<ImmutableArray<NetworkInterfaceId>> Members { get; }

    /// <summary>The class of an interface given to <see cref="Of"/>, else −1.</summary>
    public int ClassOf(NetworkInterfaceId id) => _classOf.GetValueOrDefault(id, -1);

    public static InterfaceClasses Of(Network network, int[] compiledIndexOf, IReadOnlyList<NetworkInterfaceId> interfaces)
    {
        var cuts = HeaderCuts.OfRules(network);
        var named = NamedIds(network);
        var elastic = new Dictionary<(NetworkInterfaceId, IpAddress), IpAddress>();
        foreach (var eip in network.ElasticIps.Values.OrderBy(e => e.AllocationId.Value, StringComparer.Ordinal))
        {
            if (eip.NetworkInterfaceId is { } owner && eip.PrivateIp is { } privateIp)
                elastic.TryAdd((owner, privateIp), eip.PublicIp);
        }
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<List<NetworkInterfaceId>>();
        var classOf = new Dictionary<NetworkInterfaceId, int>();
        for (int i = 0; i < interfaces.Count; i++)
        {
            var id = interfaces[i];
            if (classOf.ContainsKey(id))
                continue;
            var eni = network.NetworkInterfaces.GetValueOrDefault(id);
            var key = eni is null || compiledIndexOf[i] < 0 || IsNamedOrManaged(network, eni, named) ? "solo " + id.Value : Key(network, eni, cuts, elastic);
            if (!byKey.TryGetValue(key, out int c))
            {
                byKey[key] = c = members.Count;
                members.Add([]);
            }
            members[c].Add(id);
            classOf[id] = c;
        }
        return new InterfaceClasses([.. members.Select(m => m.ToImmutableArray())], classOf);
    }

    /// <summary>Every id and address a route, a load balancer's target group or a NAT gateway names.</summary>
    private static HashSet<string> NamedIds(Network network)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in network.RouteTables.Values.SelectMany(t => t.Routes))
            named.Add(route.Target.Id);
        foreach (var target in network.TargetGroups.Values.SelectMany(g => g.Targets))
            named.Add(target.Id);
        foreach (var nat in network.NatGateways.Values)
            named.Add(nat.NetworkInterfaceId.Value);
        return named;
    }

    private static bool IsNamedOrManaged(Network network, NetworkInterface eni, HashSet<string> named) =>
        eni.InterfaceType != NetworkInterfaceType.Interface || eni.RequesterManaged || named.Contains(eni.Id.Value)
        || (eni.Attachment is { } a && named.Contains(a.InstanceId.Value))
        || eni.AllPrivateAddresses.Any(a => named.Contains(a.ToString()));

    private static string Key(Network network, NetworkInterface eni, HeaderCuts cuts, Dictionary<(NetworkInterfaceId, IpAddress), IpAddress> elastic)
    {
        var key = new StringBuilder();
        var running = eni.Attachment is null || (network.Instances.TryGetValue(eni.Attachment.InstanceId, out var instance) && instance.State == InstanceState.Running);
        key.Append(eni.SubnetId.Value).Append(eni.SourceDestCheck ? " check" : " nocheck").Append(running ? " up" : " down").Append(" groups");
        foreach (var group in eni.Groups.Select(g => g.Value).Distinct().Order(StringComparer.Ordinal))
            key.Append(' ').Append(group);
        key.Append(" v4");
        foreach (var p in eni.PrivateIpAddresses)
        {
            var pub = elastic.TryGetValue((eni.Id, p.Address), out var e) ? e : p.AutoAssignedPublicIp;
            key.Append(CultureInfo.InvariantCulture, $" {(p.Primary ? 'p' : 's')}{cuts.PieceOf(p.Address)}/{(pub is { } x ? cuts.PieceOf(x) : -1)}");
        }
        key.Append(" v6");
        foreach (var a in eni.Ipv6Addresses)
            key.Append(CultureInfo.InvariantCulture, $" {cuts.PieceOf(a)}");
        return key.ToString();
    }
}
