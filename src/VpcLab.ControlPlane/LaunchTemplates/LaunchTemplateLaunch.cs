using System.Globalization;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>RunInstances with LaunchTemplate: the template version's parameters folded into the request, the
/// request's own parameters winning ("Any parameters that you specify in RunInstances override the same parameters
/// in the launch template", docs/semantics.md#launch-templates). The result is an ordinary RunInstancesRequest, so
/// every RunInstances rule is checked once, in the RunInstances path.</summary>
internal static class LaunchTemplateLaunch
{
    public const string IdTag = "aws:ec2launchtemplate:id";
    public const string VersionTag = "aws:ec2launchtemplate:version";

    /// <summary>The request with its template's parameters filled in, and the aws:ec2launchtemplate:id/version tags
    /// AWS puts on an instance launched from a template (none without a template).</summary>
    public static (RunInstancesRequest Request, IReadOnlyList<KeyValuePair<string, string>> Tags) Resolve(Transaction tx, RunInstancesRequest request)
    {
        if (request.LaunchTemplate is not { } spec)
            return (request, []);
        var template = LaunchTemplateLookup.Require(tx, spec.LaunchTemplateId, spec.LaunchTemplateName);
        var version = LaunchTemplateLookup.RequireVersion(template, spec.Version ?? LaunchTemplateLookup.Default);
        var d = version.Data;
        var merged = request with
        {
            ImageId = request.ImageId ?? d.ImageId,
            InstanceType = request.InstanceType ?? d.InstanceType,
            KeyName = request.KeyName ?? d.KeyName,
            UserData = request.UserData ?? d.UserData,
            SecurityGroupIds = Given(request.SecurityGroupIds) ?? (d.SecurityGroupIds.IsEmpty ? request.SecurityGroupIds : d.SecurityGroupIds),
            SecurityGroups = Given(request.SecurityGroups) ?? (d.SecurityGroups.IsEmpty ? request.SecurityGroups : d.SecurityGroups),
            NetworkInterfaces = Given(request.NetworkInterfaces) ?? (d.NetworkInterfaces.IsEmpty ? request.NetworkInterfaces : [.. d.NetworkInterfaces.Select(Interface)]),
            BlockDeviceMappings = Given(request.BlockDeviceMappings) ?? (d.BlockDeviceMappings.IsEmpty ? request.BlockDeviceMappings : [.. d.BlockDeviceMappings.Select(Device)]),
            TagSpecifications = Tags(request.TagSpecifications, d),
            Placement = request.Placement?.AvailabilityZone is not null || d.Placement?.AvailabilityZone is not { } zone
                ? request.Placement
                : (request.Placement ?? new InstancePlacement()) with { AvailabilityZone = zone },
            PrivateDnsNameOptions = request.PrivateDnsNameOptions ?? (d.PrivateDnsNameOptions is { } o
                ? new PrivateDnsNameOptionsRequest
                {
                    HostnameType = o.HostnameType, EnableResourceNameDnsARecord = o.EnableResourceNameDnsARecord,
                    EnableResourceNameDnsAAAARecord = o.EnableResourceNameDnsAAAARecord,
                }
                : null),
        };
        return (merged, [new(IdTag, template.Id), new(VersionTag, version.VersionNumber.ToString(CultureInfo.InvariantCulture))]);
    }

    private static IReadOnlyList<T>? Given<T>(IReadOnlyList<T>? list) => list is { Count: > 0 } ? list : null;

    /// <summary>Choice: the request's tag specification for a resource type replaces the template's for that type;
    /// the template's for other types stay.</summary>
    private static IReadOnlyList<TagSpecification>? Tags(IReadOnlyList<TagSpecification>? requested, LaunchTemplateData d)
    {
        if (d.TagSpecifications.IsEmpty)
            return requested;
        var given = requested ?? [];
        var types = given.Select(s => s.ResourceType).ToHashSet(StringComparer.Ordinal);
        return [.. given, .. LaunchTemplateDataMapper.ToSpecifications(d.TagSpecifications.Where(s => !types.Contains(s.ResourceType)))];
    }

    private static InstanceNetworkInterfaceSpecification Interface(LaunchTemplateNetworkInterface n) => new()
    {
        DeviceIndex = n.DeviceIndex,
        NetworkInterfaceId = n.NetworkInterfaceId,
        SubnetId = n.SubnetId,
        Description = n.Description,
        Groups = n.Groups.IsEmpty ? null : n.Groups,
        PrivateIpAddress = n.PrivateIpAddress,
        PrivateIpAddresses = n.PrivateIpAddresses.IsDefaultOrEmpty ? null
            : [.. n.PrivateIpAddresses.Select(p => new PrivateIpAddressSpecification { PrivateIpAddress = p.PrivateIpAddress, Primary = p.Primary })],
        Ipv6Addresses = n.Ipv6Addresses.IsDefaultOrEmpty ? null : [.. n.Ipv6Addresses.Select(a => new InstanceIpv6Address { Ipv6Address = a.Ipv6Address })],
        SecondaryPrivateIpAddressCount = n.SecondaryPrivateIpAddressCount,
        Ipv6AddressCount = n.Ipv6AddressCount,
        AssociatePublicIpAddress = n.AssociatePublicIpAddress,
        DeleteOnTermination = n.DeleteOnTermination,
    };

    private static BlockDeviceMappingSpec Device(LaunchTemplateBlockDevice d) => new()
    {
        DeviceName = d.DeviceName,
        VirtualName = d.VirtualName,
        NoDevice = d.NoDevice,
        Ebs = d.Ebs is { } e ? new EbsBlockDeviceSpec
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
}
