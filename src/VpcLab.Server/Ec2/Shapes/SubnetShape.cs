using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>Subnet → the Subnet output shape.</summary>
internal static class SubnetShape
{
    public static JsonObject Map(Subnet s, ShapeContext c) => new()
    {
        ["AvailabilityZoneId"] = s.AvailabilityZone.ZoneId,
        ["MapCustomerOwnedIpOnLaunch"] = false,
        ["OwnerId"] = s.OwnerId.Value,
        ["AssignIpv6AddressOnCreation"] = s.AssignIpv6AddressOnCreation,
        ["Ipv6CidrBlockAssociationSet"] = Json.Array(s.Ipv6CidrBlock is { } b ? [b] : Array.Empty<VpcCidrBlock>(), Ipv6Association),
        ["Tags"] = c.Tags(s.Id.Value),
        ["SubnetArn"] = ShapeContext.Arn(s.Region, s.OwnerId.Value, "subnet", s.Id.Value),
        ["EnableDns64"] = s.EnableDns64,
        ["Ipv6Native"] = s.Ipv6Native,
        ["PrivateDnsNameOptionsOnLaunch"] = PrivateDnsNameOptionsShape.Map(s.PrivateDnsNameOptionsOnLaunch),
        ["BlockPublicAccessStates"] = new JsonObject { ["InternetGatewayBlockMode"] = "off" },
        ["SubnetId"] = s.Id.Value,
        ["State"] = "available",
        ["VpcId"] = s.VpcId.Value,
        ["CidrBlock"] = s.CidrBlock?.ToString(),
        ["AvailableIpAddressCount"] = AvailableIpAddressCount(s, c),
        ["AvailabilityZone"] = s.AvailabilityZone.Name,
        ["DefaultForAz"] = s.DefaultForAz,
        ["MapPublicIpOnLaunch"] = s.MapPublicIpOnLaunch,
    };

    /// <summary>The ControlPlane's rule (<see cref="SubnetAddressCount"/>), with the interface count the context caches.</summary>
    public static int AvailableIpAddressCount(Subnet s, ShapeContext c) => (int)SubnetAddressCount.Available(s, c.UsedIpv4(s.Id));

    public static JsonObject Ipv6Association(VpcCidrBlock block) => new()
    {
        ["AssociationId"] = block.AssociationId,
        ["Ipv6CidrBlock"] = block.Cidr.ToString(),
        ["Ipv6CidrBlockState"] = Json.State(Ec2ControlPlane.StateName(block.State)),
        ["Ipv6AddressAttribute"] = "public",
        ["IpSource"] = "amazon",
    };

    public static JsonObject CidrAssociationResult(string subnetId, VpcCidrBlock block) => new()
    {
        ["Ipv6CidrBlockAssociation"] = Ipv6Association(block),
        ["SubnetId"] = subnetId,
    };
}

/// <summary>Regions and Availability Zones.</summary>
internal static class RegionShape
{
    public static JsonObject Map(RegionListing r) => new()
    {
        ["OptInStatus"] = r.OptInStatus,
        ["RegionName"] = r.Region.Name,
        ["Endpoint"] = r.Region.Endpoint,
    };

    public static JsonObject Zone(AvailabilityZone z) => new()
    {
        ["OptInStatus"] = RegionOperations.AvailabilityZoneOptInStatus,
        ["Messages"] = new JsonArray(),
        ["RegionName"] = z.Region,
        ["ZoneName"] = z.Name,
        ["ZoneId"] = z.ZoneId,
        ["GroupName"] = z.Region,
        ["NetworkBorderGroup"] = z.Region,
        ["ZoneType"] = "availability-zone",
        ["State"] = "available",
    };
}
