using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>Volume → the Volume shape (CreateVolume, DescribeVolumes), VolumeAttachment, and an instance's
/// BlockDeviceMappings (InstanceBlockDeviceMapping).</summary>
internal static class VolumeShape
{
    public static JsonObject Map(Volume v, ShapeContext c) => new()
    {
        ["Iops"] = v.Iops,
        ["Tags"] = c.Tags(v.Id),
        ["VolumeType"] = v.VolumeType,
        ["MultiAttachEnabled"] = false,
        ["Throughput"] = v.Throughput,
        ["VolumeId"] = v.Id,
        ["Size"] = v.Size,
        ["SnapshotId"] = v.SnapshotId,
        ["AvailabilityZone"] = v.AvailabilityZone,
        ["State"] = v.Attachment is null ? "available" : "in-use",
        ["CreateTime"] = v.CreateTime,
        ["Attachments"] = v.Attachment is { } a ? new JsonArray(Attachment(v, a, "attached")) : new JsonArray(),
        ["Encrypted"] = v.Encrypted,
    };

    /// <summary>A VolumeModification: ModifyVolume answers it modifying (progress 0), DescribeVolumesModifications
    /// completed (progress 100, ended when it started: applied at once; docs/semantics.md#volume-modifications).</summary>
    public static JsonObject Modification(VolumeModificationStatus s) => new()
    {
        ["VolumeId"] = s.Modification.VolumeId,
        ["ModificationState"] = s.State,
        ["TargetSize"] = s.Modification.TargetSize,
        ["TargetIops"] = s.Modification.TargetIops,
        ["TargetVolumeType"] = s.Modification.TargetVolumeType,
        ["TargetThroughput"] = s.Modification.TargetThroughput,
        ["TargetMultiAttachEnabled"] = false,
        ["OriginalSize"] = s.Modification.OriginalSize,
        ["OriginalIops"] = s.Modification.OriginalIops,
        ["OriginalVolumeType"] = s.Modification.OriginalVolumeType,
        ["OriginalThroughput"] = s.Modification.OriginalThroughput,
        ["OriginalMultiAttachEnabled"] = false,
        ["Progress"] = s.Progress,
        ["StartTime"] = s.Modification.StartTime,
        ["EndTime"] = s.State == VolumeModificationOperations.Completed ? s.Modification.StartTime : null,
    };

    public static JsonObject Attachment(Volume v, VolumeAttachment a, string state) => new()
    {
        ["DeleteOnTermination"] = a.DeleteOnTermination,
        ["VolumeId"] = v.Id,
        ["InstanceId"] = a.InstanceId.Value,
        ["Device"] = a.Device,
        ["State"] = state,
        ["AttachTime"] = a.AttachTime,
    };

    /// <summary>DescribeInstances' and DescribeInstanceAttribute's BlockDeviceMappings: the attached volumes.</summary>
    public static JsonArray Mappings(ShapeContext c, InstanceId instance) =>
        Json.Array([.. c.Index is { } index
            ? VolumeDevices.AttachedTo(new IndexedWorld(c.Network, index), instance)
            : VolumeDevices.AttachedTo(c.Network, instance)], v => new JsonObject
        {
            ["DeviceName"] = v.Attachment!.Device,
            ["Ebs"] = new JsonObject
            {
                ["AttachTime"] = v.Attachment.AttachTime,
                ["DeleteOnTermination"] = v.Attachment.DeleteOnTermination,
                ["Status"] = "attached",
                ["VolumeId"] = v.Id,
            },
        });
}
