using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>DescribeRegions and DescribeAvailabilityZones: the lab's Regions and zones
/// (docs/semantics.md#zones).</summary>
public sealed class RegionOperations
{
    private readonly ControlPlaneState _state;

    internal RegionOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>EC2 API reference, AvailabilityZone.OptInStatus: "For Availability Zones, this parameter always has
    /// the value of opt-in-not-required" (Local Zones, which the lab does not model, are the ones that opt in).</summary>
    public const string AvailabilityZoneOptInStatus = "opt-in-not-required";

    public DescribeAvailabilityZonesResult DescribeAvailabilityZones(RequestContext ctx, DescribeAvailabilityZonesRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            IEnumerable<AvailabilityZone> zones = tx.Region.Zones;
            if (request.ZoneNames is { Count: > 0 } names)
                zones = names.Select(n => tx.Region.Zones.FirstOrDefault(z => z.Name == n) ?? throw SubnetErrors.InvalidAvailabilityZone(n, tx.Region.Zones.Select(z => z.Name))).ToList();
            if (request.ZoneIds is { Count: > 0 } ids)
                zones = zones.Where(z => ids.Contains(z.ZoneId)).ToList();
            var schema = new FilterSchema<AvailabilityZone>(_ => null)
                .Add("zone-name", z => z.Name)
                .Add("zone-id", z => z.ZoneId)
                .Add("region-name", z => z.Region)
                .Add("state", _ => "available")
                .Add("zone-type", _ => "availability-zone")
                .Add("group-name", z => z.Region)
                .Add("opt-in-status", _ => AvailabilityZoneOptInStatus);
            return new DescribeAvailabilityZonesResult([.. schema.Apply(zones, request.Filters, tx.N)]);
        });

    public DescribeRegionsResult DescribeRegions(RequestContext ctx, DescribeRegionsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            IEnumerable<Region> regions = tx.N.Regions.Values.OrderBy(r => r.Name, StringComparer.Ordinal);
            if (request.RegionNames is { Count: > 0 } names)
                regions = regions.Where(r => names.Contains(r.Name));
            var schema = new FilterSchema<Region>(_ => null)
                .Add("region-name", r => r.Name)
                .Add("endpoint", r => $"ec2.{r.Name}.amazonaws.com")
                .Add("opt-in-status", r => r.OptInStatus);
            return new DescribeRegionsResult([.. schema.Apply(regions, request.Filters, tx.N)]);
        });
}
