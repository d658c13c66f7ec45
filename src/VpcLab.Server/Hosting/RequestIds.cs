namespace VpcLab.Server.Hosting;

/// <summary>Request ids in AWS's shape (a UUID's 8-4-4-4-12 lowercase hex), unique within one server process: 64
/// random bits drawn once, then a counter. <see cref="Guid.NewGuid"/> asks the system's random source on every call,
/// about a microsecond of a request that costs tens (docs/benchmarks.md#api-scale-writes-profile).</summary>
internal static class RequestIds
{
    private static readonly ulong s_process = (ulong)Random.Shared.NextInt64(long.MinValue, long.MaxValue);
    private static long s_counter;

    public static string Next()
    {
        var n = (ulong)Interlocked.Increment(ref s_counter);
        return string.Create(36, (s_process, n), static (span, ids) =>
        {
            Span<char> hex = stackalloc char[32];
            ids.s_process.TryFormat(hex[..16], out _, "x16");
            ids.n.TryFormat(hex[16..], out _, "x16");
            hex[..8].CopyTo(span);
            span[8] = '-';
            hex[8..12].CopyTo(span[9..]);
            span[13] = '-';
            hex[12..16].CopyTo(span[14..]);
            span[18] = '-';
            hex[16..20].CopyTo(span[19..]);
            span[23] = '-';
            hex[20..].CopyTo(span[24..]);
        });
    }
}
