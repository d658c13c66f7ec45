using System.Globalization;
using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane;

/// <summary>DescribeInstanceTypes and DescribeInstanceTypeOfferings over <see cref="InstanceTypeCatalog"/>
/// (docs/semantics.md#instance-types, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceTypes.html).
/// Choice: every type of the catalogue is offered in every Region and zone the lab knows.</summary>
public sealed class InstanceTypeOperations
{
    private readonly ControlPlaneState _state;

    internal InstanceTypeOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public DescribeInstanceTypesResult DescribeInstanceTypes(RequestContext ctx, DescribeInstanceTypesRequest request) =>
        _state.Read(ctx, request.DryRun, _ =>
        {
            IEnumerable<InstanceTypeInfo> types = InstanceTypeCatalog.All;
            if (request.InstanceTypes is { Count: > 0 } names)
            {
                var unknown = names.Where(n => InstanceTypeCatalog.Find(n) is null).ToList();
                if (unknown.Count > 0)
                    throw InstanceTypeErrors.NotFound(unknown);
                types = types.Where(t => names.Contains(t.Name));
            }
            return new DescribeInstanceTypesResult([.. TypeSchema().Apply(types, request.Filters)]);
        });

    public DescribeInstanceTypeOfferingsResult DescribeInstanceTypeOfferings(RequestContext ctx, DescribeInstanceTypeOfferingsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var locationType = request.LocationType ?? "region";
            IReadOnlyList<string> locations = locationType switch
            {
                "region" => [tx.RegionName],
                "availability-zone" => [.. tx.Region.Zones.Select(z => z.Name)],
                "availability-zone-id" => [.. tx.Region.Zones.Select(z => z.ZoneId)],
                _ => throw InstanceTypeErrors.InvalidLocationType(locationType),
            };
            var offerings = locations.SelectMany(l => InstanceTypeCatalog.All.Select(t => new InstanceTypeOffering(t.Name, locationType, l)));
            var schema = FilterSchema<InstanceTypeOffering>.WithTags(_ => Model.Tags.Empty)
                .Add("location", o => o.Location)
                .Add("instance-type", o => o.InstanceType);
            return new DescribeInstanceTypeOfferingsResult([.. schema.Apply(offerings, request.Filters)]);
        });

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string B(bool value) => value ? "true" : "false";

    /// <summary>The filters AWS documents for DescribeInstanceTypes that the catalogue has values for.</summary>
    private static FilterSchema<InstanceTypeInfo> TypeSchema() => FilterSchema<InstanceTypeInfo>.WithTags(_ => Model.Tags.Empty)
        .Add("instance-type", t => t.Name)
        .Add("current-generation", _ => B(true))
        .Add("free-tier-eligible", t => B(t.FreeTierEligible))
        .Add("burstable-performance-supported", t => B(t.Burstable))
        .Add("bare-metal", _ => B(false))
        .Add("hypervisor", t => t.Hypervisor)
        .Add("instance-storage-supported", _ => B(false))
        .Add("processor-info.supported-architecture", t => t.Architecture)
        .Add("vcpu-info.default-vcpus", t => S(t.VCpus))
        .Add("memory-info.size-in-mib", t => S(t.MemoryMiB))
        .Add("network-info.maximum-network-interfaces", t => S(t.MaxNetworkInterfaces))
        .Add("network-info.ipv4-addresses-per-interface", t => S(t.Ipv4PerInterface))
        .Add("network-info.ipv6-addresses-per-interface", t => S(t.Ipv6PerInterface))
        .Add("network-info.ipv6-supported", t => B(t.Ipv6Supported))
        .Add("network-info.ena-support", t => t.EnaSupport)
        .Add("network-info.network-performance", t => t.NetworkPerformance)
        .Add("supported-root-device-type", _ => "ebs")
        .Add("supported-virtualization-type", _ => "hvm")
        .AddMany("supported-usage-class", _ => ["on-demand", "spot"]);
}
