namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab trace</c> of one-way ICMP messages (docs/semantics.md#one-way-icmp) on the shipped ping example:
/// the host's security group allows ICMP in, its NACL allows ICMP in and nothing out.</summary>
public class OneWayIcmpCommandTests
{
    private static CliRun Trace(string from, string to, params string[] extra) =>
        CliRun.Of(["trace", "-s", "ping-flow-logs", "--from", from, "--to", to, "--protocol", "icmp", .. extra]);

    // AWS (VPC User Guide, Path MTU Discovery: https://docs.aws.amazon.com/vpc/latest/userguide/path_mtu_discovery.html):
    // fragmentation needed (3/4) is judged in the direction it travels; the NACL's missing outbound rule does not
    // matter, as nothing answers it. An echo request needs its echo reply out, which the NACL denies.
    [Theory]
    [InlineData("203.0.113.12", "host", "3", "4", 0, "delivered", true)]
    [InlineData("host", "203.0.113.12", "3", "4", 1, "dropped", true)]
    [InlineData("203.0.113.12", "host", "8", "0", 1, "on the return path", false)]
    public void Trace_IcmpMessage_ExitCodeAndOneWayPath(string from, string to, string type, string code, int exitCode,
        string verdict, bool oneWay)
    {
        var run = Trace(from, to, "--icmp-type", type, "--icmp-code", code);
        Assert.True(run.ExitCode == exitCode, run.Out + run.Err);
        Assert.Contains(verdict, run.Out, StringComparison.Ordinal);
        Assert.Equal(oneWay, run.Out.Contains("is a one-way message", StringComparison.Ordinal));
        Assert.Equal(!oneWay, run.Out.Contains("return path", StringComparison.Ordinal) && !run.Out.Contains("no return path", StringComparison.Ordinal));
    }

    [Fact]
    public void TraceJson_FragmentationNeeded_SaysOneWayWithTypeAndCodeAndNoReturnPath()
    {
        var run = Trace("203.0.113.12", "host", "--icmp-type", "3", "--icmp-code", "4", "--json");
        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        Assert.Contains("\"oneWay\": true", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"icmpType\": 3", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"icmpCode\": 4", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"return\": []", run.Out, StringComparison.Ordinal);
    }
}
