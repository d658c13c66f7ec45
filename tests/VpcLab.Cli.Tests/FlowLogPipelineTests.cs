using System.Globalization;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.ControlPlane.Time;
using VpcLab.Engine;
using VpcLab.FlowLogs;
using VpcLab.FlowLogs.Traffic;
using VpcLab.Model;
using VpcLab.Query;

namespace VpcLab.Cli.Tests;

/// <summary>The whole pipeline on a fixed scenario: the seed's workloads for 20 simulated minutes (seed 42), delivered
/// as S3 files, then the example queries of docs/athena.md. Each expected number is computed from the records the run
/// produced, independently of the files and of DuckDB.</summary>
public sealed class FlowLogPipelineTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("vpclab-pipeline-").FullName;
    private readonly FlowRecord[] _s3Records;
    private readonly FlowLogQuery _query;

    public FlowLogPipelineTests()
    {
        var file = ScenarioFiles.Resolve("seed");
        var start = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var loaded = ScenarioLoader.LoadFile(file, new ControlPlaneOptions { Clock = new SimulatedClock(start) });
        var result = new TrafficSimulator(CompiledNetwork.Compile(loaded.Network)).Run(WorkloadParser.ParseFile(file), start, TimeSpan.FromMinutes(20));
        new FlowLogOutput(_out).DeliverAsync(loaded.Network, result).GetAwaiter().GetResult();
        _s3Records = [.. result.Records.Where(r => loaded.Network.FlowLogs[r.Key].DestinationType == FlowLogDestinationType.S3).SelectMany(r => r.Value)];
        _query = FlowLogQuery.Open(FlowLogsDirectory.Resolve(_out));
    }

    public void Dispose()
    {
        _query.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_out, recursive: true);
    }

    private static long L(object? v) => Convert.ToInt64(v, CultureInfo.InvariantCulture);

    [Fact]
    public void Every_delivered_record_is_in_the_table()
    {
        var rows = _query.Execute("SELECT count(*), sum(packets), sum(bytes) FROM vpc_flow_logs").Rows.Single();
        Assert.True(_s3Records.Length > 1000);
        Assert.Equal(_s3Records.Length, L(rows[0]));
        Assert.Equal(_s3Records.Sum(r => r.Packets), L(rows[1]));
        Assert.Equal(_s3Records.Sum(r => r.Bytes), L(rows[2]));
    }

    [Fact]
    public void Bytes_by_traffic_path_matches_the_records()
    {
        var expected = _s3Records.Where(r => r.Direction == TrafficDirection.Egress)
            .GroupBy(r => r.TrafficPath)
            .OrderBy(g => g.Key == 0 ? int.MaxValue : g.Key)
            .Select(g => (g.Key == 0 ? (long?)null : g.Key, g.Sum(r => r.Packets), g.Sum(r => r.Bytes), (long)g.Count()))
            .ToArray();
        var actual = _query.Execute(ExampleQueries.BytesByTrafficPath.Sql).Rows
            .Select(r => (r[0] is null ? (long?)null : L(r[0]), L(r[2]), L(r[3]), L(r[4]))).ToArray();
        Assert.Equal(expected, actual);
        Assert.Contains(actual, a => a.Item1 == 8); // the web tier's replies and the NAT gateway's traffic
        Assert.Contains(actual, a => a.Item1 == 1);
    }

    [Fact]
    public void Top_talkers_matches_the_records()
    {
        var expected = _s3Records.Where(r => r.Status == LogStatus.Ok)
            .GroupBy(r => (Src: r.SrcAddr.ToString(), Dst: r.DstAddr.ToString()))
            .Select(g => (g.Key.Src, g.Key.Dst, g.Sum(r => r.Packets), g.Sum(r => r.Bytes), (long)g.Count()))
            .OrderByDescending(t => t.Item4).ThenBy(t => t.Src, StringComparer.Ordinal).ThenBy(t => t.Dst, StringComparer.Ordinal)
            .Take(10).ToArray();
        var actual = _query.Execute(ExampleQueries.TopTalkers.Sql).Rows
            .Select(r => ((string)r[0]!, (string)r[1]!, L(r[2]), L(r[3]), L(r[4]))).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Rejected_by_port_counts_the_scan_and_the_refused_replies()
    {
        var rejected = _s3Records.Where(r => !r.Accepted && r.Status == LogStatus.Ok).ToArray();
        var rows = _query.Execute(ExampleQueries.RejectedByPort.Sql).Rows;
        Assert.Equal(rejected.Length, rows.Sum(r => L(r[2])));
        Assert.Equal(rejected.Sum(r => r.Packets), rows.Sum(r => L(r[3])));
        // The RDP scan (ports 3380-3399, one SYN each) is in the table, port by port.
        foreach (int port in Enumerable.Range(3380, 20))
            Assert.Contains(rows, r => L(r[0]) == port && L(r[1]) == 6);
    }
}
