namespace VpcLab.Model;

/// <summary>The last ModifyVolume of a volume (docs/semantics.md#volume-modifications): what it was, what it became,
/// and when. The lab applies a modification at once; its start time drives AWS's six-hour cooldown.</summary>
public sealed record VolumeModification(
    string VolumeId, int OriginalSize, string OriginalVolumeType, int? OriginalIops, int? OriginalThroughput,
    int TargetSize, string TargetVolumeType, int? TargetIops, int? TargetThroughput, DateTimeOffset StartTime);
