using Parquet;
using Parquet.Schema;
using VpcLab.FlowLogs;
using VpcLab.FlowLogs.Formatting;
using VpcLab.Model;

namespace VpcLab.Benchmarks;

/// <summary>The Parquet writer VpcLab used before the columnar one (Parquet.Net 6, one .NET string per address
/// cell), kept here to be measured beside it in one run (FlowLogDeliveryCpuReport).</summary>
public static class ParquetNetFile
{
    public static ParquetSchema SchemaOf(FlowLogFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return new ParquetSchema(format.Fields.Select(f => f.ParquetType switch
        {
            FlowLogFieldType.Int32 => (Field)new DataField<int?>(f.ColumnName),
            FlowLogFieldType.Int64 => new DataField<long?>(f.ColumnName),
            _ => new DataField<string>(f.ColumnName, nullable: true),
        }));
    }

    public static async Task<byte[]> WriteAsync(FlowLogFormat format, ReadOnlyMemory<FlowRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(format);
        var schema = SchemaOf(format);
        var dataFields = schema.GetDataFields();
        using var output = new MemoryStream();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Gzip };
        var writer = await ParquetWriter.CreateAsync(schema, output, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            using var group = writer.CreateRowGroup();
            for (int c = 0; c < format.Fields.Length; c++)
            {
                var field = format.Fields[c];
                switch (field.ParquetType)
                {
                    case FlowLogFieldType.Int32:
                        await group.WriteAsync<int>(dataFields[c], Int32Column(field.Id, records.Span, format.Version), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case FlowLogFieldType.Int64:
                        await group.WriteAsync<long>(dataFields[c], Int64Column(field.Id, records.Span, format.Version), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        await group.WriteAsync(dataFields[c], StringColumn(field.Id, records.Span)).ConfigureAwait(false);
                        break;
                }
            }
        }
        return output.ToArray();
    }

    private static int?[] Int32Column(FlowLogFieldId id, ReadOnlySpan<FlowRecord> records, int version)
    {
        var column = new int?[records.Length];
        for (int i = 0; i < records.Length; i++)
            column[i] = FieldRules.IsBlank(id, records[i]) ? null : (int)FieldRules.Number(id, records[i], version);
        return column;
    }

    private static long?[] Int64Column(FlowLogFieldId id, ReadOnlySpan<FlowRecord> records, int version)
    {
        var column = new long?[records.Length];
        for (int i = 0; i < records.Length; i++)
            column[i] = FieldRules.IsBlank(id, records[i]) ? null : FieldRules.Number(id, records[i], version);
        return column;
    }

    private static string?[] StringColumn(FlowLogFieldId id, ReadOnlySpan<FlowRecord> records)
    {
        var column = new string?[records.Length];
        for (int i = 0; i < records.Length; i++)
            column[i] = FieldRules.IsBlank(id, records[i]) ? null : FieldRules.Text(id, records[i]);
        return column;
    }
}
