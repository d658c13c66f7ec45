using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.FlowLogs.Traffic;

namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>docs/semantics.md#shards: N processes each play shard I/N; their files are disjoint and together are the
/// files of the same run in one process (<c>--shard 0/1</c>): same names, same bytes, so the same records.</summary>
public sealed class ShardTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"vpclab-shards-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("seed", 1, false)]
    [InlineData("seed", 2, false)]
    [InlineData("seed", 3, true)]
    [InlineData("interface-endpoint", 3, false)]
    public async Task Shards_OfOneRun_AreDisjointAndTogetherTheSingleProcessFiles(string scenario, int count, bool noData)
    {
        var lab = new TrafficLab(scenario);
        var whole = await RunAsync(lab, new TrafficShard(0, 1), noData, "one-process");
        var shards = new List<string[]>();
        for (int i = 0; i < count; i++)
            shards.Add(await RunAsync(lab, new TrafficShard(i, count), noData, $"shard-{i}-of-{count}"));

        var union = shards.SelectMany(s => s).ToList();
        Assert.Equal(union.Count, union.Select(NameOf).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(whole.Order(StringComparer.Ordinal), union.Order(StringComparer.Ordinal));
        Assert.NotEmpty(whole);
        if (count > 1)
            Assert.True(shards.Count(s => s.Length > 0) > 1, "the run's interfaces fall in more than one shard");
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("59/60", 59, 60)]
    public void Parse_IndexOfCount_IsAShard(string text, int index, int count) => Assert.Equal(new TrafficShard(index, count), TrafficShard.Parse(text));

    [Theory]
    [InlineData("3/3")]
    [InlineData("0/61")]
    [InlineData("-1/2")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void Parse_NotAShard_IsNull(string text) => Assert.Null(TrafficShard.Parse(text));

    [Fact]
    public void Group_OfAnInterface_IsStable() =>
        Assert.Equal(InterfaceGroups.Of("eni-0123456789abcdef0"), InterfaceGroups.Of(new string("eni-0123456789abcdef0".ToCharArray())));

    private static string NameOf(string manifestLine) => manifestLine[(manifestLine.IndexOf("  ", StringComparison.Ordinal) + 2)..];

    /// <summary>The shard's S3 files (manifest lines); CloudWatch Logs stores are per process, compared as events.</summary>
    private async Task<string[]> RunAsync(TrafficLab lab, TrafficShard shard, bool noData, string name)
    {
        var folder = Path.Combine(_root, name);
        await TrafficRun.RunAsync(new TrafficRunRequest(lab.Network, lab.Workload, TimeSpan.FromMinutes(30), TrafficLab.Start, new FlowLogOutput(folder))
        {
            Options = new TrafficOptions { Seed = 5, EmitNoData = noData, Shard = shard },
        }, cancellationToken: Ct);
        return [.. DeliveredFiles.Manifest(folder).Where(l => l.Contains("  s3/", StringComparison.Ordinal)), .. DeliveredFiles.Events(folder)];
    }
}
