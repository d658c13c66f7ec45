using System.Buffers;
using System.Text;
using VpcLab.FlowLogs.Formatting;

namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>Formats a slice's records, in file order, into gzip text files cut by size. A part grows while its
/// uncompressed text (header and lines) stays within the limit, and always holds at least one record — the rule
/// <see cref="S3FlowLogFiles.PartEnds"/> states for Parquet. Each part is compressed as <see cref="GzipTextFile.Write"/>
/// does (the header, then all its lines in one write): deflate's output depends on how its input is split into writes,
/// so that split is part of the file's bytes. Only one part's text is held at a time.</summary>
internal static class GzipTextParts
{
    /// <summary>The parts' (record count, gzip bytes), in order.</summary>
    public static List<(int Records, byte[] Content)> Write(FlowRecordFormatter formatter, string headerLine,
        ReadOnlySpan<FlowRecord> records, int[]? order, long maxFileBytes)
    {
        int headerBytes = Encoding.UTF8.GetByteCount(headerLine) + 1;
        var parts = new List<(int, byte[])>();
        var text = new ArrayBufferWriter<byte>((int)Math.Min(maxFileBytes, Math.Min(Array.MaxLength, records.Length * 160L + 1)));
        var line = new byte[1024];
        int count = 0;
        for (int i = 0; i < records.Length; i++)
        {
            ref readonly var record = ref records[order is null ? i : order[i]];
            int length;
            while (!formatter.TryWrite(record, line.AsSpan(0, line.Length - 1), out length))
                line = new byte[line.Length * 2];
            line[length++] = (byte)'\n';
            if (count > 0 && headerBytes + (long)text.WrittenCount + length > maxFileBytes)
            {
                parts.Add((count, GzipTextFile.Write(headerLine, text.WrittenSpan)));
                text.ResetWrittenCount();
                count = 0;
            }
            text.Write(line.AsSpan(0, length));
            count++;
        }
        if (count > 0)
            parts.Add((count, GzipTextFile.Write(headerLine, text.WrittenSpan)));
        return parts;
    }
}
