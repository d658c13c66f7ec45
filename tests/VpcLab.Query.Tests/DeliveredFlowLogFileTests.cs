namespace VpcLab.Query.Tests;

/// <summary>Partition values read from S3 keys in the four layouts of DestinationOptions (spec/flow-logs.md §5.1).</summary>
public sealed class DeliveredFlowLogFileTests
{
    [Theory]
    [InlineData("/s3/b/AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/23/123456789012_vpcflowlogs_us-east-1_fl-1_20261123T1620Z_a1b2c3d4.log.gz",
        FlowLogKeyLayout.Default, "123456789012", "vpcflowlogs", "us-east-1", "2026", "11", "23", null)]
    [InlineData("/s3/b/p/q/AWSLogs/123456789012/vpcflowlogs/eu-west-1/2026/01/02/07/x.log.gz",
        FlowLogKeyLayout.Default, "123456789012", "vpcflowlogs", "eu-west-1", "2026", "01", "02", "07")]
    [InlineData("/s3/b/AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-west-2/year=2026/month=11/day=23/x.log.parquet",
        FlowLogKeyLayout.Hive, "012345678901", "vpcflowlogs", "us-west-2", "2026", "11", "23", null)]
    [InlineData("/s3/b/AWSLogs/aws-account-id=012345678901/aws-service=vpcflowlogs/aws-region=us-west-2/year=2026/month=11/day=23/hour=05/x.log.gz",
        FlowLogKeyLayout.Hive, "012345678901", "vpcflowlogs", "us-west-2", "2026", "11", "23", "05")]
    // Older pages wrote the second key "service=".
    [InlineData("/s3/b/AWSLogs/aws-account-id=1/service=vpcflowlogs/aws-region=r/year=2026/month=11/day=23/x.log.gz",
        FlowLogKeyLayout.Hive, "1", "vpcflowlogs", "r", "2026", "11", "23", null)]
    [InlineData("/tmp/elsewhere/x.log.gz", FlowLogKeyLayout.Unknown, null, null, null, null, null, null, null)]
    [InlineData("/s3/b/AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/x.log.gz", FlowLogKeyLayout.Unknown, null, null, null, null, null, null, null)]
    public void FromPath_ReadsTheKeysPartitions(string path, FlowLogKeyLayout layout, string? account, string? service, string? region,
        string? year, string? month, string? day, string? hour)
    {
        var file = DeliveredFlowLogFile.FromPath(path, FlowLogFileKind.Text);
        Assert.Equal(new DeliveredFlowLogFile(path, FlowLogFileKind.Text, layout, account, service, region, year, month, day, hour), file);
    }

    [Theory]
    [InlineData("a.log.gz", FlowLogFileKind.Text)]
    [InlineData("a.log.parquet", FlowLogFileKind.Parquet)]
    [InlineData("a.parquet", FlowLogFileKind.Parquet)]
    [InlineData("a.log", null)]
    [InlineData("a.gz.tmp", null)]
    public void KindOf_ByExtension(string name, FlowLogFileKind? kind) => Assert.Equal(kind, DeliveredFlowLogFile.KindOf(name));

    [Fact]
    public void Find_ListsOnlyFlowLogFiles_InPathOrder()
    {
        using var tree = SampleLogs.WriteAll();
        File.WriteAllText(Path.Combine(tree.Root, "README.txt"), "not a log");
        var files = FlowLogFileDiscovery.Find(tree.Root);
        Assert.Equal(3, files.Count);
        Assert.Equal(files.Select(f => f.Path).Order(StringComparer.Ordinal), files.Select(f => f.Path));
        Assert.Equal([FlowLogFileKind.Text, FlowLogFileKind.Text, FlowLogFileKind.Parquet], files.Select(f => f.Kind).Order());
    }
}
