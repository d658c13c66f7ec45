using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The VpcEndpointServices operations.</summary>
public sealed class VpcEndpointServiceOperations
{
    private readonly ControlPlaneState _state;

    internal VpcEndpointServiceOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>The caller's Region's AWS services, and the endpoint services the caller may connect to: of its own
    /// Region, and with ServiceRegion.N of those Regions when they support the caller's Region (cross-Region
    /// PrivateLink, docs/semantics.md#cross-region-privatelink). A named service that is not among them is
    /// InvalidServiceName (moto's message).</summary>
    public DescribeVpcEndpointServicesResult DescribeVpcEndpointServices(RequestContext ctx, DescribeVpcEndpointServicesRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var regions = request.ServiceRegions is { Count: > 0 } given ? given.ToHashSet(StringComparer.Ordinal) : [tx.RegionName];
            bool ownRegion = regions.Contains(tx.RegionName);
            var all = ownRegion ? _state.ServiceCatalog.InRegion(tx.RegionName).ToList() : [];
            var providers = VisibleProviderServices(tx, regions);
            IEnumerable<AwsRegionalService> selected = all;
            if (request.ServiceNames is { Count: > 0 } names)
            {
                foreach (var name in names)
                    if (!all.Any(s => s.ServiceName == name) && !providers.Any(s => s.ServiceName == name))
                        throw VpcEndpointErrors.ServiceNameNotFound(name);
                var wanted = names.ToHashSet(StringComparer.Ordinal);
                selected = all.Where(s => wanted.Contains(s.ServiceName));
                providers = [.. providers.Where(s => wanted.Contains(s.ServiceName))];
            }
            var providerDetails = ProviderServiceSchema().Apply(providers, request.Filters, tx.N)
                .Select(s => EndpointServiceParts.View(tx, s)).ToList();
            var schema = new FilterSchema<AwsRegionalService>(_ => null)
                .Add("service-name", s => s.ServiceName)
                .Add("service-type", s => s.EndpointType.ToString())
                .Add("service-region", s => s.Region)
                .Add("owner", s => s.Owner)
                .AddMany("supported-ip-address-types", s => s.SupportedIpAddressTypes);
            var details = schema.Apply(selected, request.Filters, tx.N)
                .Select(s => s with { Zones = EndpointServiceParts.InCallerNames(tx, s.Zones) }).ToList();
            return new DescribeVpcEndpointServicesResult(
                [.. details.Select(s => s.ServiceName).Concat(providerDetails.Select(p => p.Service.ServiceName)).Distinct().Order(StringComparer.Ordinal)], details)
            {
                ProviderServices = providerDetails,
            };
        });

    /// <summary>The endpoint services of <paramref name="regions"/> the caller owns or is allowed to connect to and
    /// whose supported Regions include the caller's, by name: from the index's consumers of each Region (the caller's
    /// account, and "*"), so the cost is what the caller may see, not every account's services.</summary>
    private static List<VpcEndpointServiceConfiguration> VisibleProviderServices(Transaction tx, HashSet<string> regions) =>
        [.. regions.SelectMany(r => new[] { tx.Account.Value, "*" }.SelectMany(a =>
                tx.Where(IndexedKinds.EndpointService, IndexedKinds.ServiceConsumerLink, IndexedKinds.ServiceConsumer(r, a))))
            .DistinctBy(s => s.Id)
            .Where(s => regions.Contains(s.Region) && s.Supports(tx.RegionName) && s.Allows(tx.Account))
            .OrderBy(s => s.ServiceName, StringComparer.Ordinal)];

    private static FilterSchema<VpcEndpointServiceConfiguration> ProviderServiceSchema() =>
        new FilterSchema<VpcEndpointServiceConfiguration>(s => s.Id.Value)
            .Add("service-name", s => s.ServiceName)
            .Add("service-type", _ => "Interface")
            .Add("service-region", s => s.Region)
            .Add("owner", s => s.OwnerId.Value)
            .AddMany("supported-ip-address-types", s => s.SupportedIpAddressTypes);
}
