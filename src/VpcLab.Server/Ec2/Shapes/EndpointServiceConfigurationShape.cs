using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>Endpoint services (the provider side of PrivateLink) → the ServiceConfiguration, ServiceDetail,
/// AllowedPrincipal and VpcEndpointConnection output shapes (botocore member names).</summary>
internal static class EndpointServiceConfigurationShape
{
    public static JsonObject Created(CreateVpcEndpointServiceConfigurationResult x, ShapeContext c, JsonObject parameters) => new()
    {
        ["ServiceConfiguration"] = Configuration(x.ServiceConfiguration, c),
        ["ClientToken"] = x.ClientToken ?? (parameters["ClientToken"] is JsonValue t && t.TryGetValue<string>(out var token) ? token : null),
    };

    public static JsonObject Configuration(EndpointServiceView v, ShapeContext c)
    {
        var s = v.Service;
        return new JsonObject
        {
            ["ServiceType"] = new JsonArray(new JsonObject { ["ServiceType"] = "Interface" }),
            ["ServiceId"] = s.Id.Value,
            ["ServiceName"] = s.ServiceName,
            ["ServiceState"] = "Available",
            ["AvailabilityZoneIds"] = Json.Array(v.Zones, z => z.ZoneId),
            ["AvailabilityZones"] = Json.Array(v.Zones, z => z.Name),
            ["AcceptanceRequired"] = s.AcceptanceRequired,
            ["ManagesVpcEndpoints"] = false,
            ["NetworkLoadBalancerArns"] = Json.Array(s.NetworkLoadBalancerArns, a => a.Value),
            ["SupportedIpAddressTypes"] = Json.Array(s.SupportedIpAddressTypes, t => t),
            ["BaseEndpointDnsNames"] = new JsonArray(s.BaseEndpointDnsName),
            ["PrivateDnsName"] = s.PrivateDnsName,
            ["PrivateDnsNameConfiguration"] = s.PrivateDnsName is null ? null : new JsonObject
            {
                ["State"] = StateName(s.PrivateDnsState),
                ["Type"] = "TXT",
                ["Value"] = s.PrivateDnsTxtValue,
                ["Name"] = s.PrivateDnsTxtName,
            },
            ["PayerResponsibility"] = "ServiceOwner",
            ["Tags"] = c.Tags(s.Id.Value),
            // Choice (docs/semantics.md#cross-region-privatelink): a supported Region is Available at once.
            ["SupportedRegions"] = Json.Array(s.SupportedRegions, r => new JsonObject { ["Region"] = r, ["ServiceState"] = "Available" }),
            ["RemoteAccessEnabled"] = s.RemoteAccessEnabled,
        };
    }

    /// <summary>DescribeVpcEndpointServices' view of a provider's service, as an allowed consumer sees it.</summary>
    public static JsonObject Detail(EndpointServiceView v, ShapeContext c)
    {
        var s = v.Service;
        return new JsonObject
        {
            ["ServiceName"] = s.ServiceName,
            ["ServiceId"] = s.Id.Value,
            ["ServiceType"] = new JsonArray(new JsonObject { ["ServiceType"] = "Interface" }),
            ["ServiceRegion"] = s.Region,
            ["AvailabilityZoneIds"] = Json.Array(v.Zones, z => z.ZoneId),
            ["AvailabilityZones"] = Json.Array(v.Zones, z => z.Name),
            ["Owner"] = s.OwnerId.Value,
            ["BaseEndpointDnsNames"] = new JsonArray(s.BaseEndpointDnsName),
            ["PrivateDnsName"] = s.PrivateDnsName,
            ["PrivateDnsNames"] = s.PrivateDnsName is { } dns ? new JsonArray(new JsonObject { ["PrivateDnsName"] = dns }) : null,
            ["VpcEndpointPolicySupported"] = false,
            ["AcceptanceRequired"] = s.AcceptanceRequired,
            ["ManagesVpcEndpoints"] = false,
            ["PayerResponsibility"] = "ServiceOwner",
            ["Tags"] = c.Tags(s.Id.Value) ?? new JsonArray(),
            ["PrivateDnsNameVerificationState"] = s.PrivateDnsName is null ? null : StateName(s.PrivateDnsState),
            ["SupportedIpAddressTypes"] = Json.Array(s.SupportedIpAddressTypes, t => t),
        };
    }

    public static JsonObject Principal(string principal, VpcEndpointServiceId service) => new()
    {
        ["PrincipalType"] = EndpointConnectionOperations.PrincipalType(principal),
        ["Principal"] = principal,
        ["ServiceId"] = service.Value,
    };

    public static JsonObject Connection(VpcEndpointConnectionView v, ShapeContext c) => new()
    {
        ["ServiceId"] = v.Service.Id.Value,
        ["VpcEndpointId"] = v.Endpoint.Id.Value,
        ["VpcEndpointOwner"] = v.Endpoint.OwnerId.Value,
        ["VpcEndpointState"] = VpcEndpointShape.StateName(v.Endpoint.State),
        ["CreationTimestamp"] = v.Endpoint.CreationTimestamp,
        ["DnsEntries"] = Json.Array(v.DnsEntries, d => new JsonObject { ["DnsName"] = d.DnsName, ["HostedZoneId"] = d.HostedZoneId }),
        ["NetworkLoadBalancerArns"] = Json.Array(v.Service.NetworkLoadBalancerArns, a => a.Value),
        ["IpAddressType"] = VpcEndpointShape.IpAddressTypeName(v.Endpoint.IpAddressType),
        ["VpcEndpointRegion"] = v.Endpoint.Region,
    };

    public static JsonObject Unsuccessful(IReadOnlyList<UnsuccessfulItem> items) =>
        new() { ["Unsuccessful"] = FlowLogShape.Unsuccessful(items) };

    /// <summary>pendingVerification, verified, failed.</summary>
    private static string StateName(PrivateDnsVerificationState state)
    {
        var name = state.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
