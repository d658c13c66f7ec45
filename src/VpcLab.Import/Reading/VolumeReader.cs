using VpcLab.Model;

namespace VpcLab.Import.Reading;

/// <summary>Reads <c>describe-volumes</c>: EBS volumes as the plain records VpcLab keeps (docs/semantics.md#ebs-volumes),
/// so an imported instance's block device mapping answers as AWS printed it. Volumes attached to an instance that
/// was not imported (terminated, not in a VPC) keep no attachment.</summary>
internal static class VolumeReader
{
    public static void Read(FolderContext ctx)
    {
        foreach (var v in ctx.Items(DescribeCalls.Volumes))
        {
            var id = v.String("VolumeId");
            var attachment = v.Items("Attachments").FirstOrDefault() is { } a
                && ctx.Parts.Instances.ContainsKey(new InstanceId(a.String("InstanceId")))
                ? new VolumeAttachment(new InstanceId(a.String("InstanceId")), a.String("Device"), a.Time("AttachTime"),
                    a.Bool("DeleteOnTermination"))
                : null;
            var volume = new Volume(id, ctx.Account, ctx.Region, v.String("AvailabilityZone"), v.Int("Size"), v.String("VolumeType"),
                v.OptionalInt("Iops"), v.OptionalInt("Throughput"), v.Bool("Encrypted"), v.OptionalString("SnapshotId") ?? "",
                v.Time("CreateTime")) { Attachment = attachment };
            if (ctx.Parts.Volumes.TryAdd(id, volume))
                ctx.Parts.Tag(id, v.Tags());
        }
    }
}
