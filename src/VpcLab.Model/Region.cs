using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>An AWS Region and the Availability Zones it offers. <see cref="OptInRequired"/> marks the Regions AWS
/// launched after March 2019, which an account must enable (docs/semantics.md#regions).</summary>
public sealed record Region(string Name, ImmutableArray<AvailabilityZone> Zones)
{
    public bool OptInRequired { get; init; }

    /// <summary>DescribeRegions' and DescribeAvailabilityZones' <c>OptInStatus</c>: a lab account has every opt-in
    /// Region enabled, so it reads <c>opted-in</c> there and <c>opt-in-not-required</c> elsewhere.</summary>
    public string OptInStatus => OptInRequired ? "opted-in" : "opt-in-not-required";

    public AvailabilityZone? Zone(string nameOrId) =>
        Zones.FirstOrDefault(z => z.Name == nameOrId || z.ZoneId == nameOrId);
}
