using System.Buffers;
using System.Buffers.Text;
using System.Collections.Immutable;
using System.Text;
using VpcLab.Engine;
using VpcLab.FlowLogs;
using VpcLab.FlowLogs.Delivery;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.FlowLogs.Formatting;
using VpcLab.Model;

namespace VpcLab.Benchmarks;

// The text path as it was before the line plan (commit 648e0fd), kept whole in the bench so that one run measures
// before and after on the same machine at the same load: FlowRecordFormatter field by field (a switch per field,
// Utf8Formatter for numbers and octets), then GzipTextParts' loop. Not used by anything but --flowlogs-cpu.

/// <summary>The old text files of one slice: the same parts, names aside, as S3FlowLogFiles renders for plain text.</summary>
internal static class TextFilesBefore
{
    public static List<byte[]> Render(FlowLog log, FlowRecord[] records, long maxFileBytes = S3DeliveryOptions.DefaultMaxFileBytes)
    {
        var formatter = new FlowRecordFormatterBefore(log.Format);
        string headerLine = log.Format.HeaderLine;
        var order = FlowRecordOrder.Permutation(records);
        int headerBytes = Encoding.UTF8.GetByteCount(headerLine) + 1;
        var parts = new List<byte[]>();
        var text = new ArrayBufferWriter<byte>((int)Math.Min(maxFileBytes, Math.Min(Array.MaxLength, records.Length * 160L + 1)));
        int count = 0;
        for (int i = 0; i < records.Length; i++)
        {
            ref readonly var record = ref records[order is null ? i : order[i]];
            var line = LineInto(text, formatter, record, out int length);
            if (count > 0 && headerBytes + (long)text.WrittenCount + length > maxFileBytes)
            {
                var moved = line[..length].ToArray();
                parts.Add(GzipTextFile.Write(headerLine, text.WrittenSpan));
                text.ResetWrittenCount();
                count = 0;
                moved.CopyTo(text.GetSpan(length));
            }
            text.Advance(length);
            count++;
        }
        if (count > 0)
            parts.Add(GzipTextFile.Write(headerLine, text.WrittenSpan));
        return parts;
    }

    /// <summary>Formats every record into the buffer, one line each (the "format only" path before).</summary>
    public static void FormatOnly(FlowRecordFormatterBefore formatter, FlowRecord[] records, ArrayBufferWriter<byte> buffer)
    {
        foreach (var r in records)
        {
            var span = buffer.GetSpan(1024);
            formatter.TryWrite(r, span[..^1], out int n);
            span[n++] = (byte)'\n';
            buffer.Advance(n);
        }
    }

    private static Span<byte> LineInto(ArrayBufferWriter<byte> text, FlowRecordFormatterBefore formatter, in FlowRecord record, out int length)
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

/// <summary>FlowRecordFormatter before the line plan (commit 648e0fd): TryWrite only.</summary>
internal sealed class FlowRecordFormatterBefore
{
    private static readonly byte[] Accept = "ACCEPT"u8.ToArray(), Reject = "REJECT"u8.ToArray();
    private static readonly byte[] Ok = "OK"u8.ToArray(), NoData = "NODATA"u8.ToArray(), SkipData = "SKIPDATA"u8.ToArray();
    private static readonly byte[] Ingress = "ingress"u8.ToArray(), Egress = "egress"u8.ToArray();
    private static readonly byte[] IPv4 = "IPv4"u8.ToArray(), IPv6 = "IPv6"u8.ToArray();

    private readonly FlowLogFieldId[] _fields;
    private readonly Dictionary<InterfaceContext, StringsBefore> _interfaces = new(ReferenceEqualityComparer.Instance);
    private StringsBefore? _last;

    public FlowRecordFormatterBefore(FlowLogFormat format)
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

    private StringsBefore StringsOf(InterfaceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_last is not null && ReferenceEquals(_last.Context, context))
            return _last;
        if (!_interfaces.TryGetValue(context, out var strings))
            _interfaces.Add(context, strings = new StringsBefore(context));
        return _last = strings;
    }

    private bool TryWriteField(FlowLogFieldId field, in FlowRecord record, StringsBefore strings, Span<byte> d, out int n)
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

/// <summary>InterfaceUtf8 as it was.</summary>
internal sealed class StringsBefore(InterfaceContext context)
{
    public InterfaceContext Context { get; } = context;
    public byte[] AccountId { get; } = Encoding.UTF8.GetBytes(context.AccountId);
    public byte[] InterfaceId { get; } = Encoding.UTF8.GetBytes(context.InterfaceId);
    public byte[] VpcId { get; } = Encoding.UTF8.GetBytes(context.VpcId);
    public byte[] SubnetId { get; } = Encoding.UTF8.GetBytes(context.SubnetId);
    public byte[] InstanceId { get; } = Encoding.UTF8.GetBytes(context.InstanceId ?? "-");
    public byte[] Region { get; } = Encoding.UTF8.GetBytes(context.Region);
    public byte[] AzId { get; } = Encoding.UTF8.GetBytes(context.AzId);
}
