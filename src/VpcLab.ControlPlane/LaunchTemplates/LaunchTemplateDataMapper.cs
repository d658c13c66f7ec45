using System.Collections.Immutable;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>LaunchTemplateData as a request gives it → the model's <see cref="LaunchTemplateData"/>, and a new
/// version's data over its source version's (docs/semantics.md#launch-templates).</summary>
internal static class LaunchTemplateDataMapper
{
    /// <summary>The resource types a launch template's TagSpecifications may name that the lab creates at launch.</summary>
    public static readonly string[] TaggableAtLaunch = [ResourceTypes.Instance, ResourceTypes.NetworkInterface, VolumeKind.ResourceType];

    public static LaunchTemplateData FromRequest(RequestLaunchTemplateData? request)
    {
        if (request is null)
            return LaunchTemplateData.Empty;
        return new LaunchTemplateData
        {
            ImageId = request.ImageId,
            InstanceType = request.InstanceType,
            KeyName = request.KeyName,
            // Choice: an empty UserData is none (Terraform's provider always sends UserData, "" when unset).
            UserData = string.IsNullOrEmpty(request.UserData) ? null : request.UserData,
            SecurityGroupIds = [.. request.SecurityGroupIds ?? []],
            SecurityGroups = [.. request.SecurityGroups ?? []],
            NetworkInterfaces = [.. (request.NetworkInterfaces ?? []).Select(Interface)],
            BlockDeviceMappings = [.. (request.BlockDeviceMappings ?? []).Select(Device)],
            TagSpecifications = Tags(request.TagSpecifications),
            IamInstanceProfile = request.IamInstanceProfile is { } p ? new LaunchTemplateIamInstanceProfile(p.Arn, p.Name) : null,
            MetadataOptions = request.MetadataOptions is { } m ? new LaunchTemplateMetadataOptions
            {
                HttpTokens = m.HttpTokens,
                HttpPutResponseHopLimit = m.HttpPutResponseHopLimit,
                HttpEndpoint = m.HttpEndpoint,
                HttpProtocolIpv6 = m.HttpProtocolIpv6,
                InstanceMetadataTags = m.InstanceMetadataTags,
            } : null,
            AvailabilityZone = request.Placement?.AvailabilityZone,
        };
    }

    /// <summary>CreateLaunchTemplateVersion with SourceVersion: "the new version inherits the same launch parameters
    /// as the source version, except for parameters that you specify in LaunchTemplateData" (per top-level
    /// parameter: a list or structure given replaces the source's whole).</summary>
    public static LaunchTemplateData Inherit(LaunchTemplateData source, LaunchTemplateData given) => new()
    {
        ImageId = given.ImageId ?? source.ImageId,
        InstanceType = given.InstanceType ?? source.InstanceType,
        KeyName = given.KeyName ?? source.KeyName,
        UserData = given.UserData ?? source.UserData,
        SecurityGroupIds = given.SecurityGroupIds.IsEmpty ? source.SecurityGroupIds : given.SecurityGroupIds,
        SecurityGroups = given.SecurityGroups.IsEmpty ? source.SecurityGroups : given.SecurityGroups,
        NetworkInterfaces = given.NetworkInterfaces.IsEmpty ? source.NetworkInterfaces : given.NetworkInterfaces,
        BlockDeviceMappings = given.BlockDeviceMappings.IsEmpty ? source.BlockDeviceMappings : given.BlockDeviceMappings,
        TagSpecifications = given.TagSpecifications.IsEmpty ? source.TagSpecifications : given.TagSpecifications,
        IamInstanceProfile = given.IamInstanceProfile ?? source.IamInstanceProfile,
        MetadataOptions = given.MetadataOptions ?? source.MetadataOptions,
        AvailabilityZone = given.AvailabilityZone ?? source.AvailabilityZone,
    };

    private static LaunchTemplateNetworkInterface Interface(InstanceNetworkInterfaceSpecification n) => new()
    {
        DeviceIndex = n.DeviceIndex,
        NetworkInterfaceId = n.NetworkInterfaceId,
        SubnetId = n.SubnetId,
        Description = n.Description,
        Groups = [.. n.Groups ?? []],
        PrivateIpAddress = n.PrivateIpAddress,
        SecondaryPrivateIpAddressCount = n.SecondaryPrivateIpAddressCount,
        Ipv6AddressCount = n.Ipv6AddressCount,
        AssociatePublicIpAddress = n.AssociatePublicIpAddress,
        DeleteOnTermination = n.DeleteOnTermination,
    };

    private static LaunchTemplateBlockDevice Device(BlockDeviceMappingSpec d) => new()
    {
        DeviceName = d.DeviceName,
        VirtualName = d.VirtualName,
        NoDevice = d.NoDevice,
        Ebs = d.Ebs is { } e ? new LaunchTemplateEbs
        {
            DeleteOnTermination = e.DeleteOnTermination,
            Iops = e.Iops,
            SnapshotId = e.SnapshotId,
            VolumeSize = e.VolumeSize,
            VolumeType = e.VolumeType,
            Throughput = e.Throughput,
            Encrypted = e.Encrypted,
        } : null,
    };

    /// <summary>The template's tags per resource type, checked as RunInstances checks its own TagSpecifications
    /// (resource types, keys, values, counts).</summary>
    private static ImmutableArray<LaunchTemplateTagSpecification> Tags(IReadOnlyList<TagSpecification>? specs)
    {
        if (specs is not { Count: > 0 })
            return [];
        return [.. TaggableAtLaunch
            .Select(type => (type, tags: TagRules.FromSpecifications(specs, type, TaggableAtLaunch)))
            .Where(x => x.tags.Count > 0)
            .Select(x => new LaunchTemplateTagSpecification(x.type, [.. x.tags]))];
    }

    /// <summary>The model's tags back as TagSpecifications (RunInstances' own shape).</summary>
    public static IEnumerable<TagSpecification> ToSpecifications(IEnumerable<LaunchTemplateTagSpecification> specs) =>
        specs.Select(s => new TagSpecification { ResourceType = s.ResourceType, Tags = [.. s.Tags.Select(t => new Tag(t.Key, t.Value))] });
}
