using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>The launch parameters a launch template version keeps: AWS's LaunchTemplateData, member for member under
/// AWS's member names, which RequestLaunchTemplateData and ResponseLaunchTemplateData share — so a request binds to
/// this record and DescribeLaunchTemplateVersions answers it by the same names, one mapping both ways
/// (docs/semantics.md#launch-templates). Null or empty means "not given": RunInstances' own parameters fill the gap,
/// and a new version based on this one inherits it. RunInstances applies the members it models (image, type, key,
/// user data, groups, interfaces, block devices, tags, placement zone, termination and stop protection, shutdown
/// behaviour, hostname options); the others are kept and shown as given.</summary>
public sealed record LaunchTemplateData
{
    public static readonly LaunchTemplateData Empty = new();

    public string? ImageId { get; init; }
    public string? InstanceType { get; init; }
    public string? KeyName { get; init; }
    /// <summary>Base64 user data, as given.</summary>
    public string? UserData { get; init; }
    public ImmutableArray<string> SecurityGroupIds { get; init; } = [];
    /// <summary>Security group names (groups of the default VPC).</summary>
    public ImmutableArray<string> SecurityGroups { get; init; } = [];
    public ImmutableArray<LaunchTemplateNetworkInterface> NetworkInterfaces { get; init; } = [];
    public ImmutableArray<LaunchTemplateBlockDevice> BlockDeviceMappings { get; init; } = [];
    public ImmutableArray<LaunchTemplateTagSpecification> TagSpecifications { get; init; } = [];
    /// <summary>Kept and shown; the lab models no IAM roles on instances.</summary>
    public LaunchTemplateIamInstanceProfile? IamInstanceProfile { get; init; }
    /// <summary>Kept and shown; the lab models no instance metadata service.</summary>
    public LaunchTemplateMetadataOptions? MetadataOptions { get; init; }
    /// <summary>RunInstances takes its AvailabilityZone; the rest is kept and shown.</summary>
    public LaunchTemplatePlacement? Placement { get; init; }
    public bool? DisableApiTermination { get; init; }
    public bool? DisableApiStop { get; init; }
    /// <summary>stop or terminate.</summary>
    public string? InstanceInitiatedShutdownBehavior { get; init; }
    public LaunchTemplatePrivateDnsNameOptions? PrivateDnsNameOptions { get; init; }

    // Kept and shown as given: the lab models no kernels, EBS optimisation, monitoring, CPU credits or options, markets,
    // capacity reservations, licences, accelerators, hibernation, enclaves, maintenance or network performance.
    public string? KernelId { get; init; }
    public string? RamDiskId { get; init; }
    public bool? EbsOptimized { get; init; }
    public LaunchTemplateMonitoring? Monitoring { get; init; }
    public LaunchTemplateCreditSpecification? CreditSpecification { get; init; }
    public LaunchTemplateCpuOptions? CpuOptions { get; init; }
    public LaunchTemplateInstanceMarketOptions? InstanceMarketOptions { get; init; }
    public LaunchTemplateCapacityReservationSpecification? CapacityReservationSpecification { get; init; }
    public ImmutableArray<LaunchTemplateLicenseConfiguration> LicenseSpecifications { get; init; } = [];
    public ImmutableArray<LaunchTemplateElasticGpuSpecification> ElasticGpuSpecifications { get; init; } = [];
    public ImmutableArray<LaunchTemplateElasticInferenceAccelerator> ElasticInferenceAccelerators { get; init; } = [];
    public LaunchTemplateHibernationOptions? HibernationOptions { get; init; }
    public LaunchTemplateEnclaveOptions? EnclaveOptions { get; init; }
    public LaunchTemplateMaintenanceOptions? MaintenanceOptions { get; init; }
    public LaunchTemplateNetworkPerformanceOptions? NetworkPerformanceOptions { get; init; }
    public LaunchTemplateInstanceRequirements? InstanceRequirements { get; init; }
}
