using VpcLab.FlowLogs.Traffic;

namespace VpcLab.FlowLogs.Tests.Traffic;

public class TrafficDurationTests
{
    [Theory]
    [InlineData("90", 90)]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    public void Parse_UnitsOrSeconds_GivesTheSpan(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), TrafficDuration.Parse(text));

    [Theory]
    [InlineData("soon")]
    [InlineData("5x")]
    [InlineData("-3")]
    public void Parse_NotADuration_IsNull(string text) => Assert.Null(TrafficDuration.Parse(text));

    [Fact]
    public void ParseRun_ThirtyOneDays_IsTheLongestRun() =>
        Assert.Equal(TrafficDuration.MaxRun, TrafficDuration.ParseRun("31d", "--duration"));

    // docs/semantics.md#the-traffic-action: one limit for both edges.
    [Theory]
    [InlineData("31d1s", "limited to 31 days")]
    [InlineData("0", "not a duration")]
    [InlineData("forever", "not a duration")]
    public void ParseRun_OutsideOneSecondToThirtyOneDays_NamesTheOption(string text, string expected)
    {
        var e = Assert.Throws<WorkloadException>(() => TrafficDuration.ParseRun(text, "--duration"));
        Assert.StartsWith($"--duration '{text}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
