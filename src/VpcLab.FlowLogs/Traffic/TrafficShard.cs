using System.Globalization;
using VpcLab.FlowLogs.Delivery.S3;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>Shard <see cref="Index"/> of <see cref="Count"/> (0-based, as Kubernetes' JOB_COMPLETION_INDEX and AWS
/// Batch's AWS_BATCH_JOB_ARRAY_INDEX count): the run records only the interfaces whose
/// <see cref="InterfaceGroups">delivery group</see> g has g mod Count = Index, and writes one file per slice and group,
/// so the files of the Count shards are disjoint and together are the files of the same run in one process with
/// <c>--shard 0/1</c> (docs/semantics.md#shards).</summary>
public sealed record TrafficShard(int Index, int Count)
{
    /// <summary>"I/N" with 0 ≤ I &lt; N ≤ <see cref="InterfaceGroups.Count"/>; null when the text is not that.</summary>
    public static TrafficShard? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count < 1 || count > InterfaceGroups.Count || index >= count)
            return null;
        return new TrafficShard(index, count);
    }

    /// <summary>Whether this shard records <paramref name="interfaceId"/>.</summary>
    public bool Plays(string interfaceId) => InterfaceGroups.Of(interfaceId) % Count == Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
