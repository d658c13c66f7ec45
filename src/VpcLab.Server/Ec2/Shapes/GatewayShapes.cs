using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>InternetGateway → the InternetGateway shape. AWS reports an internet gateway's attachment state
/// as "available" (not "attached").</summary>
internal static class InternetGatewayShape
{
    public static JsonObject Map(InternetGateway g, ShapeContext c) => new()
    {
        ["Attachments"] = g.AttachedVpcId is { } vpc
            ? new JsonArray(new JsonObject { ["State"] = "available", ["VpcId"] = vpc.Value })
            : new JsonArray(),
        ["InternetGatewayId"] = g.Id.Value,
        ["OwnerId"] = g.OwnerId.Value,
        ["Tags"] = c.Tags(g.Id.Value) ?? new JsonArray(),
    };
}

/// <summary>EgressOnlyInternetGateway → its shape; created attached, so its one attachment is "attached".</summary>
internal static class EgressOnlyInternetGatewayShape
{
    public static JsonObject Map(EgressOnlyInternetGateway g, ShapeContext c) => new()
    {
        ["Attachments"] = new JsonArray(new JsonObject { ["State"] = "attached", ["VpcId"] = g.VpcId.Value }),
        ["EgressOnlyInternetGatewayId"] = g.Id.Value,
        ["Tags"] = c.Tags(g.Id.Value) ?? new JsonArray(),
    };
}

/// <summary>NatGateway → its shape, with the one primary address (private IP, interface, and for a public NAT
/// gateway its Elastic IP).</summary>
internal static class NatGatewayShape
{
    public static JsonObject Map(NatGateway g, ShapeContext c)
    {
        var address = new JsonObject
        {
            ["AllocationId"] = g.AllocationId?.Value,
            ["NetworkInterfaceId"] = g.NetworkInterfaceId.Value,
            ["PrivateIp"] = g.PrivateIp.ToString(),
            ["PublicIp"] = g.PublicIp?.ToString(),
            ["AssociationId"] = g.AllocationId is { } a && c.Network.ElasticIps.TryGetValue(a, out var eip) ? eip.AssociationId : null,
            ["IsPrimary"] = true,
            ["Status"] = g.State is NatGatewayState.Deleted or NatGatewayState.Deleting ? "disassociating" : "succeeded",
        };
        return new JsonObject
        {
            ["CreateTime"] = g.CreateTime,
            ["NatGatewayAddresses"] = new JsonArray(address),
            ["NatGatewayId"] = g.Id.Value,
            ["State"] = Ec2ControlPlane.NatStateName(g.State),
            ["SubnetId"] = g.SubnetId.Value,
            ["VpcId"] = g.VpcId.Value,
            ["Tags"] = c.Tags(g.Id.Value),
            ["ConnectivityType"] = g.ConnectivityType == NatConnectivityType.Private ? "private" : "public",
            ["AvailabilityMode"] = "zonal",
        };
    }
}

/// <summary>ElasticIpAddress → the Address shape.</summary>
internal static class AddressShape
{
    public static JsonObject Map(ElasticIpAddress e, ShapeContext c)
    {
        string? instanceId = null;
        if (e.NetworkInterfaceId is { } eniId && c.Network.NetworkInterfaces.TryGetValue(eniId, out var eni))
            instanceId = eni.Attachment?.InstanceId.Value;
        return new JsonObject
        {
            ["AllocationId"] = e.AllocationId.Value,
            ["AssociationId"] = e.AssociationId,
            ["Domain"] = "vpc",
            ["NetworkInterfaceId"] = e.NetworkInterfaceId?.Value,
            ["NetworkInterfaceOwnerId"] = e.NetworkInterfaceId is null ? null : e.OwnerId.Value,
            ["PrivateIpAddress"] = e.PrivateIp?.ToString(),
            ["Tags"] = c.Tags(e.AllocationId.Value),
            ["PublicIpv4Pool"] = "amazon",
            ["NetworkBorderGroup"] = e.Region,
            ["InstanceId"] = instanceId,
            ["PublicIp"] = e.PublicIp.ToString(),
        };
    }

    public static JsonObject Allocated(AllocateAddressResult r) => new()
    {
        ["AllocationId"] = r.AllocationId,
        ["PublicIpv4Pool"] = r.PublicIpv4Pool,
        ["NetworkBorderGroup"] = r.NetworkBorderGroup,
        ["Domain"] = r.Domain,
        ["PublicIp"] = r.PublicIp,
    };
}
