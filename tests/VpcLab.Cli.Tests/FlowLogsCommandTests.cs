using VpcLab.Cli.Commands;
using VpcLab.FlowLogs.CloudWatchLogs;

namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab flowlogs tail/groups/streams</c> over a real store file written as a run writes it.</summary>
public sealed class FlowLogsCommandTests : IDisposable
{
    private static readonly LogScope Scope = new("111111111111", "us-east-1");
    private readonly string _out = Directory.CreateTempSubdirectory("vpclab-flowlogs-").FullName;

    public FlowLogsCommandTests()
    {
        using var store = CloudWatchLogsStore.Open(Path.Combine(_out, FlowLogsCommand.StoreFileName));
        store.EnsureLogGroupAndStream(Scope, "/vpc/flow", "eni-a-all");
        store.EnsureLogGroupAndStream(Scope, "/vpc/flow", "eni-b-all");
        store.PutLogEvents(Scope, "/vpc/flow", "eni-a-all", [
            new(1_795_392_000_000, "2 111111111111 eni-a 10.0.1.5 10.0.2.7 49152 22 6 1 40 1795392000 1795392060 REJECT OK"),
            new(1_795_392_120_000, "2 111111111111 eni-a 10.0.1.5 10.0.2.7 49153 443 6 9 900 1795392120 1795392180 ACCEPT OK"),
        ]);
        store.PutLogEvents(Scope, "/vpc/flow", "eni-b-all", [
            new(1_795_392_060_000, "2 111111111111 eni-b 10.0.2.7 10.0.1.5 443 49153 6 9 900 1795392060 1795392120 ACCEPT OK"),
        ]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_out, recursive: true);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Tail_PrintsEveryEventInTimeOrder_WithTimestampAndStream()
    {
        var run = CliRun.Of("flowlogs", "tail", "--out", _out, "--group", "/vpc/flow");
        Assert.Equal(0, run.ExitCode);
        var lines = Lines(run.Out);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2026-11-23T00:00:00.000Z eni-a-all 2 111111111111 eni-a", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2026-11-23T00:01:00.000Z eni-b-all ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2026-11-23T00:02:00.000Z eni-a-all ", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--filter", "REJECT" }, 1)]
    [InlineData(new[] { "--filter", "[..., action=ACCEPT, status]" }, 2)]
    [InlineData(new[] { "--stream", "eni-b-all" }, 1)]
    [InlineData(new[] { "--limit", "2" }, 2)]
    public void Tail_FilterStreamAndLimit_Narrow(string[] extra, int expected)
    {
        var run = CliRun.Of(["flowlogs", "tail", "--out", _out, "--group", "/vpc/flow", .. extra]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, Lines(run.Out).Length);
    }

    [Fact]
    public void Tail_Limit_KeepsTheLatest()
    {
        var run = CliRun.Of("flowlogs", "tail", "--out", _out, "--group", "/vpc/flow", "--limit", "1");
        Assert.Contains("ACCEPT", Assert.Single(Lines(run.Out)), StringComparison.Ordinal);
        Assert.StartsWith("2026-11-23T00:02:00.000Z", Lines(run.Out)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void FlowLogsCommand_GroupsAndStreams_ListAsTables()
    {
        var groups = CliRun.Of("flowlogs", "groups", "--out", _out);
        Assert.Equal(0, groups.ExitCode);
        Assert.Contains("/vpc/flow", groups.Out, StringComparison.Ordinal);
        Assert.Contains("111111111111", groups.Out, StringComparison.Ordinal);
        var streams = CliRun.Of("flowlogs", "streams", "--out", _out, "--group", "/vpc/flow");
        Assert.Equal(0, streams.ExitCode);
        Assert.Contains("eni-a-all", streams.Out, StringComparison.Ordinal);
        Assert.Contains("eni-b-all", streams.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tail", "--group", "/nope")] // unknown group
    [InlineData("tail", "--group", "/vpc/flow", "--filter", "{ $.x = 1 }")] // unsupported pattern
    [InlineData("tail", "--group", "/vpc/flow", "--limit", "0")]
    public void BadInput_OneLineError_Exit2(params string[] args)
    {
        var run = CliRun.Of(["flowlogs", args[0], "--out", _out, .. args[1..]]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void FlowLogsCommand_MissingStore_SaysWhere()
    {
        var empty = Directory.CreateTempSubdirectory("vpclab-empty-").FullName;
        try
        {
            var run = CliRun.Of("flowlogs", "groups", "--out", empty);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("cloudwatch-logs.db", run.Err, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(empty, "cloudwatch-logs.db")));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Theory]
    [InlineData("flowlogs")]
    [InlineData("flowlogs", "tail")]
    [InlineData("flowlogs", "groups")]
    [InlineData("flowlogs", "streams")]
    public void Help_Everywhere(params string[] path)
    {
        var run = CliRun.Of([.. path, "--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
    }
}
