using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>Device names and an instance's attached volumes (its block device mapping, in device order).</summary>
public static class VolumeDevices
{
    /// <summary>A Linux device name (/dev/sdf, /dev/xvdb, /dev/nvme…) or a Windows one (xvdf): AWS refuses others.</summary>
    public static bool IsValid(string device) =>
        (device.StartsWith("/dev/", StringComparison.Ordinal) && device.Length > 5) || device.StartsWith("xvd", StringComparison.Ordinal);

    /// <summary>The volumes attached to an instance, by device name.</summary>
    public static IEnumerable<Volume> AttachedTo(Network network, InstanceId instance)
    {
        ArgumentNullException.ThrowIfNull(network);
        return ByDevice(network.Volumes.Values, instance);
    }

    /// <summary>The same through a published snapshot's index (DescribeInstances' block device mappings).</summary>
    public static IEnumerable<Volume> AttachedTo(IndexedWorld world, InstanceId instance)
    {
        ArgumentNullException.ThrowIfNull(world);
        return ByDevice(world.Where(IndexedKinds.Volume, "attachment.instance-id", instance.Value), instance);
    }

    /// <summary>The same, the instance's volumes found through the index (a launch, a termination, an attachment).</summary>
    internal static IEnumerable<Volume> AttachedTo(Transaction tx, InstanceId instance) =>
        ByDevice(tx.Where(IndexedKinds.Volume, "attachment.instance-id", instance.Value), instance);

    private static IEnumerable<Volume> ByDevice(IEnumerable<Volume> volumes, InstanceId instance) =>
        volumes.Where(v => v.Attachment?.InstanceId == instance).OrderBy(v => v.Attachment!.Device, StringComparer.Ordinal);

    /// <summary>The root device of an instance: its image's.</summary>
    public static string RootDeviceName(Instance instance) =>
        ImageCatalog.Find(instance.Region, instance.ImageId)?.RootDeviceName ?? InstanceAttributeOperations.RootDeviceName;

    public static bool IsRoot(Network network, Instance instance, string device) => device == RootDeviceName(instance);
}
