using System.Collections.Immutable;
using VpcLab.ControlPlane.Time;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>How a control plane is set up: its clock, the seed its ids derive from, the Regions it knows and
/// the quotas it enforces.</summary>
public sealed record ControlPlaneOptions
{
    /// <summary>The account used when a caller names none.</summary>
    public static readonly AccountId DefaultAccount = new("111111111111");

    public const string DefaultRegion = "us-east-1";

    public TimeProvider Clock { get; init; } = new SimulatedClock();

    /// <summary>Same seed + same sequence of successful operations ⇒ same ids.</summary>
    public ulong IdSeed { get; init; }

    public ImmutableArray<RegionInfo> Regions { get; init; } = RegionCatalog.Default;

    public Ec2Quotas Quotas { get; init; } = Ec2Quotas.AwsDefaults;

    /// <summary>The opt-in Regions <see cref="DefaultAccount"/> starts with enabled (<c>vpclab serve --opt-in-region</c>);
    /// none by default, as in a new AWS account (docs/semantics.md#regions).</summary>
    public ImmutableArray<string> DefaultAccountOptedInRegions { get; init; } = [];

    /// <summary>A world to start from instead of an empty one: an imported account keeps the ids, addresses and
    /// states AWS gave it (docs/semantics.md#import-ids). The catalogue's Regions and AWS-managed prefix lists are
    /// added to it where it has none of its own.</summary>
    public Network? Initial { get; init; }

    /// <summary>True (the default): Describe* filters are answered from the index kept with the state; false: by a
    /// scan of every record, the reference the index is tested against (docs/semantics.md#filter-indexes).</summary>
    public bool IndexedFilters { get; init; } = true;
}
