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

    /// <summary>AWS (DescribeRegions): "Describes the Regions that are enabled for your account, or all Regions";
    /// AllRegions "Indicates whether to display all Regions, including Regions that are disabled for your account";
    /// RegionNames: "You can specify any Regions, whether they are enabled and disabled for your account", so named
    /// Regions are listed either way. OptInStatus is the caller's (<see cref="RegionOptIn.Ec2Status"/>).</summary>
    public DescribeRegionsResult DescribeRegions(RequestContext ctx, DescribeRegionsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            IEnumerable<RegionListing> regions = tx.N.Regions.Values.OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new RegionListing(r, RegionOptIn.Ec2Status(tx.N, tx.Account, r)));
            if (request.RegionNames is { Count: > 0 } names)
                regions = regions.Where(r => names.Contains(r.Region.Name));
            else if (request.AllRegions != true)
                regions = regions.Where(r => r.OptInStatus != RegionOptIn.NotOptedIn);
            var schema = new FilterSchema<RegionListing>(_ => null)
                .Add("region-name", r => r.Region.Name)
                .Add("endpoint", r => r.Region.Endpoint)
                .Add("opt-in-status", r => r.OptInStatus);
            return new DescribeRegionsResult([.. schema.Apply(regions, request.Filters, tx.N)]);
        });
}

/// <summary>A Region as DescribeRegions lists it to one account: with that account's opt-in status.</summary>
public sealed record RegionListing(Region Region, string OptInStatus);
