namespace VpcLab.Query.Tests;

/// <summary>Three delivered files of three formats in both key layouts, with numbers small enough to add up by hand:
/// a default-format text file (default layout), a custom version-5 text file (Hive layout, per hour) and a Parquet file
/// (Hive layout).</summary>
public static class SampleLogs
{
    public const string AccountA = "123456789012";
    public const string AccountB = "012345678901"; // a leading zero: account ids are strings, never numbers
    public static readonly DateTime DayA = new(2026, 11, 23, 16, 20, 0, DateTimeKind.Utc);
    public static readonly DateTime DayB = new(2026, 11, 22, 13, 5, 0, DateTimeKind.Utc);

    public static readonly string[] DefaultFields =
        ["version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status"];

    public static readonly string[] DefaultRecords =
    [
        "2 123456789012 eni-a 10.0.1.5 10.0.2.7 49152 443 6 10 5000 1795450800 1795450860 ACCEPT OK",
        "2 123456789012 eni-a 10.0.2.7 10.0.1.5 443 49152 6 8 3000 1795450800 1795450860 ACCEPT OK",
        "2 123456789012 eni-a 203.0.113.12 10.0.1.5 0 0 1 4 336 1795450800 1795450860 REJECT OK",
        "2 123456789012 eni-b - - - - - - - 1795450800 1795450860 - NODATA",
    ];

    public static readonly string[] CustomFields =
        ["version", "interface-id", "srcaddr", "dstaddr", "dstport", "protocol", "packets", "bytes", "action", "log-status", "vpc-id", "flow-direction", "traffic-path", "pkt-dst-aws-service"];

    public static readonly string[] CustomRecords =
    [
        "5 eni-c 10.1.0.5 52.95.128.179 443 6 20 9000 ACCEPT OK vpc-1 egress 7 S3",
        "5 eni-c 52.95.128.179 10.1.0.5 49200 6 18 12000 ACCEPT OK vpc-1 ingress - -",
        "5 eni-c 10.1.0.5 8.8.8.8 53 17 1 80 ACCEPT OK vpc-1 egress 8 -",
        "5 eni-c 10.1.0.5 203.0.113.9 22 6 3 180 REJECT OK vpc-1 egress 8 -",
    ];

    public static readonly string[] ParquetFields =
        ["version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes",
         "start", "end", "action", "log-status", "vpc-id", "subnet-id", "tcp-flags", "region", "flow-direction", "traffic-path", "pkt-dst-aws-service"];

    public static readonly string[] ParquetRecords =
    [
        "5 012345678901 eni-d 10.2.0.9 52.94.0.10 40000 443 6 30 15000 1795450800 1795450860 ACCEPT OK vpc-2 subnet-2 2 us-west-2 egress 7 DYNAMODB",
        "5 012345678901 eni-d 10.2.0.9 10.2.1.4 40001 5432 6 5 400 1795450800 1795450860 REJECT OK vpc-2 subnet-2 2 us-west-2 egress 1 -",
        "5 012345678901 eni-d 198.51.100.1 10.2.0.9 5555 22 6 2 120 1795450800 1795450860 REJECT OK vpc-2 subnet-2 2 us-west-2 ingress - -",
    ];

    public static string WriteDefaultText(FlowLogTree tree) =>
        tree.WriteText("bucket-a", FlowLogTree.DefaultKey(AccountA, "us-east-1", DayA),
            FlowLogTree.FileName(AccountA, "us-east-1", DayA, "log.gz"), DefaultFields, DefaultRecords);

    public static string WriteCustomText(FlowLogTree tree) =>
        tree.WriteText("bucket-a/team/logs", FlowLogTree.HiveKey(AccountA, "eu-west-1", DayB, perHour: true),
            FlowLogTree.FileName(AccountA, "eu-west-1", DayB, "log.gz"), CustomFields, CustomRecords);

    public static string WriteParquet(FlowLogTree tree) =>
        tree.WriteParquet("bucket-b", FlowLogTree.HiveKey(AccountB, "us-west-2", DayA),
            FlowLogTree.FileName(AccountB, "us-west-2", DayA, "log.parquet"), ParquetFields, ParquetRecords);

    /// <summary>Writes all three files.</summary>
    public static FlowLogTree WriteAll()
    {
        var tree = new FlowLogTree();
        WriteDefaultText(tree);
        WriteCustomText(tree);
        WriteParquet(tree);
        return tree;
    }

    /// <summary>Every OK record of every file as field → value ('-' and absent fields are missing), for sums the tests
    /// compute themselves.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> AllRecords() =>
    [
        .. Parse(DefaultFields, DefaultRecords),
        .. Parse(CustomFields, CustomRecords),
        .. Parse(ParquetFields, ParquetRecords),
    ];

    private static IEnumerable<IReadOnlyDictionary<string, string>> Parse(string[] fields, string[] records) =>
        records.Select(r => (IReadOnlyDictionary<string, string>)r.Split(' ')
            .Select((v, i) => (Field: fields[i], Value: v))
            .Where(p => p.Value != "-")
            .ToDictionary(p => p.Field, p => p.Value));
}
