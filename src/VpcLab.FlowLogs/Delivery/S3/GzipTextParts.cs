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
        int count = 0;
        for (int i = 0; i < records.Length; i++)
        {
            ref readonly var record = ref records[order is null ? i : order[i]];
            // Formatted straight into the part's text; a line that would overflow the part starts the next one.
            var line = LineInto(text, formatter, record, out int length);
            if (count > 0 && headerBytes + (long)text.WrittenCount + length > maxFileBytes)
            {
                var moved = line[..length].ToArray();
                parts.Add((count, GzipTextFile.Write(headerLine, text.WrittenSpan)));
                text.ResetWrittenCount();
                count = 0;
                moved.CopyTo(text.GetSpan(length));
            }
            text.Advance(length);
            count++;
        }
        if (count > 0)
            parts.Add((count, GzipTextFile.Write(headerLine, text.WrittenSpan)));
        return parts;
    }

    /// <summary>Formats the record and its '\n' into the free space after <paramref name="text"/>'s written bytes
    /// (not advanced); returns that span.</summary>
    private static Span<byte> LineInto(ArrayBufferWriter<byte> text, FlowRecordFormatter formatter, in FlowRecord record, out int length)
    {
        int size = 1024;
        while (true)
        {
            var span = text.GetSpan(size);
            if (formatter.TryWrite(record, span[..^1], out length))
            {
                span[length++] = (byte)'\n';
                return span;
            }
            size = checked(span.Length * 2);
        }
    }
}
