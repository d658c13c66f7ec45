using System.Collections.Frozen;
using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>The DNS names of interface endpoints and of the AWS services behind them (spec
/// gateways-endpoints-peering.md §e; docs/semantics.md#interface-endpoints):
/// <list type="bullet">
/// <item>an endpoint's regional name resolves, from anywhere, to the private addresses of all its interfaces (in
/// subnet order); each zonal name to its zone's interface only;</item>
/// <item>a service's public name (sns.us-east-1.amazonaws.com) resolves inside a VPC to the interfaces of the VPC's
/// endpoint for that service when the endpoint has private DNS on and the VPC has enableDnsSupport and
/// enableDnsHostnames on (the endpoint's private hosted zone); everywhere else public DNS answers with the
/// service's public address (<see cref="AwsServicePublicNames"/>).</item>
/// </list>
/// Only available endpoints have records.</summary>
public sealed class VpcEndpointDnsSource : IDnsRecordSource
{
    /// <summary>One interface's records: <see cref="Addresses"/> for the regional and zonal names,
    /// <see cref="PrivateNameAddresses"/> for the private DNS name (they differ only for service-defined).</summary>
    private sealed record EndpointInterface(NetworkInterfaceId Id, string Zone, ImmutableArray<IpAddress> Addresses,
        ImmutableArray<IpAddress> PrivateNameAddresses);

    private sealed record EndpointRecord(VpcEndpoint Endpoint, ImmutableArray<EndpointInterface> Interfaces);

    /// <summary>A vpce name: the endpoint, and the zone for a zonal name (null for the regional one).</summary>
    private sealed record VpceName(EndpointRecord Record, string? Zone);

    private readonly FrozenDictionary<string, VpceName> _vpceNames;
    private readonly FrozenDictionary<string, AwsServicePublicName> _serviceNames;
    /// <summary>Interface endpoints by VPC and service name, lowest id first.</summary>
    private readonly FrozenDictionary<(VpcId, string), EndpointRecord[]> _byVpcAndService;
    /// <summary>Verified private DNS names of providers' endpoint services → the service name (docs/semantics.md#privatelink-data-plane).</summary>
    private readonly FrozenDictionary<string, string> _providerNames;

    public VpcEndpointDnsSource(Network network) : this(network, AwsServicePublicNames.Default) { }

    public VpcEndpointDnsSource(Network network, FrozenDictionary<string, AwsServicePublicName> serviceNames)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(serviceNames);
        _serviceNames = serviceNames;
        var vpceNames = new Dictionary<string, VpceName>(StringComparer.Ordinal);
        var byVpc = new Dictionary<(VpcId, string), List<EndpointRecord>>();
        foreach (var endpoint in network.VpcEndpoints.Values.Where(e => e.IsInterface && e.IsAvailable)
                     .OrderBy(e => e.Id.Value, StringComparer.Ordinal))
        {
            var interfaces = endpoint.NetworkInterfaceIds
                .Select(id => network.NetworkInterfaces.TryGetValue(id, out var eni) ? eni : null)
                .OfType<NetworkInterface>()
                .Select(eni => new EndpointInterface(eni.Id, eni.AvailabilityZone, AddressesOf(endpoint, eni, privateName: false),
                    AddressesOf(endpoint, eni, privateName: true)))
                .ToImmutableArray();
            var record = new EndpointRecord(endpoint, interfaces);
            vpceNames.TryAdd(VpcEndpointDnsNames.Regional(endpoint), new VpceName(record, null));
            foreach (var zone in VpcEndpointDnsNames.ZonalNameZones(endpoint, interfaces.Select(i => i.Zone)))
                vpceNames.TryAdd(VpcEndpointDnsNames.Zonal(endpoint, zone), new VpceName(record, zone));
            var key = (endpoint.VpcId, endpoint.ServiceName);
            if (!byVpc.TryGetValue(key, out var list))
                byVpc[key] = list = [];
            list.Add(record);
        }
        _vpceNames = vpceNames.ToFrozenDictionary(StringComparer.Ordinal);
        _byVpcAndService = byVpc.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        _providerNames = network.VpcEndpointServiceConfigurations.Values
            .Where(svc => svc.VerifiedPrivateDnsName is not null)
            .GroupBy(svc => svc.VerifiedPrivateDnsName!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(svc => svc.Id.Value, StringComparer.Ordinal).First().ServiceName, StringComparer.Ordinal);
    }

    /// <summary>The address records of one interface: A, AAAA or both, as the endpoint's DnsRecordIpType says
    /// (AWS: ipv4 → A, ipv6 → AAAA, dualstack → both, service-defined → A and AAAA for the regional and zonal names
    /// but A only for the private DNS name; docs/semantics.md#endpoint-ip-address-types).</summary>
    private static ImmutableArray<IpAddress> AddressesOf(VpcEndpoint endpoint, NetworkInterface eni, bool privateName)
    {
        var v4 = eni.PrivateIpAddresses.Where(p => p.Primary && p.Address.IsV4).Select(p => p.Address);
        var v6 = eni.Ipv6Addresses.Take(1);
        return endpoint.DnsRecordIpType switch
        {
            VpcEndpointDnsRecordIpType.Ipv6 => [.. v6],
            VpcEndpointDnsRecordIpType.Dualstack => [.. v4, .. v6],
            VpcEndpointDnsRecordIpType.ServiceDefined when !privateName => [.. v4, .. v6],
            _ => [.. v4],
        };
    }

    public DnsAnswer? Answer(DnsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_vpceNames.TryGetValue(query.Name, out var vpce))
            return AnswerVpceName(query, vpce);
        if (_serviceNames.TryGetValue(query.Name, out var service))
            return AnswerServiceName(query, service);
        if (_providerNames.TryGetValue(query.Name, out var provider))
            return AnswerProviderName(query, provider);
        return null;
    }

    /// <summary>A provider's verified private DNS name answers only inside a VPC whose endpoint to that service has
    /// private DNS on (and the VPC enableDnsHostnames); elsewhere the lab has no public record of it (null: the
    /// resolver's other sources, then NXDOMAIN).</summary>
    private DnsAnswer? AnswerProviderName(DnsQuery query, string serviceName)
    {
        if (query.From is not { } vpc || !vpc.EnableDnsHostnames || !_byVpcAndService.TryGetValue((vpc.Id, serviceName), out var endpoints))
            return null;
        var record = endpoints.FirstOrDefault(e => e.Endpoint.PrivateDnsEnabled);
        if (record is null)
            return null;
        var addresses = record.Interfaces.SelectMany(i => i.Addresses).ToImmutableArray();
        string where = string.Join(", ", record.Interfaces.Select(i => $"{i.Zone} {string.Join(" ", i.Addresses)}"));
        return new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.VpcEndpointPrivateDns, addresses,
            $"the private hosted zone of endpoint {record.Endpoint.Id} to {serviceName} (the provider's verified private DNS name, private DNS on) gives its interfaces ({where})")
        { ResourceId = record.Endpoint.Id.Value };
    }

    private static DnsAnswer AnswerVpceName(DnsQuery query, VpceName name)
    {
        var endpoint = name.Record.Endpoint;
        var interfaces = name.Zone is null
            ? name.Record.Interfaces
            : [.. name.Record.Interfaces.Where(i => i.Zone == name.Zone)];
        var addresses = interfaces.SelectMany(i => i.Addresses).ToImmutableArray();
        string where = string.Join(", ", interfaces.Select(i => $"{i.Zone} {string.Join(" ", i.Addresses)}"));
        if (addresses.IsEmpty)
        {
            return new DnsAnswer(query.Name, query.FromText, DnsStatus.NxDomain,
                name.Zone is null ? DnsRule.VpcEndpointRegionalName : DnsRule.VpcEndpointZonalName, [],
                $"{endpoint.Id} has no interface address of the record type it publishes")
            { ResourceId = endpoint.Id.Value };
        }
        return name.Zone is null
            ? new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.VpcEndpointRegionalName, addresses,
                $"the regional name of {endpoint.Id} ({endpoint.ServiceName}), public DNS: every interface of the endpoint ({where})")
            { ResourceId = endpoint.Id.Value }
            : new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.VpcEndpointZonalName, addresses,
                $"the zonal name of {endpoint.Id} ({endpoint.ServiceName}) in {name.Zone}, public DNS: that zone's interface only ({where})")
            { ResourceId = endpoint.Id.Value };
    }

    private DnsAnswer AnswerServiceName(DnsQuery query, AwsServicePublicName service)
    {
        string why;
        VpcEndpointId? endpointId = null;
        if (query.From is not { } vpc)
        {
            why = "it was asked from the internet";
        }
        else if (!_byVpcAndService.TryGetValue((vpc.Id, service.ServiceName), out var endpoints))
        {
            why = $"{vpc.Id} has no interface endpoint for {service.ServiceName}";
        }
        else
        {
            // AWS lets one endpoint per service and VPC own the private DNS name; the lowest id wins here.
            var record = endpoints.FirstOrDefault(e => e.Endpoint.PrivateDnsEnabled);
            if (record is null)
            {
                endpointId = endpoints[0].Endpoint.Id;
                why = $"private DNS is off on {endpoints[0].Endpoint.Id}, so no private hosted zone answers the name in {vpc.Id}";
            }
            else if (!service.PrivateDnsSupported)
            {
                endpointId = record.Endpoint.Id;
                why = $"{service.ServiceName} offers no private DNS name for interface endpoints";
            }
            else if (!vpc.EnableDnsHostnames)
            {
                endpointId = record.Endpoint.Id;
                why = $"{record.Endpoint.Id} has private DNS on, but {vpc.Id} has enableDnsHostnames off, so the private hosted zone is not used";
            }
            else
            {
                var addresses = record.Interfaces.SelectMany(i => i.PrivateNameAddresses).ToImmutableArray();
                string where = string.Join(", ", record.Interfaces.Select(i => $"{i.Zone} {string.Join(" ", i.PrivateNameAddresses)}"));
                return new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.VpcEndpointPrivateDns, addresses,
                    $"the private hosted zone of endpoint {record.Endpoint.Id} (private DNS on, and {vpc.Id} has DNS support and hostnames on) gives its interfaces ({where})")
                { ResourceId = record.Endpoint.Id.Value };
            }
        }
        return new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.ServicePublicName, service.PublicAddresses,
            $"the public address of {service.ServiceName}, because {why}")
        { ResourceId = endpointId?.Value };
    }
}
