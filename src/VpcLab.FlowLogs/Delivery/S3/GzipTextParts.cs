using System.Buffers;
using System.Text;
using VpcLab.FlowLogs.Formatting;

namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>Formats a slice's records, in file order, into gzip text files cut by size. A part grows while its
/// uncompressed text (header and lines) stays within the limit, and always holds at least one record — the rule
/// <see cref="S3FlowLogFiles.PartEnds"/> states for Parquet. Each part is compressed as <see cref="GzipTextFile.Write"/>
/// does (the header, then all its lines in one write): deflate's output depends on how its input is split into writes,
/// so that split is part of the file's bytes. Only one part's text is held at a time, in a pooled buffer (a part is
/// up to 75 MB: a fresh array each time costs its zeroing and page faults).</summary>
internal static class GzipTextParts
{
    /// <summary>Room asked for each line: the formatter needs about 50 bytes per field of a line, and a longer line
    /// (ids of thousands of characters) still fits, through the formatter's scratch.</summary>
    private const int LineRoom = 4096;

    /// <summary>The parts' (record count, gzip bytes), in order.</summary>
    public static List<(int Records, byte[] Content)> Write(FlowRecordFormatter formatter, string headerLine,
        ReadOnlySpan<FlowRecord> records, int[]? order, long maxFileBytes)
    {
        int headerBytes = Encoding.UTF8.GetByteCount(headerLine) + 1;
        var parts = new List<(int, byte[])>();
        // The line that overflows a part is formatted past its end before it moves to the next one: room for it too.
        using var text = new PooledText((int)Math.Min(Array.MaxLength - LineRoom, Math.Min(maxFileBytes, records.Length * 160L + 1)) + LineRoom);
        int count = 0;
        for (int i = 0; i < records.Length; i++)
        {
            ref readonly var record = ref records[order is null ? i : order[i]];
            // Formatted straight into the part's text; a line that would overflow the part starts the next one.
            var line = LineInto(text, formatter, record, out int length);
            if (count > 0 && headerBytes + (long)text.Count + length > maxFileBytes)
            {
                var moved = line[..length].ToArray();
                parts.Add((count, GzipTextFile.Write(headerLine, text.Written)));
                text.Clear();
                count = 0;
                moved.CopyTo(text.Free(length));
            }
            text.Advance(length);
            count++;
        }
        if (count > 0)
            parts.Add((count, GzipTextFile.Write(headerLine, text.Written)));
        return parts;
    }

    /// <summary>Formats the record and its '\n' into the free space after <paramref name="text"/>'s written bytes
    /// (not advanced); returns that span.</summary>
    private static Span<byte> LineInto(PooledText text, FlowRecordFormatter formatter, in FlowRecord record, out int length)
    {
        int size = LineRoom;
        while (true)
        {
            var span = text.Free(size);
            if (formatter.TryWrite(record, span[..^1], out length))
            {
                span[length++] = (byte)'\n';
                return span;
            }
            size = checked(span.Length * 2);
        }
    }

    /// <summary>A growable byte buffer on <see cref="ArrayPool{T}.Shared"/>.</summary>
    private sealed class PooledText(int capacity) : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(capacity);

        public int Count { get; private set; }

        public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Count);

        /// <summary>The free space after the written bytes, at least <paramref name="atLeast"/> bytes.</summary>
        public Span<byte> Free(int atLeast)
        {
            if (_buffer.Length - Count < atLeast)
            {
                var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(2L * _buffer.Length, (long)Count + atLeast)));
                Written.CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }
            return _buffer.AsSpan(Count);
        }

        public void Advance(int count) => Count += count;

        public void Clear() => Count = 0;

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
