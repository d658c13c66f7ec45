namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>Delivery groups: a fixed, stable partition of interfaces (FNV-1a of the interface id modulo
/// <see cref="Count"/>). A sharded run cuts each slice's file by group, so a file holds the records of one group, and
/// shard I of N plays the groups g with g mod N = I: the files of N shards are disjoint and their union is the
/// output of one process (docs/semantics.md#shards). AWS too writes several files per slice ("Multiple files may be
/// published"), one per collecting host.</summary>
public static class InterfaceGroups
{
    /// <summary>60 groups: N shards get equal shares for N = 1–6, 10, 12, 15, 20, 30, 60, and at most 60 shards.</summary>
    public const int Count = 60;

    /// <summary>The group of an interface: the same on every machine and in every run.</summary>
    public static int Of(string interfaceId)
    {
        ArgumentNullException.ThrowIfNull(interfaceId);
        ulong h = 14695981039346656037UL;
        foreach (char c in interfaceId)
            h = (h ^ c) * 1099511628211UL;
        return (int)(h % Count);
    }
}
