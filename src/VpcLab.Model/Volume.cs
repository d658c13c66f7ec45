namespace VpcLab.Model;

/// <summary>An EBS volume as a plain record (docs/semantics.md#ebs-volumes): its zone, size, type and performance,
/// and the instance it is attached to. No data, no snapshots of it: what DescribeVolumes and an instance's block
/// device mapping show.</summary>
public sealed record Volume(
    string Id, AccountId OwnerId, string Region, string AvailabilityZone, int Size, string VolumeType,
    int? Iops, int? Throughput, bool Encrypted, string SnapshotId, DateTimeOffset CreateTime)
{
    /// <summary>The attachment, or null while the volume is available.</summary>
    public VolumeAttachment? Attachment { get; init; }

    /// <summary>The last ModifyVolume of the volume, or null when it was never modified.</summary>
    public VolumeModification? Modification { get; init; }
}
