namespace VpcLab.Query.Tests;

/// <summary>A delivered text file that is not gzip, or is cut short, is named in the error, among the good ones.</summary>
public sealed class CorruptFileTests : IDisposable
{
    private static readonly string[] Fields = ["version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport",
        "protocol", "packets", "bytes", "start", "end", "action", "log-status"];

    private readonly FlowLogTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private string WriteGood(int minute) => _tree.WriteText("logs", FlowLogTree.DefaultKey("123456789012", "us-east-1", new DateTime(2026, 1, 1)),
        FlowLogTree.FileName("123456789012", "us-east-1", new DateTime(2026, 1, 1, 0, minute, 0), "log.gz"), Fields,
        Enumerable.Range(0, 5000).Select(i => $"2 123456789012 eni-0a1b2c3d4e5f60718 10.0.0.{i % 250} 10.0.1.9 {40000 + i} 443 6 10 {1000 + i} 1767225600 1767225660 ACCEPT OK"));

    [Fact]
    public void Open_FileIsNotGzip_ErrorNamesTheFile()
    {
        WriteGood(0);
        var bad = WriteGood(5);
        File.WriteAllText(bad, "this is not gzip");
        WriteGood(10);
        var e = Assert.Throws<FlowLogQueryException>(() => FlowLogQuery.Open(_tree.Root));
        Assert.Contains(bad, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_FileCutShort_ErrorNamesTheFile()
    {
        WriteGood(0);
        var bad = WriteGood(5);
        var bytes = File.ReadAllBytes(bad);
        // The header and the first lines stay readable; the rest of the stream is gone.
        File.WriteAllBytes(bad, bytes[..(bytes.Length / 2)]);
        WriteGood(10);
        var e = Assert.Throws<FlowLogQueryException>(() =>
        {
            using var query = FlowLogQuery.Open(_tree.Root);
            query.Execute("SELECT count(*), sum(bytes) FROM vpc_flow_logs");
        });
        Assert.Contains(bad, e.Message, StringComparison.Ordinal);
    }
}
