namespace VpcLab.Model;

/// <summary>The EBS volume of a launch template's block device mapping (LaunchTemplateEbsBlockDevice). RunInstances
/// applies the first group; KmsKeyId, VolumeInitializationRate and EbsCardIndex are kept and shown as given.</summary>
public sealed record LaunchTemplateEbs
{
    public bool? DeleteOnTermination { get; init; }
    public int? Iops { get; init; }
    public string? SnapshotId { get; init; }
    public int? VolumeSize { get; init; }
    public string? VolumeType { get; init; }
    public int? Throughput { get; init; }
    public bool? Encrypted { get; init; }

    public string? KmsKeyId { get; init; }
    public int? VolumeInitializationRate { get; init; }
    public int? EbsCardIndex { get; init; }
}
