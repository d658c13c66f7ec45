using System.IO.Compression;
using System.Text;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.FlowLogs.Formatting;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Tests.Delivery;

/// <summary>flow-logs.md §5.1: files per 5-minute slice by end time, parts by size, gzip text with one header line.</summary>
public sealed class S3DeliveryTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _root = Directory.CreateTempSubdirectory("vpclab-s3-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Gunzip(byte[] content)
    {
        using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static List<FlowRecord> TwoSlices()
    {
        long t = Samples.At(2018, 6, 20, 16, 20, 0);
        return
        [
            Samples.Tcp("10.0.0.5", "10.0.1.9", 40001, 443, t - 30, t + 10),       // ends in 16:20
            Samples.Tcp("10.0.0.5", "10.0.1.9", 40002, 443, t + 200, t + 299),     // ends 16:24:59 -> 16:20
            Samples.Tcp("10.0.0.5", "10.0.1.9", 40003, 443, t + 250, t + 300),     // ends 16:25:00 -> 16:25
            Samples.Tcp("10.0.0.5", "10.0.1.9", 40004, 443, t - 500, t - 1),       // ends 16:19:59 -> 16:15
        ];
    }

    [Fact]
    public async Task Records_go_to_the_slice_of_their_end_time_one_file_each()
    {
        var files = await S3FlowLogFiles.RenderAsync(Samples.S3Log(), TwoSlices(), cancellationToken: Ct);
        Assert.Equal(["20180620T1615Z", "20180620T1620Z", "20180620T1625Z"],
            files.Select(f => f.Key.Split('_')[^2]));
        Assert.Equal([1, 2, 1], files.Select(f => f.RecordCount));
        Assert.All(files, f => Assert.StartsWith("my-logs/AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/123456789012_vpcflowlogs_us-east-1_fl-1234abcd_", f.Key, StringComparison.Ordinal));
        Assert.All(files, f => Assert.EndsWith(".log.gz", f.Key, StringComparison.Ordinal));
        var middle = Gunzip(files[1].Content).Split('\n');
        Assert.Contains(" 40001 443 ", middle[1], StringComparison.Ordinal);
        Assert.Contains(" 40002 443 ", middle[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_file_is_gzip_with_the_header_line_then_one_record_per_line()
    {
        var log = Samples.S3Log();
        var records = TwoSlices().Take(2).ToList();
        var files = await S3FlowLogFiles.RenderAsync(log, records, cancellationToken: Ct);
        var text = Gunzip(Assert.Single(files).Content);
        var formatter = new FlowRecordFormatter(log.Format);
        Assert.Equal("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n" +
            formatter.FormatLine(records[0]) + "\n" + formatter.FormatLine(records[1]) + "\n", text);
    }

    [Fact]
    public async Task Records_are_ordered_by_start_then_interface_whatever_the_input_order()
    {
        long t = Samples.At(2026, 11, 23, 4, 0, 0);
        var records = new List<FlowRecord>();
        for (int i = 0; i < 40; i++)
            records.Add(Samples.Tcp("10.0.0.5", "10.0.1.9", (ushort)(40000 + i), 443, t + (i % 5), t + 60, i % 2 == 0 ? Samples.Eni : Samples.OtherEni));
        var forward = await S3FlowLogFiles.RenderAsync(Samples.S3Log(), records, cancellationToken: Ct);
        records.Reverse();
        var backward = await S3FlowLogFiles.RenderAsync(Samples.S3Log(), records, cancellationToken: Ct);
        Assert.Equal(Assert.Single(forward).Content, Assert.Single(backward).Content);
        Assert.Equal(forward[0].Key, backward[0].Key);

        var lines = Gunzip(forward[0].Content).TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(' ')).ToList();
        var keys = lines.Select(f => (Start: long.Parse(f[10], System.Globalization.CultureInfo.InvariantCulture), Eni: f[2])).ToList();
        Assert.Equal(keys.OrderBy(k => k.Start).ThenBy(k => k.Eni, StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task A_slice_larger_than_the_size_limit_is_cut_into_parts_of_at_most_that_size()
    {
        long t = Samples.At(2026, 11, 23, 4, 0, 0);
        var records = Enumerable.Range(0, 100).Select(i => Samples.Tcp("10.0.0.5", "10.0.1.9", (ushort)(30000 + i), 443, t, t + 59)).ToList();
        var log = Samples.S3Log();
        var options = new S3DeliveryOptions("test-seed", MaxFileBytes: 1000);
        var files = await S3FlowLogFiles.RenderAsync(log, records, options, cancellationToken: Ct);

        Assert.True(files.Count > 1);
        Assert.Equal(Enumerable.Range(0, files.Count), files.Select(f => f.Part));
        Assert.Equal(files.Count, files.Select(f => f.Key).Distinct().Count());
        var texts = files.Select(f => Gunzip(f.Content)).ToList();
        Assert.All(texts, text => Assert.True(Encoding.UTF8.GetByteCount(text) <= 1000));
        Assert.All(texts, text => Assert.StartsWith(log.Format.HeaderLine + "\n", text, StringComparison.Ordinal));
        // Every record is in exactly one part, in order; a part stops only when the next record would not fit.
        var formatter = new FlowRecordFormatter(log.Format);
        var all = texts.SelectMany(text => text.TrimEnd('\n').Split('\n').Skip(1)).ToList();
        Assert.Equal(records.Select(r => formatter.FormatLine(r)), all);
        for (int i = 0; i < files.Count - 1; i++)
        {
            var nextLine = formatter.FormatLine(records[files.Take(i + 1).Sum(f => f.RecordCount)]);
            Assert.True(Encoding.UTF8.GetByteCount(texts[i]) + nextLine.Length + 1 > 1000);
        }
        Assert.Equal(files.Select(f => f.Key), (await S3FlowLogFiles.RenderAsync(log, records, options, cancellationToken: Ct)).Select(f => f.Key));
    }

    [Fact]
    public async Task A_record_larger_than_the_limit_still_gets_a_file_of_its_own()
    {
        var records = TwoSlices().Take(2).ToList();
        var files = await S3FlowLogFiles.RenderAsync(Samples.S3Log(), records, new S3DeliveryOptions(MaxFileBytes: 10), cancellationToken: Ct);
        Assert.Equal([1, 1], files.Select(f => f.RecordCount));
    }

    [Fact]
    public async Task Deliver_writes_the_objects_into_the_destination_bucket_and_returns_their_keys()
    {
        var store = new LocalDirectoryBucketStore(_root);
        var keys = await new S3FlowLogDelivery(store).DeliverAsync(Samples.S3Log(), TwoSlices(), cancellationToken: Ct);
        Assert.Equal(3, keys.Count);
        Assert.Equal(keys.Order(StringComparer.Ordinal), await store.ListAsync("my-bucket", cancellationToken: Ct));
        Assert.All(keys, k => Assert.True(File.Exists(Path.Combine(_root, "my-bucket", k))));
        Assert.Empty(await new S3FlowLogDelivery(store).DeliverAsync(Samples.S3Log(), [], cancellationToken: Ct));
    }

    [Fact]
    public async Task A_flow_log_that_does_not_deliver_to_S3_is_refused_by_name()
    {
        var cwl = Samples.S3Log() with { DestinationType = FlowLogDestinationType.CloudWatchLogs, LogDestination = "arn:aws:logs:us-east-1:123456789012:log-group:g" };
        var e = await Assert.ThrowsAsync<ArgumentException>(() => S3FlowLogFiles.RenderAsync(cwl, TwoSlices(), cancellationToken: Ct));
        Assert.Contains("fl-1234abcd", e.Message, StringComparison.Ordinal);
    }
}
