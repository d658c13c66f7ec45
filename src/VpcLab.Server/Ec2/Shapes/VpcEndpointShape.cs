using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>VpcEndpoint → the VpcEndpoint output shape of Create/DescribeVpcEndpoints (botocore member names;
/// the serializer writes AWS's wire names: vpcEndpointId, routeTableIdSet, dnsEntrySet, …).</summary>
internal static class VpcEndpointShape
{
    /// <summary>DescribeVpcEndpoints: the control plane's view carries the DNS entries and group names.</summary>
    public static JsonObject Map(VpcEndpointView v, ShapeContext c) =>
        Map(v.Endpoint, v.DnsEntries, v.Groups.Select(g => (g.Id.Value, (string?)g.Name)), c);

    /// <summary>CreateVpcEndpoint: the same shape, its DNS entries and group names read from the snapshot taken
    /// right after the endpoint was created.</summary>
    public static JsonObject Created(CreateVpcEndpointResult x, ShapeContext c, JsonObject parameters) => new()
    {
        ["VpcEndpoint"] = Map(x.VpcEndpoint, DnsEntries(x.VpcEndpoint, c), GroupNames(x.VpcEndpoint, c), c),
        ["ClientToken"] = x.ClientToken ?? (parameters["ClientToken"] is JsonValue t && t.TryGetValue<string>(out var token) ? token : null),
    };

    /// <summary>DeleteVpcEndpoints: endpoints refused one by one (InvalidVpcEndpoint.NotFound, …); the rest are gone.</summary>
    public static JsonObject Deleted(DeleteVpcEndpointsResult x) =>
        new() { ["Unsuccessful"] = FlowLogShape.Unsuccessful(x.Unsuccessful) };

    private static JsonObject Map(VpcEndpoint e, IEnumerable<VpcEndpointDnsEntry> dnsEntries,
        IEnumerable<(string Id, string? Name)> groups, ShapeContext c) => new()
    {
        ["VpcEndpointId"] = e.Id.Value,
        ["VpcEndpointType"] = e.Type.ToString(), // Gateway, Interface
        ["VpcId"] = e.VpcId.Value,
        ["ServiceName"] = e.ServiceName,
        ["State"] = StateName(e.State),
        ["PolicyDocument"] = e.PolicyDocument,
        ["RouteTableIds"] = Json.Array(e.RouteTableIds, id => id.Value),
        ["SubnetIds"] = Json.Array(e.SubnetIds, id => id.Value),
        ["Groups"] = Json.Array(groups, g => new JsonObject { ["GroupId"] = g.Id, ["GroupName"] = g.Name }),
        ["IpAddressType"] = IpAddressTypeName(e.IpAddressType),
        // AWS answers dnsOptions for interface endpoints only (a gateway endpoint has no DNS names).
        ["DnsOptions"] = e.IsInterface ? new JsonObject { ["DnsRecordIpType"] = DnsRecordIpTypeName(e.DnsRecordIpType) } : null,
        ["PrivateDnsEnabled"] = e.PrivateDnsEnabled,
        ["RequesterManaged"] = false, // created by the caller, not by a service on its behalf
        ["NetworkInterfaceIds"] = Json.Array(e.NetworkInterfaceIds, id => id.Value),
        ["DnsEntries"] = Json.Array(dnsEntries, d => new JsonObject { ["DnsName"] = d.DnsName, ["HostedZoneId"] = d.HostedZoneId }),
        ["CreationTimestamp"] = e.CreationTimestamp,
        ["Tags"] = c.Tags(e.Id.Value) ?? new JsonArray(),
        ["OwnerId"] = e.OwnerId.Value,
        ["ServiceRegion"] = e.ServiceRegionName,
    };

    /// <summary>AWS's lower camel case wire values: available, pendingAcceptance, …</summary>
    public static string StateName(VpcEndpointState state)
    {
        var name = state.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string IpAddressTypeName(VpcEndpointIpAddressType type) => type switch
    {
        VpcEndpointIpAddressType.Dualstack => "dualstack",
        VpcEndpointIpAddressType.Ipv6 => "ipv6",
        _ => "ipv4",
    };

    public static string DnsRecordIpTypeName(VpcEndpointDnsRecordIpType type) => type switch
    {
        VpcEndpointDnsRecordIpType.Dualstack => "dualstack",
        VpcEndpointDnsRecordIpType.Ipv6 => "ipv6",
        VpcEndpointDnsRecordIpType.ServiceDefined => "service-defined",
        _ => "ipv4",
    };

    /// <summary>Regional, zonal (one per zone of the endpoint's subnets) and private DNS names, as Describe lists them.</summary>
    private static System.Collections.Immutable.ImmutableArray<VpcEndpointDnsEntry> DnsEntries(VpcEndpoint e, ShapeContext c)
    {
        var zones = e.SubnetIds.Select(id => c.Network.Subnets.TryGetValue(id, out var s) ? s.AvailabilityZone.Name : null)
            .OfType<string>();
        var privateDns = c.Network.EndpointServiceNamed(e.ServiceName) is { } provider ? provider.VerifiedPrivateDnsName : c.ControlPlane?.ServiceCatalog.Find(e.ServiceName)
            .FirstOrDefault(s => s.Region == e.ServiceRegionName && s.EndpointType == AwsServiceEndpointType.Interface)?.PrivateDnsName;
        return VpcEndpointDnsNames.Entries(e, zones, privateDns);
    }

    private static IEnumerable<(string Id, string? Name)> GroupNames(VpcEndpoint e, ShapeContext c) =>
        e.Groups.Select(g => (g.Value, c.Network.SecurityGroups.TryGetValue(g, out var sg) ? sg.GroupName : (string?)null));
}
