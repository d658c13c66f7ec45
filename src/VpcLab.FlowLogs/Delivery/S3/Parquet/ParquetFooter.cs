using VpcLab.Model;

namespace VpcLab.FlowLogs.Delivery.S3.Parquet;

/// <summary>Parquet's Thrift structures (parquet.thrift field ids): a data page's header and the file's metadata
/// (schema, one row group, each column chunk's metadata).</summary>
internal static class ParquetFooter
{
    private const int Int32Type = 1, Int64Type = 2, ByteArrayType = 6;
    private const int Optional = 1, Utf8 = 0, Plain = 0, Rle = 3, Gzip = 2, DataPage = 0;

    /// <summary>PageHeader { type, uncompressed_page_size, compressed_page_size, data_page_header { num_values,
    /// encoding, definition_level_encoding, repetition_level_encoding } }.</summary>
    public static void PageHeader(ThriftCompactWriter w, int rows, int uncompressed, int compressed)
    {
        w.BeginListedStruct();
        w.Int32(1, DataPage);
        w.Int32(2, uncompressed);
        w.Int32(3, compressed);
        w.BeginStruct(5);
        w.Int32(1, rows);
        w.Int32(2, Plain);
        w.Int32(3, Rle);
        w.Int32(4, Rle);
        w.EndStruct();
        w.EndStruct();
    }

    /// <summary>FileMetaData { version, schema, num_rows, row_groups, created_by }.</summary>
    public static void Write(ThriftCompactWriter w, FlowLogFormat format, int rows, IReadOnlyList<ParquetColumnChunk> chunks)
    {
        w.BeginListedStruct();
        w.Int32(1, 1);
        w.StructList(2, format.Fields.Length + 1);
        w.BeginListedStruct();
        w.String(4, "schema");
        w.Int32(5, format.Fields.Length);
        w.EndStruct();
        foreach (var field in format.Fields)
            SchemaElement(w, field);
        w.Int64(3, rows);
        w.StructList(4, 1);
        w.BeginListedStruct();
        w.StructList(1, chunks.Count);
        foreach (var chunk in chunks)
            ColumnChunk(w, chunk, rows);
        w.Int64(2, chunks.Sum(c => c.UncompressedBytes));
        w.Int64(3, rows);
        w.EndStruct();
        w.String(6, "vpclab");
        w.EndStruct();
    }

    /// <summary>SchemaElement { type, repetition_type, name, converted_type UTF8 and logicalType STRING for text }.</summary>
    private static void SchemaElement(ThriftCompactWriter w, FlowLogField field)
    {
        w.BeginListedStruct();
        w.Int32(1, PhysicalType(field));
        w.Int32(3, Optional);
        w.String(4, field.ColumnName);
        if (field.ParquetType == FlowLogFieldType.String)
        {
            w.Int32(6, Utf8);
            w.BeginStruct(10);
            w.BeginStruct(1);
            w.EndStruct();
            w.EndStruct();
        }
        w.EndStruct();
    }

    /// <summary>ColumnChunk { file_offset, meta_data { type, encodings, path_in_schema, codec, num_values,
    /// total_uncompressed_size, total_compressed_size, data_page_offset } }.</summary>
    private static void ColumnChunk(ThriftCompactWriter w, ParquetColumnChunk chunk, int rows)
    {
        w.BeginListedStruct();
        w.Int64(2, chunk.Offset);
        w.BeginStruct(3);
        w.Int32(1, PhysicalType(chunk.Field));
        w.Int32List(2, [Plain, Rle]);
        w.StringList(3, [chunk.Field.ColumnName]);
        w.Int32(4, Gzip);
        w.Int64(5, rows);
        w.Int64(6, chunk.UncompressedBytes);
        w.Int64(7, chunk.CompressedBytes);
        w.Int64(9, chunk.Offset);
        w.EndStruct();
        w.EndStruct();
    }

    private static int PhysicalType(FlowLogField field) => field.ParquetType switch
    {
        FlowLogFieldType.Int32 => Int32Type,
        FlowLogFieldType.Int64 => Int64Type,
        _ => ByteArrayType,
    };
}
