using System.IO.Compression;

namespace VpcLab.Query;

/// <summary>Finds every delivered flow log file under a directory standing for S3 (<c>{root}/{bucket}/…/AWSLogs/…</c>).</summary>
public static class FlowLogFileDiscovery
{
    /// <summary>All <c>.log.gz</c> and <c>.parquet</c> files below <paramref name="root"/>, in ordinal path order
    /// (a missing directory has none).</summary>
    public static IReadOnlyList<DeliveredFlowLogFile> Find(string root)
    {
        if (!Directory.Exists(root))
            return [];
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        return Directory.EnumerateFiles(Path.GetFullPath(root), "*", options)
            .Select(p => (Path: p, Kind: DeliveredFlowLogFile.KindOf(p)))
            .Where(p => p.Kind is not null)
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .Select(p => DeliveredFlowLogFile.FromPath(p.Path, p.Kind!.Value))
            .ToArray();
    }

    /// <summary>The header line of a gzip text file (field names, space separated), or null when the file is empty.</summary>
    public static string? ReadHeader(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var line = reader.ReadLine()?.Trim();
        return string.IsNullOrEmpty(line) ? null : line;
    }
}
