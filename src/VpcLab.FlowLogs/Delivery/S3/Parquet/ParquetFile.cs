using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using VpcLab.FlowLogs.Formatting;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Delivery.S3.Parquet;

/// <summary>A Parquet flow log file written column by column straight from the records: one column per field of the
/// format, named <see cref="FlowLogField.ColumnName"/>, typed per the field table (INT32, INT64, UTF-8 BYTE_ARRAY),
/// optional, a null where text would print '-'; one row group, one gzip-compressed PLAIN data page per column
/// (docs/semantics.md#flow-log-parquet). String cells are the formatter's bytes, so no .NET string is made per cell.
/// The same records give the same bytes.</summary>
public static class ParquetFile
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    /// <summary>The Parquet file of these records (at least one), in this order.</summary>
    public static byte[] Write(FlowLogFormat format, ReadOnlySpan<FlowRecord> records)
    {
        ArgumentNullException.ThrowIfNull(format);
        var formatter = new FlowRecordFormatter(format);
        using var file = new MemoryStream();
        file.Write(Magic);
        var values = new ArrayBufferWriter<byte>(64 * 1024);
        var definitions = new byte[(records.Length + 7) / 8];
        var chunks = new ParquetColumnChunk[format.Fields.Length];
        for (int c = 0; c < chunks.Length; c++)
        {
            var field = format.Fields[c];
            values.ResetWrittenCount();
            int present = ParquetColumnValues.Write(formatter, field, records, values, definitions);
            chunks[c] = WriteChunk(file, field, records.Length, present, definitions, values.WrittenSpan);
        }
        var footer = new ArrayBufferWriter<byte>(4096);
        ParquetFooter.Write(new ThriftCompactWriter(footer), format, records.Length, chunks);
        file.Write(footer.WrittenSpan);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, footer.WrittenCount);
        file.Write(length);
        file.Write(Magic);
        return file.ToArray();
    }

    /// <summary>One column chunk: a data page header, then the page (definition levels, values) gzip-compressed.</summary>
    private static ParquetColumnChunk WriteChunk(MemoryStream file, FlowLogField field, int rows, int present,
        byte[] definitions, ReadOnlySpan<byte> values)
    {
        var levels = DefinitionLevels(rows, present, definitions);
        Span<byte> levelsLength = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(levelsLength, levels.Length);
        int uncompressed = 4 + levels.Length + values.Length;
        using var compressed = new MemoryStream(Math.Max(256, uncompressed / 4));
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(levelsLength);
            gzip.Write(levels);
            gzip.Write(values);
        }
        var header = new ArrayBufferWriter<byte>(64);
        ParquetFooter.PageHeader(new ThriftCompactWriter(header), rows, uncompressed, (int)compressed.Length);
        long offset = file.Position;
        file.Write(header.WrittenSpan);
        file.Write(compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        return new ParquetColumnChunk(field, offset, header.WrittenCount + uncompressed, header.WrittenCount + compressed.Length);
    }

    /// <summary>The definition levels (1 = a value, 0 = null) in the RLE/bit-packed hybrid of bit width 1: one RLE
    /// run when every row has a value, else bit-packed groups of 8 rows.</summary>
    private static byte[] DefinitionLevels(int rows, int present, byte[] definitions)
    {
        var levels = new ArrayBufferWriter<byte>(16 + definitions.Length);
        if (present == rows)
        {
            Varint(levels, (ulong)rows << 1);
            levels.Write<byte>([1]);
            return levels.WrittenSpan.ToArray();
        }
        int groups = (rows + 7) / 8;
        Varint(levels, ((ulong)groups << 1) | 1);
        levels.Write(definitions.AsSpan(0, groups));
        return levels.WrittenSpan.ToArray();
    }

    private static void Varint(ArrayBufferWriter<byte> output, ulong value)
    {
        while (value >= 0x80)
        {
            output.Write<byte>([(byte)(value | 0x80)]);
            value >>= 7;
        }
        output.Write<byte>([(byte)value]);
    }
}
