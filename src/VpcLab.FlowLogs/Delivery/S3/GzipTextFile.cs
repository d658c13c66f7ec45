using System.IO.Compression;

namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>A plain-text flow log file: gzip of the header line, then one formatted record per line, each ending
/// in '\n'.</summary>
public static class GzipTextFile
{
    /// <summary>Compresses the header and the already formatted lines (UTF-8, each ending in '\n').</summary>
    public static byte[] Write(string headerLine, ReadOnlySpan<byte> lines, CompressionLevel level = CompressionLevel.Optimal)
    {
        ArgumentNullException.ThrowIfNull(headerLine);
        // Flow log text compresses 4–8×: room for the output at the first try, as a rule.
        using var output = new MemoryStream(Math.Max(256, lines.Length / 4));
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            var headerBytes = System.Text.Encoding.UTF8.GetBytes(headerLine + "\n");
            gzip.Write(headerBytes);
            gzip.Write(lines);
        }
        return output.ToArray();
    }
}
