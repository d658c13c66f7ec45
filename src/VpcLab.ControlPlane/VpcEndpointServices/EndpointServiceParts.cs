using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The pieces the endpoint service operations share with each other and with CreateVpcEndpoint: finding a
/// service, its load balancers, its zones, and the service as a consumer sees it (docs/semantics.md#endpoint-services).</summary>
internal static class EndpointServiceParts
{
    public const string ResourceType = "vpc-endpoint-service";

    /// <summary>A service of the caller in its Region; anything else is InvalidVpcEndpointServiceId.NotFound.</summary>
    public static VpcEndpointServiceConfiguration Find(Transaction tx, string? id)
    {
        if (string.IsNullOrEmpty(id))
            throw Ec2Errors.MissingParameter("ServiceId");
        if (tx.N.VpcEndpointServiceConfigurations.TryGetValue(new VpcEndpointServiceId(id), out var service) && tx.Owned(service.OwnerId, service.Region))
            return service;
        throw VpcEndpointServiceErrors.ServiceIdNotFound(id);
    }

    public static void Put(Transaction tx, VpcEndpointServiceConfiguration service) => tx.Put(service);

    /// <summary>Network Load Balancers of the caller in its Region that no other service uses.</summary>
    public static IEnumerable<LoadBalancerArn> LoadBalancers(Transaction tx, IReadOnlyList<string> arns, VpcEndpointServiceId? self)
    {
        foreach (var text in arns.Distinct(StringComparer.Ordinal))
        {
            var arn = new LoadBalancerArn(text);
            if (!tx.N.LoadBalancers.TryGetValue(arn, out var lb) || !tx.Owned(lb.OwnerId, lb.Region))
                throw VpcEndpointServiceErrors.LoadBalancerNotFound(text);
            var user = tx.Where(IndexedKinds.EndpointService, IndexedKinds.ServiceLoadBalancerLink, arn.Value).FirstOrDefault(s => s.Id != self);
            if (user is not null)
                throw VpcEndpointServiceErrors.LoadBalancerInUse(text, user.Id.Value);
            yield return arn;
        }
    }

    public static string CheckPrivateDnsName(string name) =>
        DomainNames.IsValid(name) ? DomainNames.Canonical(name) : throw VpcEndpointServiceErrors.InvalidPrivateDnsName(name);

    /// <summary>The TXT record name and value the provider would publish to prove it owns the domain (AWS's form:
    /// a random label and vpce:RANDOM), drawn from the id generator so a replay gives the same record.</summary>
    public static (string Name, string Value) NewVerificationRecord(Transaction tx) =>
        ("_" + VpcEndpointParts.NewDnsSuffix(tx) + VpcEndpointParts.NewDnsSuffix(tx), "vpce:" + VpcEndpointParts.NewDnsSuffix(tx) + VpcEndpointParts.NewDnsSuffix(tx));

    /// <summary>The service as a consumer's endpoint sees it, in the catalog's form: an Interface service in the
    /// zones of its load balancers, answering its private DNS name only once verified, taking the IP address types it
    /// supports.</summary>
    public static AwsRegionalService AsCatalogEntry(Network network, VpcEndpointServiceConfiguration service) =>
        new(service.ServiceName, service.Id.Value, service.Region, AwsServiceEndpointType.Interface, service.BaseEndpointDnsName,
            service.BaseEndpointDnsName, service.VerifiedPrivateDnsName, EndpointServiceZones.Of(network, service), [])
        {
            Ipv4Supported = service.SupportsIpv4,
            Ipv6Supported = service.SupportsIpv6,
        };

    /// <summary>The endpoints connected to the service (its connections), in any state, in id order, from the index.</summary>
    public static IEnumerable<VpcEndpoint> Connections(IndexedWorld world, VpcEndpointServiceConfiguration service)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(service);
        return world.Where(IndexedKinds.VpcEndpoint, "service-name", service.ServiceName).Where(e => e.IsInterface);
    }

    /// <summary>The service with its zones as the caller names them (docs/semantics.md#endpoint-services).</summary>
    public static EndpointServiceView View(Transaction tx, VpcEndpointServiceConfiguration service) =>
        new(service, InCallerNames(tx, EndpointServiceZones.Of(tx.N, service)));

    /// <summary>Zones renamed by zone id to the caller's own names: a provider's us-east-1a may be the consumer's
    /// us-east-1c (docs/semantics.md#zones), and the list is in the caller's name order.</summary>
    public static ImmutableArray<AvailabilityZone> InCallerNames(Transaction tx, IEnumerable<AvailabilityZone> zones) =>
        [.. zones.Select(z => tx.Region.Zones.FirstOrDefault(mine => mine.ZoneId == z.ZoneId) ?? z).OrderBy(z => z.Name, StringComparer.Ordinal)];
}
