using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record CreateVolumeRequest
{
    public string? AvailabilityZone { get; init; }
    public string? AvailabilityZoneId { get; init; }
    public int? Size { get; init; }
    public string? SnapshotId { get; init; }
    public string? VolumeType { get; init; }
    public int? Iops { get; init; }
    public int? Throughput { get; init; }
    public bool? Encrypted { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeVolumesRequest
{
    public IReadOnlyList<string>? VolumeIds { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeVolumesResult(IReadOnlyList<Volume> Volumes);

public sealed record AttachVolumeRequest
{
    public string? VolumeId { get; init; }
    public string? InstanceId { get; init; }
    public string? Device { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DetachVolumeRequest
{
    public string? VolumeId { get; init; }
    public string? InstanceId { get; init; }
    public string? Device { get; init; }
    public bool? Force { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteVolumeRequest
{
    public string? VolumeId { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>AttachVolume's and DetachVolume's answer: the volume and the attachment's transitional state
/// (attaching, detaching), as AWS answers them.</summary>
public sealed record VolumeAttachmentResult(Volume Volume, VolumeAttachment Attachment, string State);

/// <summary>RunInstances' BlockDeviceMapping.N: a device and its EBS volume (NoDevice and VirtualName are accepted
/// and create nothing).</summary>
public sealed record BlockDeviceMappingSpec
{
    public string? DeviceName { get; init; }
    public string? VirtualName { get; init; }
    public string? NoDevice { get; init; }
    public EbsBlockDeviceSpec? Ebs { get; init; }
}

public sealed record EbsBlockDeviceSpec
{
    public bool? DeleteOnTermination { get; init; }
    public int? Iops { get; init; }
    public string? SnapshotId { get; init; }
    public int? VolumeSize { get; init; }
    public string? VolumeType { get; init; }
    public int? Throughput { get; init; }
    public bool? Encrypted { get; init; }
}

public sealed record ModifyVolumeRequest
{
    public string? VolumeId { get; init; }
    public int? Size { get; init; }
    public string? VolumeType { get; init; }
    public int? Iops { get; init; }
    public int? Throughput { get; init; }
    public bool? MultiAttachEnabled { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeVolumesModificationsRequest
{
    public IReadOnlyList<string>? VolumeIds { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>A volume's last modification and the state AWS reports for it (modifying when ModifyVolume answers,
/// completed afterwards: the lab applies it at once).</summary>
public sealed record VolumeModificationStatus(VolumeModification Modification, string State, long Progress);

public sealed record DescribeVolumesModificationsResult(IReadOnlyList<VolumeModificationStatus> VolumesModifications);
