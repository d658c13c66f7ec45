using VpcLab.Engine;
using VpcLab.FlowLogs;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Query.Tests;

/// <summary>Files written by the real S3 delivery (VpcLab.FlowLogs) into a local bucket store, in every layout and both
/// file formats, read back through the view.</summary>
public sealed class DeliveredByFlowLogsTests
{
    private static readonly InterfaceContext Eni = new("123456789012", "eni-0123456789abcdef0", "vpc-0123456789abcdef0",
        "subnet-0123456789abcdef0", "i-0123456789abcdef0", "us-east-1", "use1-az1");

    private static readonly long Start = new DateTimeOffset(2026, 11, 23, 16, 20, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private const string V5Format =
        "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} "
        + "${start} ${end} ${action} ${log-status} ${vpc-id} ${region} ${flow-direction} ${traffic-path} ${pkt-dst-aws-service}";

    // Egress to S3 through a gateway endpoint (traffic-path 7), its reply, and a NODATA record of an idle window.
    private static readonly FlowRecord[] Records =
    [
        new(Eni, LogStatus.Ok, TrafficDirection.Egress, IpAddress.Parse("10.0.1.5"), IpAddress.Parse("52.95.128.179"),
            IpAddress.Parse("10.0.1.5"), IpAddress.Parse("52.95.128.179"), 34210, 443, 6, 12, 1500, Start, Start + 50, true, 3, 7, null, "S3"),
        new(Eni, LogStatus.Ok, TrafficDirection.Ingress, IpAddress.Parse("52.95.128.179"), IpAddress.Parse("10.0.1.5"),
            IpAddress.Parse("52.95.128.179"), IpAddress.Parse("10.0.1.5"), 443, 34210, 6, 10, 9000, Start, Start + 50, true, 19,
            FlowRecord.NoTrafficPath, "S3", null),
        FlowRecord.NoData(Eni, Start + 60, Start + 120),
    ];

    // (HiveCompatiblePartitions, PerHourPartition, FileFormat, LogFormat): each layout, each file format, two formats.
    private static readonly (bool Hive, bool PerHour, FlowLogFileFormat FileFormat, string Format)[] Shapes =
    [
        (false, false, FlowLogFileFormat.PlainText, FlowLogFormat.DefaultText),
        (true, true, FlowLogFileFormat.PlainText, V5Format),
        (false, true, FlowLogFileFormat.Parquet, V5Format),
        (true, false, FlowLogFileFormat.Parquet, FlowLogFormat.DefaultText),
    ];

    public static TheoryData<bool, bool, FlowLogFileFormat, string> Logs => new(Shapes);

    [Theory]
    [MemberData(nameof(Logs))]
    public async Task DeliveredFiles_OneLayoutAndFormat_ReadBackWithKeyPartitions(bool hive, bool perHour, FlowLogFileFormat fileFormat, string format)
    {
        using var tree = new FlowLogTree();
        var files = await Deliver(tree.Root, Log("fl-0aaaaaaaaaaaaaaaa", hive, perHour, fileFormat, format));
        using var query = FlowLogQuery.Open(FlowLogsDirectory.Resolve(tree.Root));

        Assert.Equal(files.Count, query.Files.Count);
        Assert.All(query.Files, f => Assert.Equal(hive ? FlowLogKeyLayout.Hive : FlowLogKeyLayout.Default, f.Layout));
        var totals = query.Execute(
            """
            SELECT COUNT(*) AS records, SUM(bytes) AS bytes, COUNT(*) FILTER (WHERE log_status = 'NODATA') AS nodata,
                   COUNT(DISTINCT "aws-region") AS regions, MIN("aws-account-id") AS account, COUNT("hour") AS with_hour,
                   COUNT(*) FILTER (WHERE "date" = DATE '2026-11-23') AS on_day
            FROM vpc_flow_logs
            """).Rows.Single();
        Assert.Equal(new object?[] { 3L, 10500L, 1L, 1L, "123456789012", perHour ? 3L : 0L, 3L }, totals);
        var s3 = query.Execute("SELECT traffic_path, pkt_dst_aws_service, tcp_flags FROM vpc_flow_logs WHERE flow_direction = 'egress'");
        if (format == V5Format)
            Assert.Equal([7, "S3", null], s3.Rows.Single()); // tcp-flags is not in the format
        else
            Assert.Empty(s3.Rows); // the default format has no flow-direction
    }

    [Fact]
    public async Task DeliveredFiles_AllFourLogsInOneTree_AreOneTable()
    {
        using var tree = new FlowLogTree();
        int n = 0;
        foreach (var (hive, perHour, fileFormat, format) in Shapes)
        {
            await Deliver(tree.Root, Log($"fl-0{n++:x16}", hive, perHour, fileFormat, format));
        }
        using var query = FlowLogQuery.Open(FlowLogsDirectory.Resolve(tree.Root));
        var perFile = query.Execute("SELECT \"$path\", COUNT(*) AS records, SUM(bytes) AS bytes FROM vpc_flow_logs GROUP BY 1");
        Assert.Equal(query.Files.Count, perFile.Rows.Count);
        Assert.Equal(4 * 10500L, perFile.Column("bytes").Sum(b => (long)b!));
        var gateway = query.Execute(ExampleQueries.GatewayEndpointTraffic.Sql).Rows.Single();
        // Two v5 logs saw the egress record: 2 × 12 packets, 2 × 1500 bytes.
        Assert.Equal(new object?[] { Eni.InterfaceId, Eni.VpcId, "S3", 7, 24L, 3000L, 2L }, gateway);
    }

    private static FlowLog Log(string id, bool hive, bool perHour, FlowLogFileFormat fileFormat, string format) =>
        new(new FlowLogId(id), new AccountId("123456789012"), "us-east-1", Eni.VpcId, FlowLogResourceType.Vpc,
            FlowLogTrafficType.All, FlowLogDestinationType.S3, "arn:aws:s3:::flow-bucket/team/", null, null, FlowLogFormat.Parse(format),
            600, new FlowLogDestinationOptions(fileFormat, hive, perHour), new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero));

    /// <summary>Delivers like <c>vpclab traffic --out DIR</c>: objects under DIR/s3/{bucket}/{key}.</summary>
    private static async Task<IReadOnlyList<S3FlowLogFile>> Deliver(string outDirectory, FlowLog log)
    {
        var store = new LocalDirectoryBucketStore(Path.Combine(outDirectory, FlowLogsDirectory.S3Folder));
        var files = await S3FlowLogFiles.RenderAsync(log, Records, cancellationToken: TestContext.Current.CancellationToken);
        foreach (var file in files)
            await store.PutObjectAsync(log.S3Bucket!, file.Key, file.Content, TestContext.Current.CancellationToken);
        return files;
    }
}
