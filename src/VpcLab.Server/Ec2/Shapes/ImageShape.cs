using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>Image → DescribeImages' Image shape: a public, available, EBS-backed HVM machine image with one root
/// block device (docs/semantics.md#ami-catalogue).</summary>
internal static class ImageShape
{
    public static JsonObject Map(Image i, ShapeContext c) => new()
    {
        ["Architecture"] = i.Architecture,
        ["CreationDate"] = ImageOperations.Timestamp(i.CreationDate),
        ["ImageId"] = i.Id,
        ["ImageLocation"] = $"{i.OwnerAlias ?? i.OwnerId}/{i.Name}",
        ["ImageType"] = "machine",
        ["Public"] = true,
        ["OwnerId"] = i.OwnerId,
        ["Platform"] = i.Platform,
        ["PlatformDetails"] = i.PlatformDetails,
        ["UsageOperation"] = i.UsageOperation,
        ["State"] = "available",
        ["BlockDeviceMappings"] = new JsonArray(new JsonObject
        {
            ["DeviceName"] = i.RootDeviceName,
            ["Ebs"] = new JsonObject
            {
                ["DeleteOnTermination"] = true,
                ["SnapshotId"] = i.RootSnapshotId,
                ["VolumeSize"] = i.RootVolumeSize,
                ["VolumeType"] = i.RootVolumeType,
                ["Encrypted"] = false,
            },
        }),
        ["Description"] = i.Description,
        ["EnaSupport"] = true,
        ["Hypervisor"] = "xen",
        ["ImageOwnerAlias"] = i.OwnerAlias,
        ["Name"] = i.Name,
        ["RootDeviceName"] = i.RootDeviceName,
        ["RootDeviceType"] = "ebs",
        ["SriovNetSupport"] = "simple",
        ["Tags"] = c.Tags(i.Id),
        ["VirtualizationType"] = "hvm",
        ["BootMode"] = i.BootMode,
        ["ImdsSupport"] = i.ImdsSupport,
    };
}
