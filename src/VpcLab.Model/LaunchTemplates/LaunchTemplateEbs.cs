namespace VpcLab.Model;

/// <summary>The EBS volume of a launch template's block device mapping.</summary>
public sealed record LaunchTemplateEbs
{
    public bool? DeleteOnTermination { get; init; }
    public int? Iops { get; init; }
    public string? SnapshotId { get; init; }
    public int? VolumeSize { get; init; }
    public string? VolumeType { get; init; }
    public int? Throughput { get; init; }
    public bool? Encrypted { get; init; }
}
