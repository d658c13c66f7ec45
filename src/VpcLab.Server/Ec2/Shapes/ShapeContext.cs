using System.Globalization;
using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Engine.Dns;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>What a mapper may look at besides the record it maps: the snapshot taken right after the action
/// ran (tags, names of referenced groups, Elastic IP associations, route states) and the caller. Lookups that
/// would otherwise scan the whole world once per item are computed once per response.</summary>
internal sealed class ShapeContext
{
    private Dictionary<SubnetId, int>? _usedIpv4;
    private Dictionary<(NetworkInterfaceId, IpAddress), ElasticIpAddress>? _elasticIps;

    public ShapeContext(Network network, RequestContext caller, Ec2ControlPlane? controlPlane = null, WorldIndex? index = null)
    {
        Network = network;
        Caller = caller;
        ControlPlane = controlPlane;
        Index = index;
    }

    /// <summary>The filter index of <see cref="Network"/> when the caller has it: per-subnet and per-interface
    /// lookups then cost what they find (docs/semantics.md#filter-indexes).</summary>
    public WorldIndex? Index { get; }

    /// <summary>For state kept beside the snapshot (a VPC's DHCP options set).</summary>
    public Ec2ControlPlane? ControlPlane { get; }

    public Network Network { get; }

    public RequestContext Caller { get; }

    /// <summary>The resource's tags as a Tags list, or null (member omitted) when it has none, as AWS omits
    /// <c>tagSet</c> for untagged resources.</summary>
    public JsonArray? Tags(string resourceId)
    {
        var tags = Network.TagsOf(resourceId);
        return tags.IsEmpty ? null : TagList(tags);
    }

    /// <summary>The Tags list even when empty (Create* results of resources AWS always answers with a set).</summary>
    public static JsonArray TagList(VpcLab.Model.Tags tags) =>
        Json.Array(tags.Items, kv => new JsonObject { ["Key"] = kv.Key, ["Value"] = kv.Value });

    /// <summary>Private IPv4 addresses held in a subnet by any interface (primary and secondary).</summary>
    public int UsedIpv4(SubnetId subnet)
    {
        if (Index is not null)
            return (int)SubnetAddressCount.UsedIpv4(Network, Index, subnet);
        _usedIpv4 ??= Network.NetworkInterfaces.Values
            .GroupBy(e => e.SubnetId)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.PrivateIpAddresses.Length));
        return _usedIpv4.GetValueOrDefault(subnet);
    }

    public ElasticIpAddress? ElasticIpFor(NetworkInterfaceId eni, IpAddress privateIp)
    {
        if (Index is not null)
        {
            return Index.Ids(IndexedKinds.ElasticIp.Key, "network-interface-id", eni.Value)
                .Select(id => Network.ElasticIps[new AllocationId(id)]).FirstOrDefault(e => e.PrivateIp == privateIp);
        }
        _elasticIps ??= Network.ElasticIps.Values
            .Where(e => e.NetworkInterfaceId is not null && e.PrivateIp is not null)
            .ToDictionary(e => (e.NetworkInterfaceId!.Value, e.PrivateIp!.Value));
        return _elasticIps.GetValueOrDefault((eni, privateIp));
    }

    /// <summary>The zone id of an interface: its subnet's (a zone name means another zone in another account,
    /// docs/semantics.md#zones).</summary>
    public string? ZoneId(NetworkInterface eni) =>
        Network.Subnets.TryGetValue(eni.SubnetId, out var subnet) ? subnet.AvailabilityZone.ZoneId : null;

    public JsonArray GroupIdentifiers(IEnumerable<SecurityGroupId> groups) =>
        Json.Array(groups, g => new JsonObject
        {
            ["GroupId"] = g.Value,
            ["GroupName"] = Network.SecurityGroups.TryGetValue(g, out var sg) ? sg.GroupName : null,
        });

    /// <summary>AWS's internal host name of a private IPv4: ip-10-0-1-5.ec2.internal in us-east-1,
    /// ip-10-0-1-5.&lt;region&gt;.compute.internal elsewhere.</summary>
    public static string PrivateDnsName(IpAddress address, string region) =>
        address.IsV4 ? Ec2Hostnames.Private(address, region) : "";

    /// <summary>The public host name AWS gives a public IPv4 when the VPC has DNS hostnames enabled, else "".</summary>
    public string PublicDnsName(IpAddress? publicIp, VpcId vpc, string region) =>
        publicIp is { IsV4: true } ip && Network.Vpcs.TryGetValue(vpc, out var v) && v.EnableDnsHostnames ? Ec2Hostnames.Public(ip, region) : "";

    public static string Arn(string region, string owner, string type, string id) => $"arn:aws:ec2:{region}:{owner}:{type}/{id}";
}

/// <summary>Small builders for output JSON.</summary>
internal static class Json
{
    public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> map)
    {
        var array = new JsonArray();
        foreach (var item in items)
            array.Add(map(item));
        return array;
    }

    public static JsonObject State(string state) => new() { ["State"] = state };

    public static string Bool(bool value) => value ? "true" : "false";
}
