using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The volume row of <see cref="ResourceKinds"/>: vol- ids, InvalidVolumeID.Malformed and
/// InvalidVolume.NotFound, the owner rule, tag type "volume".</summary>
public static class VolumeKind
{
    public const string ResourceType = "volume";

    public static readonly ResourceKind<string, Volume> Kind = new(
        "volume", IdPrefixes.Volume, "VolumeId", ResourceType, VolumeErrors.Malformed, VolumeErrors.NotFound,
        id => id, (n, id) => n.Volumes.GetValueOrDefault(id), (v, c) => v.OwnerId == c.Account && v.Region == c.Region)
    {
        BlockedBy = [new("an attachment", (_, v) => v.Attachment is not null)],
    };

    /// <summary>The caller's volume, else the kind's Malformed or NotFound error.</summary>
    internal static Volume Require(Transaction tx, string id) => tx.Require(Kind, id);
}
