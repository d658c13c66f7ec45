using VpcLab.Engine;
using VpcLab.FlowLogs.Traffic;

namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>A run is streamed: each aggregation window is delivered when it closes and forgotten, each 5-minute S3
/// slice written when no record to come can fall in it (docs/semantics.md#flow-log-streaming). The files must be
/// the very bytes of delivering the whole run at once, and of the run before streaming (golden manifests).</summary>
public sealed class StreamingDeliveryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"vpclab-stream-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Golden: the manifests were written by `vpclab traffic` at revision 8d41845, which kept the whole run in memory
    // and delivered it at the end (the command is in each manifest's first line).
    [Theory]
    [InlineData("seed-1h.sha256", 60, 42UL, false)]
    [InlineData("seed-2h-nodata-seed7.sha256", 120, 7UL, true)]
    public async Task StreamedRun_Seed_WritesTheFilesOfTheRunBeforeStreaming(string golden, int minutes, ulong seed, bool noData)
    {
        var lab = new TrafficLab("seed");
        await RunStreamedAsync(lab, _root, TimeSpan.FromMinutes(minutes), new TrafficOptions { Seed = seed, EmitNoData = noData });
        Assert.Equal(DeliveredFiles.Golden(golden), DeliveredFiles.Manifest(_root));
    }

    // Every shipped scenario with workloads: 60-s (Nitro) and 600-s windows, S3 text and Parquet, Hive folders,
    // CloudWatch Logs; with and without NODATA. Streamed files and events equal one delivery of all the records.
    [Theory]
    [InlineData("seed", false)]
    [InlineData("seed", true)]
    [InlineData("ping-flow-logs", true)]
    [InlineData("gateway-endpoint", false)]
    [InlineData("interface-endpoint", true)]
    [InlineData("nat64-dns64", false)]
    public async Task StreamedRun_ShippedScenario_EqualsDeliveringAllRecordsAtOnce(string scenario, bool noData)
    {
        var lab = new TrafficLab(scenario);
        var options = new TrafficOptions { Seed = 3, EmitNoData = noData };
        var duration = TimeSpan.FromMinutes(47);
        var streamed = Path.Combine(_root, "streamed");
        var atOnce = Path.Combine(_root, "at-once");
        var run = await RunStreamedAsync(lab, streamed, duration, options);
        var all = new TrafficSimulator(CompiledNetwork.Compile(lab.Network), options).Run(lab.Workload, TrafficLab.Start, duration);
        var delivered = await new FlowLogOutput(atOnce).DeliverAsync(lab.Network, all, Ct);

        Assert.Equal(DeliveredFiles.Manifest(atOnce), DeliveredFiles.Manifest(streamed));
        Assert.Equal(all.RecordCount, run.Traffic.RecordCount);
        Assert.Equal(delivered.Select(d => (d.FlowLog.Id, d.Records, string.Join(' ', d.Locations))),
            run.Delivered.Select(d => (d.FlowLog.Id, d.Records, string.Join(' ', d.Locations))));
    }

    // Slices are formatted and compressed on several cores and written in order: the files do not depend on how many.
    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    public async Task StreamedRun_SeveralWorkers_WritesTheFilesOfOneWorker(int workers)
    {
        var lab = new TrafficLab("seed");
        var options = new TrafficOptions { Seed = 11, EmitNoData = true };
        var one = Path.Combine(_root, "one");
        var many = Path.Combine(_root, "many");
        var a = await RunStreamedAsync(lab, one, TimeSpan.FromMinutes(90), options, workers: 1);
        var b = await RunStreamedAsync(lab, many, TimeSpan.FromMinutes(90), options, workers);
        Assert.Equal(DeliveredFiles.Manifest(one), DeliveredFiles.Manifest(many));
        Assert.Equal(a.Delivered.SelectMany(d => d.Locations), b.Delivered.SelectMany(d => d.Locations));
    }

    // The progress bar (vpclab traffic) shows simulated time, records and bytes written as delivery reports them:
    // never going back, ending at the run's end with every record and at least the S3 objects' bytes.
    [Fact]
    public async Task StreamedRun_Progress_ReportsSimulatedTimeRecordsAndBytesUpToTheEnd()
    {
        var lab = new TrafficLab("seed");
        var reports = new Reports();
        var duration = TimeSpan.FromMinutes(40);
        var result = await TrafficRun.RunAsync(new TrafficRunRequest(lab.Network, lab.Workload, duration, TrafficLab.Start,
            new FlowLogOutput(_root)) { Options = new TrafficOptions { Seed = 5 } }, reports, Ct);

        Assert.True(reports.All.Count > 2);
        for (int i = 1; i < reports.All.Count; i++)
        {
            Assert.True(reports.All[i].Simulated >= reports.All[i - 1].Simulated);
            Assert.True(reports.All[i].Records >= reports.All[i - 1].Records);
            Assert.True(reports.All[i].Bytes >= reports.All[i - 1].Bytes);
        }
        var last = reports.All[^1];
        Assert.Equal(TrafficLab.Start + duration, last.Simulated);
        Assert.Equal(result.Traffic.RecordCount, last.Records);
        long s3 = Directory.EnumerateFiles(Path.Combine(_root, "s3"), "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(s3 > 0 && last.Bytes >= s3, $"{last.Bytes} bytes reported, {s3} in S3 objects");
    }

    /// <summary>Progress reports kept in order, on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
    private sealed class Reports : IProgress<TrafficProgress>
    {
        public List<TrafficProgress> All { get; } = [];

        public void Report(TrafficProgress value)
        {
            lock (All)
                All.Add(value);
        }
    }

    private static Task<TrafficRunResult> RunStreamedAsync(TrafficLab lab, string root, TimeSpan duration, TrafficOptions options, int workers = 4) =>
        TrafficRun.RunAsync(new TrafficRunRequest(lab.Network, lab.Workload, duration, TrafficLab.Start, new FlowLogOutput(root) { Workers = workers })
        {
            Options = options,
        }, cancellationToken: Ct);
}
