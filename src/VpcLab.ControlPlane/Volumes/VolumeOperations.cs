using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>CreateVolume, DescribeVolumes, AttachVolume, DetachVolume, DeleteVolume: EBS volumes as plain records
/// (docs/semantics.md#ebs-volumes). States settle at once: a new volume is available, an attachment attached.</summary>
public sealed class VolumeOperations
{
    private readonly ControlPlaneState _state;

    internal VolumeOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public Volume CreateVolume(RequestContext ctx, CreateVolumeRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var zone = Zone(tx, request.AvailabilityZone, request.AvailabilityZoneId);
            int size;
            string snapshotId = "";
            if (request.SnapshotId is { } snapshot)
            {
                var image = ImageCatalog.InRegion(tx.RegionName).Values.FirstOrDefault(i => i.RootSnapshotId == snapshot)
                    ?? throw VolumeErrors.SnapshotNotFound(snapshot);
                size = request.Size ?? image.RootVolumeSize;
                if (size < image.RootVolumeSize)
                    throw VolumeErrors.SmallerThanSnapshot(size, snapshot, image.RootVolumeSize);
                snapshotId = snapshot;
            }
            else
            {
                size = request.Size ?? throw Ec2Errors.MissingParameter("size or snapshotId");
            }
            var spec = VolumeSpec.Check(size, request.VolumeType, request.Iops, request.Throughput);
            var volume = new Volume(tx.NewId(IdPrefixes.Volume), tx.Account, tx.RegionName, zone, spec.Size, spec.VolumeType,
                spec.Iops, spec.Throughput, request.Encrypted ?? false, snapshotId, tx.Now);
            tx.Put(volume);
            tx.ApplyTagSpecifications(request.TagSpecifications, VolumeKind.ResourceType, volume.Id);
            return volume;
        });

    public DescribeVolumesResult DescribeVolumes(RequestContext ctx, DescribeVolumesRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = request.VolumeIds is { Count: > 0 } ids
                ? ids.Distinct(StringComparer.Ordinal).Select(id => VolumeKind.Require(tx, id)).ToList()
                : null;
            // volume-id, attachment.instance-id, attachment.status, status, availability-zone and snapshot-id come from
            // the index's row (IndexedKinds.Volume); the rest are checked on its candidates.
            var schema = new FilterSchema<Volume>(IndexedKinds.Volume)
                .Add("size", v => v.Size.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add("volume-type", v => v.VolumeType)
                .Add("encrypted", v => v.Encrypted ? "true" : "false")
                .Add("attachment.device", v => v.Attachment?.Device)
                .Add("attachment.delete-on-termination", v => v.Attachment is null ? null : v.Attachment.DeleteOnTermination ? "true" : "false");
            return new DescribeVolumesResult([.. schema.Select(tx, request.Filters, named)]);
        });

    public VolumeAttachmentResult AttachVolume(RequestContext ctx, AttachVolumeRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var device = request.Device ?? throw Ec2Errors.MissingParameter("device");
            var volume = VolumeKind.Require(tx, request.VolumeId ?? throw Ec2Errors.MissingParameter("volumeId"));
            var instance = tx.Require(ResourceKinds.Instance, request.InstanceId ?? throw Ec2Errors.MissingParameter("instanceId"));
            if (!VolumeDevices.IsValid(device))
                throw VolumeErrors.InvalidDevice(device);
            if (instance.State is InstanceState.Terminated or InstanceState.ShuttingDown)
                throw Ec2Errors.IncorrectInstanceState(instance.Id.Value, InstanceOperations.InstanceStateName(instance.State));
            if (volume.Attachment is not null)
                throw VolumeErrors.AlreadyAttached(volume.Id);
            if (tx.N.Subnets.TryGetValue(instance.SubnetId, out var subnet) && subnet.AvailabilityZone.Name != volume.AvailabilityZone)
                throw VolumeErrors.ZoneMismatch(volume.Id, instance.Id.Value);
            if (VolumeDevices.AttachedTo(tx, instance.Id).Any(v => v.Attachment!.Device == device))
                throw VolumeErrors.DeviceInUse(device);
            var attachment = new VolumeAttachment(instance.Id, device, tx.Now, DeleteOnTermination: false);
            var attached = volume with { Attachment = attachment };
            tx.Put(attached);
            return new VolumeAttachmentResult(attached, attachment, "attaching");
        });

    public VolumeAttachmentResult DetachVolume(RequestContext ctx, DetachVolumeRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var volume = VolumeKind.Require(tx, request.VolumeId ?? throw Ec2Errors.MissingParameter("volumeId"));
            var attachment = volume.Attachment ?? throw VolumeErrors.NotAttached(volume.Id);
            if ((request.InstanceId is { } id && id != attachment.InstanceId.Value) || (request.Device is { } device && device != attachment.Device))
                throw VolumeErrors.NotAttached(volume.Id);
            if (tx.N.Instances.TryGetValue(attachment.InstanceId, out var instance) && instance.State == InstanceState.Running
                && VolumeDevices.IsRoot(tx.N, instance, attachment.Device))
                throw VolumeErrors.RootOfRunningInstance(volume.Id, instance.Id.Value);
            var detached = volume with { Attachment = null };
            tx.Put(detached);
            return new VolumeAttachmentResult(detached, attachment, "detaching");
        });

    public EmptyResult DeleteVolume(RequestContext ctx, DeleteVolumeRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var volume = VolumeKind.Require(tx, request.VolumeId ?? throw Ec2Errors.MissingParameter("volumeId"));
            if (volume.Attachment is { } attachment)
                throw VolumeErrors.AttachedTo(volume.Id, attachment.InstanceId.Value);
            tx.RemoveVolume(volume.Id);
            tx.RemoveTags(volume.Id);
            return EmptyResult.Instance;
        });

    /// <summary>The zone a volume is created in: one of the Region's (AWS: AvailabilityZone or AvailabilityZoneId).</summary>
    private static string Zone(Transaction tx, string? name, string? zoneId)
    {
        if (name is null && zoneId is null)
            throw Ec2Errors.MissingParameter("availabilityZone");
        var zone = tx.Region.Zones.FirstOrDefault(z => name is not null ? z.Name == name : z.ZoneId == zoneId);
        return zone?.Name ?? throw InstanceErrors.InvalidAvailabilityZone(name ?? zoneId!);
    }
}
