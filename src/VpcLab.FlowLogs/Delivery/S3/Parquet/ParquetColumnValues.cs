using System.Buffers;
using System.Buffers.Binary;
using VpcLab.FlowLogs.Formatting;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Delivery.S3.Parquet;

/// <summary>A column's values in PLAIN encoding (INT32 and INT64 little-endian; BYTE_ARRAY as a 4-byte length and
/// the UTF-8 bytes) for the rows that have one, and a bit per row saying which do (<see cref="FieldRules.IsBlank"/>:
/// a '-' in text is a null here).</summary>
internal static class ParquetColumnValues
{
    /// <summary>Writes the values and the definition bits (LSB first); returns how many rows have a value.</summary>
    public static int Write(FlowRecordFormatter formatter, FlowLogField field, ReadOnlySpan<FlowRecord> records,
        IBufferWriter<byte> values, byte[] definitions)
    {
        Array.Clear(definitions);
        int present = 0, version = formatter.Format.Version;
        for (int i = 0; i < records.Length; i++)
        {
            ref readonly var record = ref records[i];
            if (FieldRules.IsBlank(field.Id, record))
                continue;
            definitions[i >> 3] |= (byte)(1 << (i & 7));
            present++;
            switch (field.ParquetType)
            {
                case FlowLogFieldType.Int32:
                    BinaryPrimitives.WriteInt32LittleEndian(values.GetSpan(4), (int)FieldRules.Number(field.Id, record, version));
                    values.Advance(4);
                    break;
                case FlowLogFieldType.Int64:
                    BinaryPrimitives.WriteInt64LittleEndian(values.GetSpan(8), FieldRules.Number(field.Id, record, version));
                    values.Advance(8);
                    break;
                default:
                    WriteText(formatter, field.Id, record, values);
                    break;
            }
        }
        return present;
    }

    private static void WriteText(FlowRecordFormatter formatter, FlowLogFieldId field, in FlowRecord record, IBufferWriter<byte> values)
    {
        int size = 256;
        while (true)
        {
            var span = values.GetSpan(size);
            if (formatter.TryWriteField(field, record, span[4..], out int length))
            {
                BinaryPrimitives.WriteInt32LittleEndian(span, length);
                values.Advance(4 + length);
                return;
            }
            size *= 2;
        }
    }
}
