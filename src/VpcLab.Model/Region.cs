using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>An AWS Region and the Availability Zones it offers.</summary>
public sealed record Region(string Name, ImmutableArray<AvailabilityZone> Zones)
{
    public AvailabilityZone? Zone(string nameOrId) =>
        Zones.FirstOrDefault(z => z.Name == nameOrId || z.ZoneId == nameOrId);
}
