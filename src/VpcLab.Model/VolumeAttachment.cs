namespace VpcLab.Model;

/// <summary>A volume's attachment to an instance under a device name; <see cref="DeleteOnTermination"/> says whether
/// TerminateInstances deletes the volume or only detaches it.</summary>
public sealed record VolumeAttachment(InstanceId InstanceId, string Device, DateTimeOffset AttachTime, bool DeleteOnTermination);
