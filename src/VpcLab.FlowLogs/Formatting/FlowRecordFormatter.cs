using System.Buffers;
using System.Buffers.Text;
using System.Collections.Immutable;
using System.Text;
using VpcLab.Engine;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Formatting;

/// <summary>Writes records as AWS prints them in one format: the format's fields in order, one space between
/// fields, '-' for a field with no value (<see cref="FieldRules"/>). Writes UTF-8 straight into the caller's buffer
/// and allocates nothing per record (interface strings are encoded once and cached). Not thread-safe: use one
/// formatter per thread.</summary>
public sealed class FlowRecordFormatter
{
    private static readonly byte[] Accept = "ACCEPT"u8.ToArray(), Reject = "REJECT"u8.ToArray();
    private static readonly byte[] Ok = "OK"u8.ToArray(), NoData = "NODATA"u8.ToArray(), SkipData = "SKIPDATA"u8.ToArray();
    private static readonly byte[] Ingress = "ingress"u8.ToArray(), Egress = "egress"u8.ToArray();
    private static readonly byte[] IPv4 = "IPv4"u8.ToArray(), IPv6 = "IPv6"u8.ToArray();

    private readonly FlowLogFieldId[] _fields;
    private readonly Dictionary<InterfaceContext, InterfaceUtf8> _interfaces = new(ReferenceEqualityComparer.Instance);
    private InterfaceUtf8? _last;

    public FlowRecordFormatter(FlowLogFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        Format = format;
        _fields = [.. format.Fields.Select(f => f.Id)];
    }

    public FlowLogFormat Format { get; }

    public ImmutableArray<FlowLogField> Fields => Format.Fields;

    /// <summary>Writes the record (no line end) and returns the number of bytes, or false when the destination is too small.</summary>
    public bool TryWrite(in FlowRecord record, Span<byte> destination, out int written)
    {
        var strings = StringsOf(record.Interface);
        int n = 0;
        written = 0;
        for (int i = 0; i < _fields.Length; i++)
        {
            if (i > 0)
            {
                if (n >= destination.Length)
                    return false;
                destination[n++] = (byte)' ';
            }
            if (!TryWriteField(_fields[i], record, strings, destination[n..], out int fieldBytes))
                return false;
            n += fieldBytes;
        }
        written = n;
        return true;
    }

    /// <summary>The bytes <see cref="TryWrite"/> writes for the record (no line end), counted without writing the
    /// line: the Parquet writer cuts its parts where the text files would be cut, and needs only the lengths.</summary>
    public int LineLength(in FlowRecord record)
    {
        var strings = StringsOf(record.Interface);
        int n = _fields.Length - 1;
        foreach (var field in _fields)
            n += FieldLength(field, record, strings);
        return n;
    }

    private int FieldLength(FlowLogFieldId field, in FlowRecord record, InterfaceUtf8 strings)
    {
        if (FieldRules.IsBlank(field, record))
            return 1;
        return field switch
        {
            FlowLogFieldId.AccountId => strings.AccountId.Length,
            FlowLogFieldId.InterfaceId => strings.InterfaceId.Length,
            FlowLogFieldId.VpcId => strings.VpcId.Length,
            FlowLogFieldId.SubnetId => strings.SubnetId.Length,
            FlowLogFieldId.InstanceId => strings.InstanceId.Length,
            FlowLogFieldId.Region => strings.Region.Length,
            FlowLogFieldId.AzId => strings.AzId.Length,
            FlowLogFieldId.SrcAddr => AddressLength(record.SrcAddr),
            FlowLogFieldId.DstAddr => AddressLength(record.DstAddr),
            FlowLogFieldId.PktSrcAddr => AddressLength(record.PktSrcAddr),
            FlowLogFieldId.PktDstAddr => AddressLength(record.PktDstAddr),
            FlowLogFieldId.Action => (record.Accepted ? Accept : Reject).Length,
            FlowLogFieldId.LogStatus => (record.Status switch { LogStatus.Ok => Ok, LogStatus.NoData => NoData, _ => SkipData }).Length,
            FlowLogFieldId.FlowDirection => (record.Direction == TrafficDirection.Ingress ? Ingress : Egress).Length,
            FlowLogFieldId.Type => (record.PktSrcAddr.IsV6 ? IPv6 : IPv4).Length,
            FlowLogFieldId.PktSrcAwsService => Encoding.UTF8.GetByteCount(record.PktSrcAwsService!),
            FlowLogFieldId.PktDstAwsService => Encoding.UTF8.GetByteCount(record.PktDstAwsService!),
            _ => DigitCount(FieldRules.Number(field, record, Format.Version)),
        };
    }

