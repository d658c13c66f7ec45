namespace VpcLab.Model;

/// <summary>A block device mapping of a launch template: a device and its EBS volume (or NoDevice/VirtualName).</summary>
public sealed record LaunchTemplateBlockDevice
{
    public string? DeviceName { get; init; }
    public string? VirtualName { get; init; }
    public string? NoDevice { get; init; }
    public LaunchTemplateEbs? Ebs { get; init; }
}
