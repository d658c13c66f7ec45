using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>An AWS Region and the Availability Zones it offers. <see cref="OptInRequired"/> marks the Regions AWS
/// launched after March 2019, which an account must enable before it can use them (docs/semantics.md#regions).</summary>
public sealed record Region(string Name, ImmutableArray<AvailabilityZone> Zones)
{
    public bool OptInRequired { get; init; }

    /// <summary>The EC2 endpoint DescribeRegions names for the Region.</summary>
    public string Endpoint => $"ec2.{Name}.amazonaws.com";

    public AvailabilityZone? Zone(string nameOrId) =>
        Zones.FirstOrDefault(z => z.Name == nameOrId || z.ZoneId == nameOrId);
}
