using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>DescribeVpcEndpointServicesResult → ServiceNames and ServiceDetails (the ServiceDetail shape).</summary>
internal static class VpcEndpointServiceShape
{
    public static JsonObject Result(DescribeVpcEndpointServicesResult r, ShapeContext c)
    {
        var details = Json.Array(r.ServiceDetails, Detail);
        foreach (var provider in r.ProviderServices)
            details.Add(EndpointServiceConfigurationShape.Detail(provider, c));
        return new JsonObject
        {
            ["ServiceNames"] = Json.Array(r.ServiceNames, n => n),
            ["ServiceDetails"] = details,
        };
    }

    /// <summary>AWS services: auto-accepted, policy supported, IPv4 only, no service id or tags in the lab.</summary>
    public static JsonObject Detail(AwsRegionalService s) => new()
    {
        ["ServiceName"] = s.ServiceName,
        ["ServiceType"] = new JsonArray(new JsonObject { ["ServiceType"] = s.EndpointType.ToString() }),
        ["ServiceRegion"] = s.Region,
        ["AvailabilityZoneIds"] = Json.Array(s.Zones, z => z.ZoneId),
        ["AvailabilityZones"] = Json.Array(s.Zones, z => z.Name),
        ["Owner"] = s.Owner,
        ["BaseEndpointDnsNames"] = new JsonArray(s.BaseEndpointDnsName),
        ["PrivateDnsName"] = s.PrivateDnsName,
        ["PrivateDnsNames"] = s.PrivateDnsName is { } dns ? new JsonArray(new JsonObject { ["PrivateDnsName"] = dns }) : null,
        ["VpcEndpointPolicySupported"] = true,
        ["AcceptanceRequired"] = false,
        ["ManagesVpcEndpoints"] = false,
        ["Tags"] = new JsonArray(),
        ["SupportedIpAddressTypes"] = Json.Array(s.SupportedIpAddressTypes, t => t),
    };
}
