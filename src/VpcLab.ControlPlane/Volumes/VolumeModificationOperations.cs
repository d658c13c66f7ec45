using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>ModifyVolume and DescribeVolumesModifications (docs/semantics.md#volume-modifications): size, type, IOPS
/// and throughput changed under CreateVolume's rules (<see cref="VolumeSpec"/>), never smaller, at most once per six
/// hours of the simulated clock.</summary>
public sealed class VolumeModificationOperations
{
    public const string Modifying = "modifying";
    public const string Completed = "completed";

    /// <summary>"After modifying a volume, you must wait at least six hours … before you can modify the same volume."</summary>
    public static readonly TimeSpan Cooldown = TimeSpan.FromHours(6);

    private readonly ControlPlaneState _state;

    internal VolumeModificationOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public VolumeModificationStatus ModifyVolume(RequestContext ctx, ModifyVolumeRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var volume = VolumeKind.Require(tx, request.VolumeId ?? throw Ec2Errors.MissingParameter("VolumeId"));
            if (request.Size is null && request.VolumeType is null && request.Iops is null && request.Throughput is null)
                throw Ec2Errors.MissingParameter("Size, VolumeType, Iops or Throughput");
            if (volume.Modification is { } last && tx.Now - last.StartTime < Cooldown)
                throw VolumeErrors.ModificationRateExceeded(volume.Id);
            var size = request.Size ?? volume.Size;
            if (size < volume.Size)
                throw VolumeErrors.SmallerThanCurrent(size, volume.Size);
            var type = request.VolumeType ?? volume.VolumeType;
            bool sameType = type == volume.VolumeType;
            // A type's provisioned IOPS and throughput carry over while the type stays; a new type takes its defaults.
            var iops = request.Iops ?? (sameType && type is "gp3" or "io1" or "io2" ? volume.Iops : null);
            var throughput = request.Throughput ?? (sameType && type == "gp3" ? volume.Throughput : null);
            var spec = VolumeSpec.Check(size, type, iops, throughput);
            var modification = new VolumeModification(volume.Id, volume.Size, volume.VolumeType, volume.Iops, volume.Throughput,
                spec.Size, spec.VolumeType, spec.Iops, spec.Throughput, tx.Now);
            var modified = volume with
            {
                Size = spec.Size, VolumeType = spec.VolumeType, Iops = spec.Iops, Throughput = spec.Throughput, Modification = modification,
            };
            tx.Put(modified);
            return new VolumeModificationStatus(modification, Modifying, 0);
        });

    public DescribeVolumesModificationsResult DescribeVolumesModifications(RequestContext ctx, DescribeVolumesModificationsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var volumes = request.VolumeIds is { Count: > 0 } ids
                ? ids.Distinct(StringComparer.Ordinal).Select(id => VolumeKind.Require(tx, id)).ToList()
                : tx.Mine(IndexedKinds.Volume);
            var all = volumes.Where(v => v.Modification is not null).Select(v => new VolumeModificationStatus(v.Modification!, Completed, 100));
            var schema = new FilterSchema<VolumeModificationStatus>(m => m.Modification.VolumeId)
                .Add("volume-id", m => m.Modification.VolumeId)
                .Add("modification-state", m => m.State)
                .Add("original-size", m => Text(m.Modification.OriginalSize))
                .Add("original-volume-type", m => m.Modification.OriginalVolumeType)
                .Add("original-iops", m => Text(m.Modification.OriginalIops))
                .Add("target-size", m => Text(m.Modification.TargetSize))
                .Add("target-volume-type", m => m.Modification.TargetVolumeType)
                .Add("target-iops", m => Text(m.Modification.TargetIops))
                .Add("start-time", m => m.Modification.StartTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            return new DescribeVolumesModificationsResult([.. schema.Apply(all, request.Filters, tx.N).OrderBy(m => m.Modification.VolumeId, StringComparer.Ordinal)]);
        });

    private static string? Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