    /// <summary>An IPv4 address's text is four decimal bytes and three dots; IPv6 text (rarer, with its "::" rule)
    /// is written to a scratch span and measured.</summary>
    private static int AddressLength(VpcLab.Net.IpAddress address)
    {
        if (address.IsV4)
        {
            uint v = (uint)address.Value;
            return 3 + DigitCount(v >> 24) + DigitCount((v >> 16) & 0xFF) + DigitCount((v >> 8) & 0xFF) + DigitCount(v & 0xFF);
        }
        Span<byte> text = stackalloc byte[VpcLab.Net.IpAddress.MaxUtf8Length];
        return address.WriteUtf8(text);
    }

    private static int DigitCount(long value)
    {
        // long.MinValue has as many digits as long.MaxValue.
        if (value < 0)
            return 1 + DigitCount(value == long.MinValue ? long.MaxValue : -value);
        int digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }
        return digits;
    }

    /// <summary>Appends the record and, when <paramref name="newline"/>, a '\n'; returns the bytes appended.</summary>
    public int Write(in FlowRecord record, IBufferWriter<byte> writer, bool newline = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int size = 512;
        while (true)
        {
            var span = writer.GetSpan(size);
            if (TryWrite(record, span, out int written) && (!newline || written < span.Length))
            {
                if (newline)
                    span[written++] = (byte)'\n';
                writer.Advance(written);
                return written;
            }
            size = checked(span.Length * 2);
        }
    }

    /// <summary>The record as a string (for CloudWatch Logs messages and tests; allocates).</summary>
    public string FormatLine(in FlowRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(record, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes one field's text as the line would print it ('-' when blank), or false when the destination
    /// is too small. The Parquet writer uses it for string cells, so a cell is the line's token byte for byte.</summary>
    public bool TryWriteField(FlowLogFieldId field, in FlowRecord record, Span<byte> destination, out int written) =>
        TryWriteField(field, record, StringsOf(record.Interface), destination, out written);

    private InterfaceUtf8 StringsOf(InterfaceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_last is not null && ReferenceEquals(_last.Context, context))
            return _last;
        if (!_interfaces.TryGetValue(context, out var strings))
            _interfaces.Add(context, strings = new InterfaceUtf8(context));
        return _last = strings;
    }

    private bool TryWriteField(FlowLogFieldId field, in FlowRecord record, InterfaceUtf8 strings, Span<byte> d, out int n)
    {
        if (FieldRules.IsBlank(field, record))
            return TryCopy("-"u8, d, out n);
        switch (field)
        {
            case FlowLogFieldId.AccountId: return TryCopy(strings.AccountId, d, out n);
            case FlowLogFieldId.InterfaceId: return TryCopy(strings.InterfaceId, d, out n);
            case FlowLogFieldId.VpcId: return TryCopy(strings.VpcId, d, out n);
            case FlowLogFieldId.SubnetId: return TryCopy(strings.SubnetId, d, out n);
            case FlowLogFieldId.InstanceId: return TryCopy(strings.InstanceId, d, out n);
            case FlowLogFieldId.Region: return TryCopy(strings.Region, d, out n);
            case FlowLogFieldId.AzId: return TryCopy(strings.AzId, d, out n);
            case FlowLogFieldId.SrcAddr: return TryAddress(record.SrcAddr, d, out n);
            case FlowLogFieldId.DstAddr: return TryAddress(record.DstAddr, d, out n);
            case FlowLogFieldId.PktSrcAddr: return TryAddress(record.PktSrcAddr, d, out n);
            case FlowLogFieldId.PktDstAddr: return TryAddress(record.PktDstAddr, d, out n);
            case FlowLogFieldId.Action: return TryCopy(record.Accepted ? Accept : Reject, d, out n);
            case FlowLogFieldId.LogStatus:
                return TryCopy(record.Status switch { LogStatus.Ok => Ok, LogStatus.NoData => NoData, _ => SkipData }, d, out n);
            case FlowLogFieldId.FlowDirection: return TryCopy(record.Direction == TrafficDirection.Ingress ? Ingress : Egress, d, out n);
            case FlowLogFieldId.Type: return TryCopy(record.PktSrcAddr.IsV6 ? IPv6 : IPv4, d, out n);
            case FlowLogFieldId.PktSrcAwsService: return Encoding.UTF8.TryGetBytes(record.PktSrcAwsService, d, out n);
            case FlowLogFieldId.PktDstAwsService: return Encoding.UTF8.TryGetBytes(record.PktDstAwsService, d, out n);
            default: return Utf8Formatter.TryFormat(FieldRules.Number(field, record, Format.Version), d, out n);
        }
    }

    private static bool TryAddress(VpcLab.Net.IpAddress address, Span<byte> d, out int n)
    {
        if (d.Length < VpcLab.Net.IpAddress.MaxUtf8Length)
        {
            n = 0;
            return false;
        }
        n = address.WriteUtf8(d);
        return true;
    }

    private static bool TryCopy(ReadOnlySpan<byte> value, Span<byte> d, out int n)
    {
        n = value.Length;
        return value.TryCopyTo(d);
    }
}
