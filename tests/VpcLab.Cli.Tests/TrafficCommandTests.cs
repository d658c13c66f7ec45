using System.IO.Compression;
using System.Text.Json;

namespace VpcLab.Cli.Tests;

/// <summary><c>vpclab traffic</c> end to end: a shipped scenario's workloads, delivered files, then <c>vpclab query</c>
/// over them.</summary>
public sealed class TrafficCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("vpclab-traffic-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public void Ping_scenario_delivers_AWS_example_records_that_query_reads()
    {
        var run = CliRun.Of("traffic", "-s", "ping-flow-logs", "--duration", "5m", "--out", _out, "--start", "2015-05-29T16:30:00Z", "--json");
        Assert.True(run.ExitCode == 0, run.Err);
        var summary = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(1, summary.GetProperty("connections").GetInt64());
        // host is an instance (Nitro): 60-s windows although host-log asks for 600 (docs/semantics.md#flow-log-windows), so
        // AWS's one record per direction (4 packets, 336 bytes, 1432917027–1432917142) comes as three, one per minute.
        Assert.Equal(6, summary.GetProperty("records").GetInt64());

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_out, "s3"), "*.log.gz", SearchOption.AllDirectories));
        Assert.Matches(@"ping-flow-logs[/\\]AWSLogs[/\\]123456789010[/\\]vpcflowlogs[/\\]us-east-1[/\\]2015[/\\]05[/\\]29[/\\]123456789010_vpcflowlogs_us-east-1_fl-[0-9a-f]{17}_20150529T1630Z_[0-9a-f]{8}\.log\.gz$", file);
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress)))
        {
            Assert.Equal("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status", reader.ReadLine());
            Assert.EndsWith("203.0.113.12 172.31.16.139 0 0 1 1 84 1432917027 1432917027 ACCEPT OK", reader.ReadLine(), StringComparison.Ordinal);
            Assert.EndsWith("172.31.16.139 203.0.113.12 0 0 1 1 84 1432917027 1432917027 REJECT OK", reader.ReadLine(), StringComparison.Ordinal);
            Assert.EndsWith("203.0.113.12 172.31.16.139 0 0 1 2 168 1432917065 1432917104 ACCEPT OK", reader.ReadLine(), StringComparison.Ordinal);
            Assert.EndsWith("172.31.16.139 203.0.113.12 0 0 1 2 168 1432917065 1432917104 REJECT OK", reader.ReadLine(), StringComparison.Ordinal);
            Assert.EndsWith("203.0.113.12 172.31.16.139 0 0 1 1 84 1432917142 1432917142 ACCEPT OK", reader.ReadLine(), StringComparison.Ordinal);
            Assert.EndsWith("172.31.16.139 203.0.113.12 0 0 1 1 84 1432917142 1432917142 REJECT OK", reader.ReadLine(), StringComparison.Ordinal);
            Assert.Null(reader.ReadLine());
        }

        // Summed over the windows, each direction still carries AWS's 4 packets and 336 bytes.
        var query = CliRun.Of("query", "--logs", _out, "--format", "csv",
            "SELECT action, SUM(packets) AS packets, SUM(bytes) AS bytes FROM vpc_flow_logs GROUP BY action ORDER BY action");
        Assert.True(query.ExitCode == 0, query.Err);
        Assert.Equal(["action,packets,bytes", "ACCEPT,4,336", "REJECT,4,336"], query.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("--duration", "forever", "--duration 'forever'")]
    [InlineData("--duration", "90d", "31 days")]
    [InlineData("--start", "yesterday", "--start 'yesterday'")]
    public void Bad_options_are_one_line_errors(string option, string value, string named)
    {
        var run = CliRun.Of("traffic", "-s", "ping-flow-logs", "--out", _out, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_without_workloads_is_refused()
    {
        var run = CliRun.Of("traffic", "-s", "nacl-sg-teaching", "--out", _out);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no workloads", run.Err, StringComparison.Ordinal);
    }

    // docs/semantics.md#re-runs: a second run into the same --out would overwrite its files and double its
    // CloudWatch Logs events, so it is a usage error unless --replace or --append says what to do.
    [Fact]
    public void Second_run_into_the_same_out_is_refused_unless_replaced()
    {
        string[] args = ["traffic", "-s", "seed", "--duration", "10m", "--out", _out, "--json"];
        Assert.Equal(0, CliRun.Of(args).ExitCode);
        var again = CliRun.Of(args);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already holds a run", again.Err, StringComparison.Ordinal);
        Assert.Contains("--replace", again.Err, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of([.. args, "--replace"]).ExitCode);
        var both = CliRun.Of([.. args, "--replace", "--append"]);
        Assert.Equal(2, both.ExitCode);
        var overlapping = CliRun.Of([.. args, "--append"]);
        Assert.Equal(2, overlapping.ExitCode);
        Assert.Contains("at or after this run's start", overlapping.Err, StringComparison.Ordinal);
    }
}
