using VpcLab.Engine.Dns;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>Which of several addresses of a DNS answer a traced client connects to. AWS's resolver returns every
/// interface of an interface endpoint and the client picks one; VpcLab's traces pick the endpoint's interface in the
/// client's Availability Zone when there is one, else the first address (docs/semantics.md#interface-endpoints). The trace's endpoint hop
/// then says "same AZ" or "cross-AZ".</summary>
internal static class EndpointAddressChoice
{
    public static IpAddress Pick(Network network, DnsAnswer answer, TraceEndpoint? source)
    {
        // DNS64 (docs/semantics.md#dns64): a client with an IPv6 address connects to the synthesised AAAA, as RFC 6724's
        // default policy prefers IPv6; one without stays on the A record.
        if (answer.Dns64Subnet is not null && HasIpv6(network, source))
            return answer.Addresses.First(a => a.IsV6);
        // An instance's resource name with A and AAAA records (docs/semantics.md#ipv6-only-subnets), or a service's
        // dual-stack name (s3.dualstack.REGION.amazonaws.com, docs/semantics.md#gateway-endpoint-ipv6): the same preference.
        if (answer.Rule is DnsRule.ResourceName or DnsRule.ServicePublicName && answer.Addresses.Length > 1)
            return Preferred(answer.Addresses, HasIpv6(network, source))!.Value;
        if (answer.Addresses.Length < 2 || answer.ResourceId is not { } resource
            || !network.VpcEndpoints.TryGetValue(new VpcEndpointId(resource), out var endpoint)
            || ZoneOf(network, source) is not { } zone)
            return answer.Addresses[0];
        // A dual-stack answer (A and AAAA): a client with an IPv6 address prefers the AAAA (RFC 6724's default policy).
        bool preferV6 = HasIpv6(network, source);
        foreach (var id in endpoint.NetworkInterfaceIds)
        {
            if (network.NetworkInterfaces.TryGetValue(id, out var eni) && eni.AvailabilityZone == zone
                && Preferred(answer.Addresses.Where(a => eni.AllPrivateAddresses.Contains(a)), preferV6) is { } chosen)
                return chosen;
        }
        return Preferred(answer.Addresses, preferV6)!.Value;
    }

    private static IpAddress? Preferred(IEnumerable<IpAddress> addresses, bool preferV6)
    {
        IpAddress? chosen = null;
        foreach (var address in addresses)
        {
            if (chosen is null || (preferV6 && address.IsV6 && !chosen.Value.IsV6))
                chosen = address;
        }
        return chosen;
    }

    private static bool HasIpv6(Network network, TraceEndpoint? source) => source switch
    {
        InstanceEndpoint i when network.Instances.TryGetValue(i.Id, out var instance)
            && network.NetworkInterfaces.TryGetValue(instance.PrimaryNetworkInterface, out var primary) => !primary.Ipv6Addresses.IsDefaultOrEmpty,
        InterfaceEndpoint n when network.NetworkInterfaces.TryGetValue(n.Id, out var eni) => !eni.Ipv6Addresses.IsDefaultOrEmpty,
        AddressEndpoint a => a.Ip.IsV6,
        _ => false,
    };

    /// <summary>The Availability Zone of a source endpoint's interface, or null (the internet, unknown).</summary>
    private static string? ZoneOf(Network network, TraceEndpoint? source) => source switch
    {
        InstanceEndpoint i when network.Instances.TryGetValue(i.Id, out var instance)
            && network.NetworkInterfaces.TryGetValue(instance.PrimaryNetworkInterface, out var primary) => primary.AvailabilityZone,
        InterfaceEndpoint n when network.NetworkInterfaces.TryGetValue(n.Id, out var eni) => eni.AvailabilityZone,
        AddressEndpoint a => network.NetworkInterfaces.Values.Where(e => e.AllPrivateAddresses.Contains(a.Ip))
            .Select(e => e.AvailabilityZone).Distinct(StringComparer.Ordinal).SingleOrDefault(),
        _ => null,
    };
}
