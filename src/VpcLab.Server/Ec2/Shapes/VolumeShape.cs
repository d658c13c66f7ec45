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
    public static JsonArray Mappings(Network network, InstanceId instance) =>
        Json.Array([.. VolumeDevices.AttachedTo(network, instance)], v => new JsonObject
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
