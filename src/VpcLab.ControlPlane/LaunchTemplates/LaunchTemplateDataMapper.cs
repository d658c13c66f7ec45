using System.Collections.Immutable;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>LaunchTemplateData as a request gives it, made a version's data (the request binds straight to the model's
/// <see cref="LaunchTemplateData"/>, whose members are AWS's), and a new version's data over its source version's
/// (docs/semantics.md#launch-templates).</summary>
internal static class LaunchTemplateDataMapper
{
    /// <summary>The resource types a launch template's TagSpecifications may name that the lab creates at launch.</summary>
    public static readonly string[] TaggableAtLaunch = [ResourceTypes.Instance, ResourceTypes.NetworkInterface, VolumeKind.ResourceType];

    /// <summary>The data a version keeps: as given, with an empty UserData taken as none (choice: Terraform's provider
    /// always sends UserData, "" when unset) and the tags checked as RunInstances checks its own.</summary>
    public static LaunchTemplateData FromRequest(LaunchTemplateData? given) =>
        given is null
            ? LaunchTemplateData.Empty
            : given with
            {
                UserData = string.IsNullOrEmpty(given.UserData) ? null : given.UserData,
                TagSpecifications = Tags(given.TagSpecifications),
            };

    /// <summary>CreateLaunchTemplateVersion with SourceVersion: "the new version inherits the same launch parameters
    /// as the source version, except for parameters that you specify in LaunchTemplateData" (per top-level
    /// parameter: a list or structure given replaces the source's whole).</summary>
    public static LaunchTemplateData Inherit(LaunchTemplateData source, LaunchTemplateData given) => new()
    {
        ImageId = given.ImageId ?? source.ImageId,
        InstanceType = given.InstanceType ?? source.InstanceType,
        KeyName = given.KeyName ?? source.KeyName,
        UserData = given.UserData ?? source.UserData,
        SecurityGroupIds = Either(given.SecurityGroupIds, source.SecurityGroupIds),
        SecurityGroups = Either(given.SecurityGroups, source.SecurityGroups),
        NetworkInterfaces = Either(given.NetworkInterfaces, source.NetworkInterfaces),
        BlockDeviceMappings = Either(given.BlockDeviceMappings, source.BlockDeviceMappings),
        TagSpecifications = Either(given.TagSpecifications, source.TagSpecifications),
        IamInstanceProfile = given.IamInstanceProfile ?? source.IamInstanceProfile,
        MetadataOptions = given.MetadataOptions ?? source.MetadataOptions,
        Placement = given.Placement ?? source.Placement,
        DisableApiTermination = given.DisableApiTermination ?? source.DisableApiTermination,
        DisableApiStop = given.DisableApiStop ?? source.DisableApiStop,
        InstanceInitiatedShutdownBehavior = given.InstanceInitiatedShutdownBehavior ?? source.InstanceInitiatedShutdownBehavior,
        PrivateDnsNameOptions = given.PrivateDnsNameOptions ?? source.PrivateDnsNameOptions,
        KernelId = given.KernelId ?? source.KernelId,
        RamDiskId = given.RamDiskId ?? source.RamDiskId,
        EbsOptimized = given.EbsOptimized ?? source.EbsOptimized,
        Monitoring = given.Monitoring ?? source.Monitoring,
        CreditSpecification = given.CreditSpecification ?? source.CreditSpecification,
        CpuOptions = given.CpuOptions ?? source.CpuOptions,
        InstanceMarketOptions = given.InstanceMarketOptions ?? source.InstanceMarketOptions,
        CapacityReservationSpecification = given.CapacityReservationSpecification ?? source.CapacityReservationSpecification,
        LicenseSpecifications = Either(given.LicenseSpecifications, source.LicenseSpecifications),
        ElasticGpuSpecifications = Either(given.ElasticGpuSpecifications, source.ElasticGpuSpecifications),
        ElasticInferenceAccelerators = Either(given.ElasticInferenceAccelerators, source.ElasticInferenceAccelerators),
        HibernationOptions = given.HibernationOptions ?? source.HibernationOptions,
        EnclaveOptions = given.EnclaveOptions ?? source.EnclaveOptions,
        MaintenanceOptions = given.MaintenanceOptions ?? source.MaintenanceOptions,
        NetworkPerformanceOptions = given.NetworkPerformanceOptions ?? source.NetworkPerformanceOptions,
        InstanceRequirements = given.InstanceRequirements ?? source.InstanceRequirements,
    };

    private static ImmutableArray<T> Either<T>(ImmutableArray<T> given, ImmutableArray<T> source) => given.IsDefaultOrEmpty ? source : given;

    /// <summary>The template's tags per resource type, checked as RunInstances checks its own TagSpecifications
    /// (resource types, keys, values, counts).</summary>
    private static ImmutableArray<LaunchTemplateTagSpecification> Tags(ImmutableArray<LaunchTemplateTagSpecification> given)
    {
        if (given.IsDefaultOrEmpty)
            return [];
        var specs = ToSpecifications(given).ToList();
        return [.. TaggableAtLaunch
            .Select(type => (type, tags: TagRules.FromSpecifications(specs, type, TaggableAtLaunch)))
            .Where(x => x.tags.Count > 0)
            .Select(x => new LaunchTemplateTagSpecification(x.type, [.. x.tags]))];
    }

    /// <summary>The model's tags back as TagSpecifications (RunInstances' own shape).</summary>
    public static IEnumerable<TagSpecification> ToSpecifications(IEnumerable<LaunchTemplateTagSpecification> specs) =>
        specs.Select(s => new TagSpecification { ResourceType = s.ResourceType, Tags = [.. (s.Tags.IsDefault ? [] : s.Tags).Select(t => new Tag(t.Key, t.Value))] });
}
