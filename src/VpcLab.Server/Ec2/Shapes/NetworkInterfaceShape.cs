using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>NetworkInterface → the NetworkInterface shape (describe-network-interfaces) and the
/// InstanceNetworkInterface shape (inside an instance).</summary>
internal static class NetworkInterfaceShape
{
    public static JsonObject Map(NetworkInterface e, ShapeContext c)
    {
        var primary = e.PrivateIpAddresses.FirstOrDefault(p => p.Primary);
        var instanceOwner = e.Attachment is { } a && c.Network.Instances.TryGetValue(a.InstanceId, out var instance)
            ? instance.OwnerId.Value : e.OwnerId.Value;
        return new JsonObject
        {
            ["Association"] = primary is null ? null : Association(e, primary, c, instanceForm: false),
            ["Attachment"] = e.Attachment is { } at ? new JsonObject
            {
                ["AttachTime"] = AttachTime(at, c),
                ["AttachmentId"] = at.AttachmentId,
                ["DeleteOnTermination"] = at.DeleteOnTermination,
                ["DeviceIndex"] = at.DeviceIndex,
                ["NetworkCardIndex"] = 0,
                ["InstanceId"] = at.InstanceId.Value,
                ["InstanceOwnerId"] = instanceOwner,
                ["Status"] = "attached",
            } : null,
            ["AvailabilityZone"] = e.AvailabilityZone,
            ["Description"] = e.Description,
            ["Groups"] = c.GroupIdentifiers(e.Groups),
            ["InterfaceType"] = Ec2ControlPlane.InterfaceTypeName(e.InterfaceType),
            ["Ipv6Addresses"] = Ipv6Addresses(e),
            ["MacAddress"] = e.MacAddress,
            ["NetworkInterfaceId"] = e.Id.Value,
            ["OwnerId"] = e.OwnerId.Value,
            ["PrivateDnsName"] = primary is null ? null : ShapeContext.PrivateDnsName(primary.Address, e.Region),
            ["PrivateIpAddress"] = primary?.Address.ToString(),
            ["PrivateIpAddresses"] = PrivateIpAddresses(e, c, instanceForm: false),
            ["Ipv4Prefixes"] = null,
            ["RequesterId"] = e.RequesterManaged ? RequesterIdFor(e.InterfaceType) : null,
            ["RequesterManaged"] = e.RequesterManaged,
            ["SourceDestCheck"] = e.SourceDestCheck,
            ["Status"] = Status(e),
            ["SubnetId"] = e.SubnetId.Value,
            ["TagSet"] = c.Tags(e.Id.Value) ?? new JsonArray(),
            ["VpcId"] = e.VpcId.Value,
            ["AvailabilityZoneId"] = c.ZoneId(e),
        };
    }

    /// <summary>"in-use" when attached to an instance or owned by a service (a NAT gateway's interface),
    /// else "available".</summary>
    public static string Status(NetworkInterface e) => e.Attachment is not null || e.RequesterManaged ? "in-use" : "available";

    /// <summary>The principal AWS names as requester of a service-managed interface (choice: a fixed
    /// AWS-style id per service, docs/semantics.md#requester-id).</summary>
    private static string RequesterIdFor(NetworkInterfaceType type) => type switch
    {
        NetworkInterfaceType.NatGateway => "AWS:NatGateway",
        NetworkInterfaceType.VpcEndpoint => "AWS:VpcEndpoint",
        NetworkInterfaceType.NetworkLoadBalancer => "amazon-elb", // docs/semantics.md#network-load-balancers
        _ => "AWS",
    };

    private static DateTimeOffset? AttachTime(NetworkInterfaceAttachment at, ShapeContext c) =>
        c.Network.Instances.TryGetValue(at.InstanceId, out var i) ? i.LaunchTime : null;

    /// <summary>The public IPv4 of one private address: an Elastic IP (owner = the account, with allocation and
    /// association ids) or the address auto-assigned at launch (owner "amazon").</summary>
    public static JsonObject? Association(NetworkInterface e, PrivateIpAddress p, ShapeContext c, bool instanceForm)
    {
        var eip = c.ElasticIpFor(e.Id, p.Address);
        IpAddress? publicIp = eip?.PublicIp ?? p.AutoAssignedPublicIp;
        if (publicIp is null)
            return null;
        var o = new JsonObject();
        if (!instanceForm)
        {
            o["AllocationId"] = eip?.AllocationId.Value;
            o["AssociationId"] = eip?.AssociationId;
        }
        o["IpOwnerId"] = eip is null ? "amazon" : eip.OwnerId.Value;
        o["PublicDnsName"] = c.PublicDnsName(publicIp, e.VpcId, e.Region);
        o["PublicIp"] = publicIp.Value.ToString();
        return o;
    }

    /// <summary>The InstanceNetworkInterface shape (member order and names differ from NetworkInterface).</summary>
    public static JsonObject InInstance(NetworkInterface e, ShapeContext c)
    {
        var primary = e.PrivateIpAddresses.FirstOrDefault(p => p.Primary);
        return new JsonObject
        {
            ["Association"] = primary is null ? null : Association(e, primary, c, instanceForm: true),
            ["Attachment"] = e.Attachment is { } at ? new JsonObject
            {
                ["AttachTime"] = AttachTime(at, c),
                ["AttachmentId"] = at.AttachmentId,
                ["DeleteOnTermination"] = at.DeleteOnTermination,
                ["DeviceIndex"] = at.DeviceIndex,
                ["Status"] = "attached",
                ["NetworkCardIndex"] = 0,
            } : null,
            ["Description"] = e.Description,
            ["Groups"] = c.GroupIdentifiers(e.Groups),
            ["Ipv6Addresses"] = Ipv6Addresses(e),
            ["MacAddress"] = e.MacAddress,
            ["NetworkInterfaceId"] = e.Id.Value,
            ["OwnerId"] = e.OwnerId.Value,
            ["PrivateDnsName"] = primary is null ? null : ShapeContext.PrivateDnsName(primary.Address, e.Region),
            ["PrivateIpAddress"] = primary?.Address.ToString(),
            ["PrivateIpAddresses"] = PrivateIpAddresses(e, c, instanceForm: true),
            ["SourceDestCheck"] = e.SourceDestCheck,
            ["Status"] = Status(e),
            ["SubnetId"] = e.SubnetId.Value,
            ["VpcId"] = e.VpcId.Value,
            ["InterfaceType"] = Ec2ControlPlane.InterfaceTypeName(e.InterfaceType),
        };
    }

    /// <summary>The PrivateIpAddresses list, in the interface form or the instance form (they differ only in the
    /// association's members).</summary>
    private static JsonArray PrivateIpAddresses(NetworkInterface e, ShapeContext c, bool instanceForm) =>
        Json.Array(e.PrivateIpAddresses, p => new JsonObject
        {
            ["Association"] = Association(e, p, c, instanceForm),
            ["Primary"] = p.Primary,
            ["PrivateDnsName"] = ShapeContext.PrivateDnsName(p.Address, e.Region),
            ["PrivateIpAddress"] = p.Address.ToString(),
        });

    private static JsonArray Ipv6Addresses(NetworkInterface e) =>
        Json.Array(e.Ipv6Addresses, ip => new JsonObject { ["Ipv6Address"] = ip.ToString(), ["IsPrimaryIpv6"] = false });
}
