using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>What an endpoint service supports, and what a consumer's endpoint may ask of it: the Regions whose
/// consumers may connect (cross-Region PrivateLink, docs/semantics.md#cross-region-privatelink) and the IP address
/// types of the endpoints (docs/semantics.md#endpoint-service-ipv6). Sources:
/// https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html (Cross-Region access, IP
/// address types).</summary>
internal static class EndpointServiceSupport
{
    /// <summary>The remote Regions after a create (<paramref name="add"/> only) or a modify. AWS: the host Region is
    /// always supported and "You can't remove the host Region from the set of supported Regions"; a provider must opt
    /// in to an opt-in Region first (a lab account has every opt-in Region enabled: docs/semantics.md#regions). Choice:
    /// a name that is no Region is InvalidParameterValue, removing a Region the service does not support is
    /// InvalidParameter (AWS's codes are not published).</summary>
    public static ImmutableArray<string> RemoteRegions(Transaction tx, string host, ImmutableArray<string> current,
        IReadOnlyList<string>? add, IReadOnlyList<string>? remove)
    {
        var regions = current.ToHashSet(StringComparer.Ordinal);
        foreach (var region in (remove ?? []).Distinct(StringComparer.Ordinal))
        {
            if (region == host)
                throw VpcEndpointServiceErrors.HostRegionNotRemovable(region);
            if (!regions.Remove(region))
                throw VpcEndpointServiceErrors.RegionNotSupported(region);
        }
        foreach (var region in (add ?? []).Distinct(StringComparer.Ordinal))
        {
            KnownRegion(tx, region, "supportedRegion");
            // AWS: "A service provider must opt in to an opt-in Region before adding it" (docs/semantics.md#regions).
            if (!RegionOptIn.IsEnabled(tx.N, tx.Account, region, tx.N.Regions[region].OptInRequired))
                throw VpcEndpointServiceErrors.RegionNotOptedIn(region);
            if (region != host)
                regions.Add(region);
        }
        return [.. regions.Order(StringComparer.Ordinal)];
    }

    /// <summary>CreateVpcEndpoint's ServiceRegion: the caller's Region by default ("The default is the current
    /// Region", API reference). Another Region makes a cross-Region endpoint, which AWS offers for interface endpoints
    /// only (gateway endpoints are "available only in the Region where you created it", vpc-endpoints-s3.html).</summary>
    public static string ServiceRegion(Transaction tx, string? requested, VpcEndpointType type)
    {
        if (string.IsNullOrEmpty(requested) || requested == tx.RegionName)
            return tx.RegionName;
        KnownRegion(tx, requested, "serviceRegion");
        if (type != VpcEndpointType.Interface)
            throw VpcEndpointServiceErrors.CrossRegionNeedsInterface(requested, type.ToString());
        return requested;
    }

    /// <summary>A cross-Region endpoint's subnet: AWS does not require the provider's zones, but refuses cross-Region
    /// access in a few zones (<see cref="CrossRegionPrivateLink.SupportsZone"/>).</summary>
    public static void CheckCrossRegionSubnet(Subnet subnet)
    {
        if (!CrossRegionPrivateLink.SupportsZone(subnet.AvailabilityZone.ZoneId))
            throw VpcEndpointServiceErrors.CrossRegionZoneNotSupported(subnet.Id.Value, subnet.AvailabilityZone.ZoneId);
    }

    /// <summary>The supported IP address types after a create (<paramref name="add"/> only, ipv4 by default) or a
    /// modify. AWS: values ipv4 and ipv6; to support IPv6 "All Network Load Balancers for the endpoint service must use
    /// the dualstack IP address type". Choice: AWS publishes no code for these refusals; the lab answers
    /// InvalidParameter, and refuses an empty set (a service must take some endpoints).</summary>
    public static ImmutableArray<string> IpAddressTypes(Transaction tx, ImmutableArray<string> current,
        IReadOnlyList<string>? add, IReadOnlyList<string>? remove, IEnumerable<LoadBalancerArn> balancers)
    {
        var types = current.ToHashSet(StringComparer.Ordinal);
        foreach (var type in (remove ?? []).Concat(add ?? []))
        {
            if (type is not (VpcEndpointServiceConfiguration.Ipv4 or VpcEndpointServiceConfiguration.Ipv6))
                throw Ec2Errors.InvalidParameterValue($"Value ({type}) for parameter supportedIpAddressType is invalid. Valid values: ipv4, ipv6");
        }
        foreach (var type in remove ?? [])
            types.Remove(type);
        foreach (var type in add ?? [])
            types.Add(type);
        if (types.Count == 0)
            throw VpcEndpointServiceErrors.NoIpAddressTypeLeft();
        if (types.Contains(VpcEndpointServiceConfiguration.Ipv6))
            CheckDualstack(tx, balancers);
        return [.. types.Order(StringComparer.Ordinal)];
    }

    /// <summary>An IPv6 service's load balancers must all be dualstack.</summary>
    public static void CheckDualstack(Transaction tx, IEnumerable<LoadBalancerArn> balancers)
    {
        foreach (var arn in balancers)
        {
            if (tx.N.LoadBalancers.TryGetValue(arn, out var lb) && lb.IpAddressType != LoadBalancerIpAddressType.Dualstack)
                throw VpcEndpointServiceErrors.Ipv6NeedsDualstack(arn.Value);
        }
    }

    private static void KnownRegion(Transaction tx, string region, string parameter)
    {
        if (!tx.N.Regions.ContainsKey(region))
            throw Ec2Errors.InvalidParameterValue($"Value ({region}) for parameter {parameter} is invalid. {region} is not a valid Region.");
    }
}
