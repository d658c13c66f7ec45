using VpcLab.Model;

namespace VpcLab.ControlPlane.Snapshots;

/// <summary>A served world as one caller sees it at one moment: the whole <see cref="Network"/> (every account and
/// Region, since a path may cross a peering into another account), the caller's account and Region (what
/// <c>vpclab show</c> lists) and the simulated clock's time (what an S3 request's <c>aws:CurrentTime</c> reads). The
/// JSON form is <see cref="WorldSnapshotJson"/>; docs/architecture.md#world-snapshot describes it.</summary>
public sealed record WorldSnapshot(AccountId Account, string Region, DateTimeOffset Time, Network Network)
{
    /// <summary>The <c>format</c> member of the JSON: a reader refuses any other.</summary>
    public const string Format = "vpclab-world/1";
}
