using CsCheck;
using VpcLab.FlowLogs.Traffic;

namespace VpcLab.FlowLogs.Tests.Traffic;

public class PacketBurstTests
{
    // Aggregation windows partition a connection's packets: summed over windows, nothing is lost or counted twice,
    // the opening flag lands in the first window and the FIN in the last (flow-logs.md §2.3).
    [Fact]
    public void Windows_partition_the_packets_bytes_and_flags() =>
        Gen.Select(Gen.Long[1, 5000], Gen.Long[0, 100_000], Gen.Double[0, 3600], Gen.Double[0, 900], Gen.OneOf(Gen.Const(60L), Gen.Const(600L)))
            .Sample((packets, extraBytes, first, length, window) =>
            {
                var burst = new PacketBurst(packets, (packets * 40) + extraBytes, first, first + length, 2, 1);
                long p = 0, b = 0;
                int windows = 0, flags = 0;
                long firstStart = long.MaxValue, lastEnd = long.MinValue;
                for (long w = (long)Math.Floor(first / window); w <= (long)Math.Floor((first + length) / window); w++)
                {
                    if (!burst.Slice(w * window, (w + 1) * window, out var wp, out var wb, out var s, out var e, out var f))
                        continue;
                    Assert.True(wp > 0 && s <= e && s >= w * window && e < (w + 1) * window);
                    p += wp;
                    b += wb;
                    windows++;
                    flags |= f;
                    firstStart = Math.Min(firstStart, s);
                    lastEnd = Math.Max(lastEnd, e);
                }
                Assert.Equal(burst.Packets, p);
                Assert.Equal(burst.Bytes, b);
                Assert.Equal(3, flags);
                Assert.Equal((long)Math.Floor(first), firstStart);
                Assert.True(windows >= 1);
            }, iter: 2000);

    [Theory]
    [InlineData(10, 50, 0, 60, 3)] // SYN and FIN in one window
    [InlineData(10, 100, 0, 60, 2)] // the FIN comes in a later window
    [InlineData(10, 100, 60, 120, 1)] // the SYN came in an earlier one
    [InlineData(10, 200, 60, 120, 0)] // neither: the middle of a long connection
    public void A_connection_spanning_windows_reports_syn_first_and_fin_last(double first, double last, long from, long to, int expectedFlags)
    {
        var burst = new PacketBurst(10, 4000, first, last, 2, 1);
        Assert.True(burst.Slice(from, to, out _, out _, out _, out _, out var flags));
        Assert.Equal(expectedFlags, flags);
    }
}
