namespace VpcLab.FlowLogs.Traffic;

/// <summary>Packets one interface sees of one side of a connection: <see cref="Packets"/> packets evenly spaced from
/// <see cref="First"/> to <see cref="Last"/> (Unix seconds), the first carrying <see cref="OpenFlags"/> (SYN or SYN-ACK)
/// and the last <see cref="CloseFlags"/> (FIN).</summary>
internal readonly record struct PacketBurst(long Packets, long Bytes, double First, double Last, int OpenFlags, int CloseFlags)
{
    /// <summary>The part of the burst inside [<paramref name="windowStart"/>, <paramref name="windowEnd"/>): false when
    /// no packet falls in it.</summary>
    public bool Slice(long windowStart, long windowEnd, out long packets, out long bytes, out long first, out long last, out int flags)
    {
        packets = bytes = first = last = 0;
        flags = 0;
        long lo, hi;
        if (Packets == 1 || Last <= First)
        {
            if (First < windowStart || First >= windowEnd)
                return false;
            lo = 0;
            hi = Packets - 1;
        }
        else
        {
            double step = (Last - First) / (Packets - 1);
            lo = Math.Max(0, (long)Math.Ceiling((windowStart - First) / step));
            hi = Math.Min(Packets - 1, (long)Math.Ceiling((windowEnd - First) / step) - 1);
            // The estimates may be one off at the edges (floating point): settle each edge on the same test, packet
            // i is in the window when First + i × step lies in [windowStart, windowEnd), so adjacent windows agree.
            while (lo > 0 && First + ((lo - 1) * step) >= windowStart)
                lo--;
            while (lo <= hi && First + (lo * step) < windowStart)
                lo++;
            while (hi < Packets - 1 && First + ((hi + 1) * step) < windowEnd)
                hi++;
            while (hi >= lo && First + (hi * step) >= windowEnd)
                hi--;
            if (lo > hi)
                return false;
        }
        packets = hi - lo + 1;
        long each = Bytes / Packets, extra = Bytes % Packets;
        // The first (Bytes mod Packets) packets carry one byte more, so the slices add up to Bytes exactly.
        bytes = (packets * each) + Math.Max(0, Math.Min(hi + 1, extra) - lo);
        double s = Packets == 1 || Last <= First ? 0 : (Last - First) / (Packets - 1);
        first = (long)Math.Floor(First + (lo * s));
        last = (long)Math.Floor(First + (hi * s));
        if (lo == 0)
            flags |= OpenFlags;
        if (hi == Packets - 1)
            flags |= CloseFlags;
        return true;
    }
}
