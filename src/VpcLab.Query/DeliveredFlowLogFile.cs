using System.Text.RegularExpressions;

namespace VpcLab.Query;

/// <summary>One delivered flow log file and the partition values its key carries (null where the key has none).</summary>
public sealed partial record DeliveredFlowLogFile(
    string Path, FlowLogFileKind Kind, FlowLogKeyLayout Layout,
    string? AccountId, string? Service, string? Region, string? Year, string? Month, string? Day, string? Hour)
{
    /// <summary>Text files are named <c>….log.gz</c>; Parquet files <c>….log.parquet</c> (spec §5.1).</summary>
    public static FlowLogFileKind? KindOf(string path) =>
        path.EndsWith(".log.gz", StringComparison.Ordinal) ? FlowLogFileKind.Text
        : path.EndsWith(".parquet", StringComparison.Ordinal) ? FlowLogFileKind.Parquet
        : null;

    /// <summary>Reads the layout and partition values from a path ('/' or '\' separated).</summary>
    public static DeliveredFlowLogFile FromPath(string path, FlowLogFileKind kind)
    {
        var key = path.Replace('\\', '/');
        var m = DefaultKey().Match(key);
        if (m.Success)
            return new(path, kind, FlowLogKeyLayout.Default, m.Groups["acct"].Value, "vpcflowlogs", m.Groups["region"].Value,
                m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, NullIfEmpty(m.Groups["h"].Value));
        m = HiveKey().Match(key);
        if (m.Success)
            return new(path, kind, FlowLogKeyLayout.Hive, m.Groups["acct"].Value, m.Groups["svc"].Value, m.Groups["region"].Value,
                m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, NullIfEmpty(m.Groups["h"].Value));
        return new(path, kind, FlowLogKeyLayout.Unknown, null, null, null, null, null, null, null);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    [GeneratedRegex(@"(?:^|/)AWSLogs/(?<acct>[^/=]+)/vpcflowlogs/(?<region>[^/]+)/(?<y>\d{4})/(?<m>\d{2})/(?<d>\d{2})/(?:(?<h>\d{2})/)?[^/]+$")]
    private static partial Regex DefaultKey();

    // Older copies of the S3 page wrote "service=" for the second key; AWS writes "aws-service=" now (spec §5.1).
    [GeneratedRegex(@"(?:^|/)AWSLogs/aws-account-id=(?<acct>[^/]+)/(?:aws-)?service=(?<svc>[^/]+)/aws-region=(?<region>[^/]+)/year=(?<y>\d{4})/month=(?<m>\d{2})/day=(?<d>\d{2})/(?:hour=(?<h>\d{2})/)?[^/]+$")]
    private static partial Regex HiveKey();
}
