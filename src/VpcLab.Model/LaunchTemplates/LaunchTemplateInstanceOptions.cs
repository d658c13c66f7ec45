using System.Collections.Immutable;

namespace VpcLab.Model;

// The small structures of a launch template's LaunchTemplateData, each under AWS's member names
// (LaunchTemplate*Request and its response twin share them); kept as given.

/// <summary>Placement: the zone RunInstances uses, and the placement group, host and tenancy settings kept as given.</summary>
public sealed record LaunchTemplatePlacement
{
    public string? AvailabilityZone { get; init; }
    public string? AvailabilityZoneId { get; init; }
    public string? Affinity { get; init; }
    public string? GroupName { get; init; }
    public string? HostId { get; init; }
    public string? Tenancy { get; init; }
    public string? SpreadDomain { get; init; }
    public string? HostResourceGroupArn { get; init; }
    public int? PartitionNumber { get; init; }
    public string? GroupId { get; init; }
}

/// <summary>PrivateDnsNameOptions as a template gives them (HostnameType ip-name or resource-name).</summary>
public sealed record LaunchTemplatePrivateDnsNameOptions
{
    public string? HostnameType { get; init; }
    public bool? EnableResourceNameDnsARecord { get; init; }
    public bool? EnableResourceNameDnsAAAARecord { get; init; }
}

public sealed record LaunchTemplateMonitoring
{
    public bool? Enabled { get; init; }
}

public sealed record LaunchTemplateCreditSpecification
{
    public string? CpuCredits { get; init; }
}

public sealed record LaunchTemplateCpuOptions
{
    public int? CoreCount { get; init; }
    public int? ThreadsPerCore { get; init; }
    public string? AmdSevSnp { get; init; }
    public string? NestedVirtualization { get; init; }
}

public sealed record LaunchTemplateInstanceMarketOptions
{
    public string? MarketType { get; init; }
    public LaunchTemplateSpotMarketOptions? SpotOptions { get; init; }
}

public sealed record LaunchTemplateSpotMarketOptions
{
    public string? MaxPrice { get; init; }
    public string? SpotInstanceType { get; init; }
    public int? BlockDurationMinutes { get; init; }
    public DateTimeOffset? ValidUntil { get; init; }
    public string? InstanceInterruptionBehavior { get; init; }
}

public sealed record LaunchTemplateCapacityReservationSpecification
{
    public string? CapacityReservationPreference { get; init; }
    public LaunchTemplateCapacityReservationTarget? CapacityReservationTarget { get; init; }
}

public sealed record LaunchTemplateCapacityReservationTarget
{
    public string? CapacityReservationId { get; init; }
    public string? CapacityReservationResourceGroupArn { get; init; }
}

public sealed record LaunchTemplateLicenseConfiguration
{
    public string? LicenseConfigurationArn { get; init; }
}

public sealed record LaunchTemplateElasticGpuSpecification
{
    public string? Type { get; init; }
}

public sealed record LaunchTemplateElasticInferenceAccelerator
{
    public string? Type { get; init; }
    public int? Count { get; init; }
}

public sealed record LaunchTemplateHibernationOptions
{
    public bool? Configured { get; init; }
}

public sealed record LaunchTemplateEnclaveOptions
{
    public bool? Enabled { get; init; }
}

public sealed record LaunchTemplateMaintenanceOptions
{
    public string? AutoRecovery { get; init; }
}

public sealed record LaunchTemplateNetworkPerformanceOptions
{
    public string? BandwidthWeighting { get; init; }
}

/// <summary>InstanceRequirements (attribute-based instance type selection), kept as given: the lab launches the
/// InstanceType a request names and selects no type by attributes.</summary>
public sealed record LaunchTemplateInstanceRequirements
{
    public LaunchTemplateRange<int>? VCpuCount { get; init; }
    public LaunchTemplateRange<int>? MemoryMiB { get; init; }
    public ImmutableArray<string> CpuManufacturers { get; init; } = [];
    public LaunchTemplateRange<double>? MemoryGiBPerVCpu { get; init; }
    public ImmutableArray<string> ExcludedInstanceTypes { get; init; } = [];
    public ImmutableArray<string> InstanceGenerations { get; init; } = [];
    public int? SpotMaxPricePercentageOverLowestPrice { get; init; }
    public int? OnDemandMaxPricePercentageOverLowestPrice { get; init; }
    public string? BareMetal { get; init; }
    public string? BurstablePerformance { get; init; }
    public bool? RequireHibernateSupport { get; init; }
    public LaunchTemplateRange<int>? NetworkInterfaceCount { get; init; }
    public string? LocalStorage { get; init; }
    public ImmutableArray<string> LocalStorageTypes { get; init; } = [];
    public LaunchTemplateRange<double>? TotalLocalStorageGB { get; init; }
    public LaunchTemplateRange<int>? BaselineEbsBandwidthMbps { get; init; }
    public ImmutableArray<string> AcceleratorTypes { get; init; } = [];
    public LaunchTemplateRange<int>? AcceleratorCount { get; init; }
    public ImmutableArray<string> AcceleratorManufacturers { get; init; } = [];
    public ImmutableArray<string> AcceleratorNames { get; init; } = [];
    public LaunchTemplateRange<int>? AcceleratorTotalMemoryMiB { get; init; }
    public LaunchTemplateRange<double>? NetworkBandwidthGbps { get; init; }
    public ImmutableArray<string> AllowedInstanceTypes { get; init; } = [];
    public int? MaxSpotPriceAsPercentageOfOptimalOnDemandPrice { get; init; }
    public LaunchTemplateBaselinePerformanceFactors? BaselinePerformanceFactors { get; init; }
    public bool? RequireEncryptionInTransit { get; init; }
}

/// <summary>A Min/Max range of InstanceRequirements (VCpuCount, MemoryMiB, …).</summary>
public sealed record LaunchTemplateRange<T>
    where T : struct
{
    public T? Min { get; init; }
    public T? Max { get; init; }
}

public sealed record LaunchTemplateBaselinePerformanceFactors
{
    public LaunchTemplateCpuPerformanceFactor? Cpu { get; init; }
}

public sealed record LaunchTemplateCpuPerformanceFactor
{
    public ImmutableArray<LaunchTemplatePerformanceFactorReference> References { get; init; } = [];
}

public sealed record LaunchTemplatePerformanceFactorReference
{
    public string? InstanceFamily { get; init; }
}
