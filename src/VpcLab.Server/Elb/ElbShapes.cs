using System.Collections.Immutable;
using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Elb;

/// <summary>Model records to Elastic Load Balancing v2's output shapes (member-name JSON for
/// <see cref="Protocol.QueryXmlSerializer"/>).</summary>
internal static class ElbShapes
{
    public static JsonObject LoadBalancer(LoadBalancer lb) => new()
    {
        ["LoadBalancerArn"] = lb.Arn.Value,
        ["DNSName"] = lb.DnsName,
        ["CreatedTime"] = lb.CreatedTime,
        ["LoadBalancerName"] = lb.Name,
        ["Scheme"] = lb.Scheme == LoadBalancerScheme.Internal ? "internal" : "internet-facing",
        ["VpcId"] = lb.VpcId.Value,
        ["State"] = new JsonObject { ["Code"] = "active" },
        ["Type"] = "network",
        ["AvailabilityZones"] = new JsonArray([.. lb.Nodes.Select(Zone)]),
        ["SecurityGroups"] = lb.SecurityGroups.IsEmpty ? null : new JsonArray([.. lb.SecurityGroups.Select(g => (JsonNode)g.Value)]),
        ["IpAddressType"] = lb.IpAddressType == LoadBalancerIpAddressType.Dualstack ? "dualstack" : "ipv4",
    };

    /// <summary>An enabled zone and its node's addresses: an internal node shows its private IPv4, an internet-facing
    /// one its public IPv4 (as <c>IpAddress</c>), a dualstack one its IPv6 too.</summary>
    private static JsonObject Zone(LoadBalancerNode node) => new()
    {
        ["ZoneName"] = node.AvailabilityZone,
        ["SubnetId"] = node.SubnetId.Value,
        ["LoadBalancerAddresses"] = new JsonArray(new JsonObject
        {
            ["IpAddress"] = node.PublicIp?.ToString(),
            ["PrivateIPv4Address"] = node.PublicIp is null ? node.PrivateIpv4.ToString() : null,
            ["IPv6Address"] = node.Ipv6?.ToString(),
        }),
    };

    public static JsonObject TargetGroup(TargetGroup group, IndexedWorld world) => new()
    {
        ["TargetGroupArn"] = group.Arn.Value,
        ["TargetGroupName"] = group.Name,
        ["Protocol"] = Protocol(group.Protocol),
        ["Port"] = group.Port,
        ["VpcId"] = group.VpcId.Value,
        ["HealthCheckProtocol"] = group.HealthCheck.Protocol,
        ["HealthCheckPort"] = group.HealthCheck.Port,
        ["HealthCheckEnabled"] = group.HealthCheck.Enabled,
        ["HealthCheckIntervalSeconds"] = group.HealthCheck.IntervalSeconds,
        ["HealthCheckTimeoutSeconds"] = group.HealthCheck.TimeoutSeconds,
        ["HealthyThresholdCount"] = group.HealthCheck.HealthyThresholdCount,
        ["UnhealthyThresholdCount"] = group.HealthCheck.UnhealthyThresholdCount,
        ["HealthCheckPath"] = group.HealthCheck.Path,
        ["LoadBalancerArns"] = new JsonArray([.. TargetGroupLoadBalancers.Of(world, group).Select(l => (JsonNode)l.Arn.Value)]),
        ["TargetType"] = group.TargetType == TargetType.Ip ? "ip" : "instance",
        ["IpAddressType"] = "ipv4",
    };

    public static JsonObject Listener(Listener listener) => new()
    {
        ["ListenerArn"] = listener.Arn.Value,
        ["LoadBalancerArn"] = listener.LoadBalancerArn.Value,
        ["Port"] = listener.Port,
        ["Protocol"] = Protocol(listener.Protocol),
        ["Certificates"] = listener.CertificateArns.IsEmpty ? null
            : new JsonArray([.. listener.CertificateArns.Select(c => (JsonNode)new JsonObject { ["CertificateArn"] = c })]),
        ["DefaultActions"] = new JsonArray(new JsonObject
        {
            ["Type"] = "forward",
            ["TargetGroupArn"] = listener.DefaultTargetGroupArn.Value,
            ["ForwardConfig"] = new JsonObject
            {
                ["TargetGroups"] = new JsonArray(new JsonObject { ["TargetGroupArn"] = listener.DefaultTargetGroupArn.Value, ["Weight"] = 1 }),
            },
        }),
    };

    public static JsonArray Attributes(ImmutableSortedDictionary<string, string> attributes) =>
        new([.. attributes.Select(a => (JsonNode)new JsonObject { ["Key"] = a.Key, ["Value"] = a.Value })]);

    public static string Protocol(TargetGroupProtocol protocol) => protocol switch
    {
        TargetGroupProtocol.Tcp => "TCP",
        TargetGroupProtocol.Udp => "UDP",
        TargetGroupProtocol.Tls => "TLS",
        _ => "TCP_UDP",
    };
}
