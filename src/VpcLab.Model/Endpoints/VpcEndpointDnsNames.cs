using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>The DNS names AWS gives an interface endpoint (spec: gateways-endpoints-peering.md §e):
/// regional <c>vpce-ID-SUFFIX.SERVICE.REGION.vpce.amazonaws.com</c>, one zonal name per zone with
/// <c>-ZONE</c> appended to the first label, and last the service's own name when private DNS is on.
/// Gateway endpoints have none; a cross-Region endpoint has no zonal names (docs/semantics.md#cross-region-privatelink).</summary>
public static class VpcEndpointDnsNames
{
    /// <summary>Route 53's hosted zone for vpce.amazonaws.com names (simulated, one per Region), and the one for a
    /// VPC's private hosted zones.</summary>
    public static string VpceHostedZoneId(string region) => "Z7HUB22UULQXV";

    public const string PrivateHostedZoneId = "ZPRIVATEDNSVPCE";

    /// <summary>"sns.us-east-1" from "com.amazonaws.us-east-1.sns": the labels between the endpoint's first label and
    /// vpce.amazonaws.com.</summary>
    public static string ServiceLabels(string serviceName)
    {
        // A provider's service (com.amazonaws.vpce.REGION.vpce-svc-ID): vpce-svc-ID.REGION (docs/semantics.md#endpoint-services).
        const string providerPrefix = "com.amazonaws.vpce.";
        if (serviceName.StartsWith(providerPrefix, StringComparison.Ordinal) && serviceName.LastIndexOf('.') is var last && last > providerPrefix.Length)
            return $"{serviceName[(last + 1)..]}.{serviceName[providerPrefix.Length..last]}";
        const string prefix = "com.amazonaws.";
        if (!serviceName.StartsWith(prefix, StringComparison.Ordinal))
            return serviceName;
        var rest = serviceName[prefix.Length..];
        int dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : $"{rest[(dot + 1)..]}.{rest[..dot]}";
    }

    public static string Regional(VpcEndpoint endpoint) =>
        $"{endpoint.Id.Value}-{endpoint.DnsSuffix}.{ServiceLabels(endpoint.ServiceName)}.vpce.amazonaws.com";

    public static string Zonal(VpcEndpoint endpoint, string availabilityZone) =>
        $"{endpoint.Id.Value}-{endpoint.DnsSuffix}-{availabilityZone}.{ServiceLabels(endpoint.ServiceName)}.vpce.amazonaws.com";

    /// <summary>The zones that get a zonal name, sorted: the endpoint's, none for a cross-Region endpoint (AWS: "You must
    /// use regional DNS. Zonal DNS is not supported when accessing AWS services in another Region",
    /// https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html; the lab
    /// applies it to providers' services too, docs/semantics.md#cross-region-privatelink).</summary>
    public static IEnumerable<string> ZonalNameZones(VpcEndpoint endpoint, IEnumerable<string> zones)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsCrossRegion ? [] : zones.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
    }

    /// <summary>Every entry, in AWS's order. <paramref name="zones"/> are the zones of the endpoint's subnets;
    /// <paramref name="privateDnsName"/> is the service's private DNS name (null when it has none).</summary>
    public static ImmutableArray<VpcEndpointDnsEntry> Entries(VpcEndpoint endpoint, IEnumerable<string> zones, string? privateDnsName)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsInterface)
            return [];
        var zone = VpceHostedZoneId(endpoint.Region);
        var entries = ImmutableArray.CreateBuilder<VpcEndpointDnsEntry>();
        entries.Add(new(Regional(endpoint), zone, null, false));
        foreach (var az in ZonalNameZones(endpoint, zones))
            entries.Add(new(Zonal(endpoint, az), zone, az, false));
        if (endpoint.PrivateDnsEnabled && privateDnsName is not null)
            entries.Add(new(privateDnsName, PrivateHostedZoneId, null, true));
        return entries.ToImmutable();
    }
}
