using VpcLab.FlowLogs.Traffic;

namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>A folder that already holds a run (docs/semantics.md#re-runs): refused by default, replaced, or appended
/// to by a later run; never a silent overwrite of S3 files or a second copy of CloudWatch Logs events.</summary>
public sealed class ReRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"vpclab-rerun-{Guid.NewGuid():N}");
    private readonly TrafficLab _lab = new("seed");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TrafficRunResult> RunAsync(ExistingRun existing, DateTimeOffset start, Workload? workload = null) =>
        TrafficRun.RunAsync(new TrafficRunRequest(_lab.Network, workload ?? _lab.Workload, TimeSpan.FromMinutes(10), start,
            new FlowLogOutput(_root) { ExistingRun = existing }), cancellationToken: Ct);

    [Fact]
    public async Task Run_FolderHoldsARun_IsRefusedAndChangesNothing()
    {
        await RunAsync(ExistingRun.Refuse, TrafficLab.Start);
        var before = DeliveredFiles.Manifest(_root);
        var e = await Assert.ThrowsAsync<OutputInUseException>(() => RunAsync(ExistingRun.Refuse, TrafficLab.Start));
        Assert.Contains("already holds a run (s3/ and cloudwatch-logs.db)", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, DeliveredFiles.Manifest(_root));
    }

    [Fact]
    public async Task Replace_FolderHoldsARun_GivesTheFilesOfAFreshRun()
    {
        await RunAsync(ExistingRun.Refuse, TrafficLab.Start);
        var fresh = DeliveredFiles.Manifest(_root);
        await RunAsync(ExistingRun.Replace, TrafficLab.Start);
        Assert.Equal(fresh, DeliveredFiles.Manifest(_root));
    }

    // A refused workload leaves the previous run as it was, even when asked to replace it.
    [Fact]
    public async Task Replace_WorkloadIsWrong_KeepsThePreviousRun()
    {
        await RunAsync(ExistingRun.Refuse, TrafficLab.Start);
        var before = DeliveredFiles.Manifest(_root);
        var bad = WorkloadParser.Parse("workloads:\n  - { name: typo, from: app-1, to: apii, protocol: tcp, port: 443 }\n", "w.yaml");
        await Assert.ThrowsAsync<WorkloadException>(() => RunAsync(ExistingRun.Replace, TrafficLab.Start, bad));
        Assert.Equal(before, DeliveredFiles.Manifest(_root));
    }

    [Fact]
    public async Task Append_LaterRun_KeepsEveryFileAndAddsTheNewOnes()
    {
        var first = await RunAsync(ExistingRun.Refuse, TrafficLab.Start);
        var before = DeliveredFiles.Manifest(_root);
        var second = await RunAsync(ExistingRun.Append, TrafficLab.Start.AddMinutes(15));
        var after = DeliveredFiles.Manifest(_root);
        var s3Before = before.Where(l => l.Contains("  s3/", StringComparison.Ordinal)).ToArray();
        Assert.Subset(after.ToHashSet(), s3Before.ToHashSet());
        Assert.True(after.Length > before.Length);
        long events = first.Delivered.Concat(second.Delivered)
            .Where(d => d.FlowLog.DestinationType == Model.FlowLogDestinationType.CloudWatchLogs).Sum(d => (long)d.Records);
        Assert.EndsWith($"events={events}", after[^1], StringComparison.Ordinal);
    }

    // The second run's first slice (or a CloudWatch Logs event at or after its start) is already there.
    [Fact]
    public async Task Append_RunOverlapsThePreviousOne_IsRefusedNamingWhatIsThere()
    {
        await RunAsync(ExistingRun.Refuse, TrafficLab.Start);
        var before = DeliveredFiles.Manifest(_root);
        var e = await Assert.ThrowsAsync<OutputInUseException>(() => RunAsync(ExistingRun.Append, TrafficLab.Start.AddMinutes(5)));
        Assert.Contains("s3://seed-flow-logs/", e.Message, StringComparison.Ordinal);
        Assert.Contains("double CloudWatch Logs events", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, DeliveredFiles.Manifest(_root));
    }
}
