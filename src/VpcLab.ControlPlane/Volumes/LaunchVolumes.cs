using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The volumes RunInstances creates and TerminateInstances removes (docs/semantics.md#ebs-volumes): the root
/// volume from the image (its size and type unless the block device mapping of the root device changes them) and one
/// volume per other EBS mapping; at termination the volumes marked DeleteOnTermination go, the others are detached.
/// The root volume's id is derived from the instance's, so launching draws no more ids than before.</summary>
internal static class LaunchVolumes
{
    public static void Create(Transaction tx, Instance instance, string zone, IReadOnlyList<BlockDeviceMappingSpec>? mappings)
    {
        var image = ImageCatalog.Find(instance.Region, instance.ImageId);
        var rootDevice = VolumeDevices.RootDeviceName(instance);
        var rootSize = image?.RootVolumeSize ?? 8;
        var root = mappings?.FirstOrDefault(m => m.DeviceName == rootDevice)?.Ebs;
        if (root?.VolumeSize is { } requested && requested < rootSize)
            throw VolumeErrors.SmallerThanSnapshot(requested, image?.RootSnapshotId ?? "", rootSize);
        var rootSpec = VolumeSpec.Check(root?.VolumeSize ?? rootSize, root?.VolumeType ?? image?.RootVolumeType ?? "gp3", root?.Iops, root?.Throughput);
        Add(tx, "vol-" + instance.Id.Value[2..], instance, zone, rootDevice, rootSpec, root?.Encrypted ?? false, image?.RootSnapshotId ?? "",
            root?.DeleteOnTermination ?? true);
        foreach (var mapping in mappings ?? [])
        {
            if (mapping.DeviceName == rootDevice || mapping.Ebs is not { } ebs || mapping.NoDevice is not null)
                continue;
            var device = mapping.DeviceName ?? throw Ec2Errors.MissingParameter("BlockDeviceMapping.DeviceName");
            if (!VolumeDevices.IsValid(device))
                throw VolumeErrors.InvalidDevice(device);
            var size = ebs.VolumeSize ?? throw VolumeErrors.MappingWithoutSize(device);
            var spec = VolumeSpec.Check(size, ebs.VolumeType, ebs.Iops, ebs.Throughput);
            Add(tx, tx.NewId(IdPrefixes.Volume), instance, zone, device, spec, ebs.Encrypted ?? false, "", ebs.DeleteOnTermination ?? true);
        }
    }

    private static void Add(Transaction tx, string id, Instance instance, string zone, string device, VolumeSpec spec, bool encrypted,
        string snapshotId, bool deleteOnTermination)
    {
        var volume = new Volume(id, instance.OwnerId, instance.Region, zone, spec.Size, spec.VolumeType, spec.Iops, spec.Throughput,
            encrypted, snapshotId, tx.Now)
        {
            Attachment = new VolumeAttachment(instance.Id, device, tx.Now, deleteOnTermination),
        };
        tx.Put(volume);
    }

    /// <summary>TerminateInstances: DeleteOnTermination volumes are deleted, the others detached.</summary>
    public static void Terminate(Transaction tx, InstanceId instance)
    {
        foreach (var volume in VolumeDevices.AttachedTo(tx, instance).ToList())
        {
            if (volume.Attachment!.DeleteOnTermination)
            {
                tx.RemoveVolume(volume.Id);
                tx.RemoveTags(volume.Id);
            }
            else
            {
                tx.Put(volume with { Attachment = null });
            }
        }
    }
}
