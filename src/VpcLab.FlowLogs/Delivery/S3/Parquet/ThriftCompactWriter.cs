using System.Buffers;
using System.Text;

namespace VpcLab.FlowLogs.Delivery.S3.Parquet;

/// <summary>The Thrift compact protocol, as far as Parquet's footer and page headers need it: structs of i32, i64,
/// binary, list and struct fields. Field ids are written as deltas from the previous field of the same struct.</summary>
internal sealed class ThriftCompactWriter(IBufferWriter<byte> output)
{
    private const byte I32 = 5, I64 = 6, Binary = 8, List = 9, Struct = 12;

    private readonly Stack<short> _outer = new();
    private short _lastField;

    public void BeginStruct(short field)
    {
        FieldHeader(field, Struct);
        BeginListedStruct();
    }

    /// <summary>A struct as an element of a list (no field header).</summary>
    public void BeginListedStruct()
    {
        _outer.Push(_lastField);
        _lastField = 0;
    }

    public void EndStruct()
    {
        Byte(0);
        _lastField = _outer.Pop();
    }

    public void Int32(short field, int value)
    {
        FieldHeader(field, I32);
        Varint(ZigZag(value));
    }

    public void Int64(short field, long value)
    {
        FieldHeader(field, I64);
        Varint(ZigZag(value));
    }

    public void String(short field, string value)
    {
        FieldHeader(field, Binary);
        BinaryValue(value);
    }

    /// <summary>A list field of <paramref name="count"/> structs; each then starts with <see cref="BeginListedStruct"/>.</summary>
    public void StructList(short field, int count) => ListHeader(field, count, Struct);

    public void Int32List(short field, ReadOnlySpan<int> values)
    {
        ListHeader(field, values.Length, I32);
        foreach (int v in values)
            Varint(ZigZag(v));
    }

    public void StringList(short field, IReadOnlyList<string> values)
    {
        ListHeader(field, values.Count, Binary);
        foreach (var v in values)
            BinaryValue(v);
    }

    private void ListHeader(short field, int count, byte elementType)
    {
        FieldHeader(field, List);
        if (count < 15)
        {
            Byte((byte)((count << 4) | elementType));
            return;
        }
        Byte((byte)(0xF0 | elementType));
        Varint((ulong)count);
    }

    private void BinaryValue(string value)
    {
        int length = Encoding.UTF8.GetByteCount(value);
        Varint((ulong)length);
        Encoding.UTF8.GetBytes(value, output.GetSpan(length));
        output.Advance(length);
    }

    private void FieldHeader(short field, byte type)
    {
        int delta = field - _lastField;
        if (delta is > 0 and <= 15)
        {
            Byte((byte)((delta << 4) | type));
        }
        else
        {
            Byte(type);
            Varint(ZigZag(field));
        }
        _lastField = field;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private void Varint(ulong value)
    {
        var span = output.GetSpan(10);
        int n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[n++] = (byte)value;
        output.Advance(n);
    }

    private void Byte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
