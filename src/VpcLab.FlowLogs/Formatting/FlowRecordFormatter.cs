using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using VpcLab.Engine;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Formatting;

/// <summary>Writes records as AWS prints them in one format: the format's fields in order, one space between
/// fields, '-' for a field with no value (<see cref="FieldRules"/>). Writes UTF-8 straight into the caller's buffer
/// and allocates nothing per record (interface strings are encoded once and cached). An OK record — nearly every
/// line — is written from a plan made once per format: the runs of fields that print the same on every OK record of
/// an interface (version, account-id, interface-id, …) are copied as one span encoded when the interface is first
/// met, the other fields written in place with room checked once per line. Not thread-safe: use one formatter per
/// thread.</summary>
public sealed class FlowRecordFormatter
{
    private static readonly byte[] Accept = "ACCEPT"u8.ToArray(), Reject = "REJECT"u8.ToArray();
    private static readonly byte[] Ok = "OK"u8.ToArray(), NoData = "NODATA"u8.ToArray(), SkipData = "SKIPDATA"u8.ToArray();
    private static readonly byte[] Ingress = "ingress"u8.ToArray(), Egress = "egress"u8.ToArray();
    private static readonly byte[] IPv4 = "IPv4"u8.ToArray(), IPv6 = "IPv6"u8.ToArray();

    /// <summary>Room enough for any value that is not an interface string or an AWS service name: an address
    /// (45 bytes), a long (20) or a word.</summary>
    private const int ValueRoom = VpcLab.Net.IpAddress.MaxUtf8Length + 1;

    private readonly FlowLogFieldId[] _fields;
    /// <summary>An OK record's line: each step a run of per-interface fields (<see cref="Step.Run"/> ≥ 0, an index
    /// into <see cref="InterfaceUtf8.Runs"/>) or one field written per record.</summary>
    private readonly Step[] _steps;
    /// <summary>The fields of each run.</summary>
    private readonly FlowLogFieldId[][] _runs;
    /// <summary>Room a line needs beside its runs and AWS service names: separators and <see cref="ValueRoom"/> per field.</summary>
    private readonly int _lineRoom;
    private readonly bool _services;
    private readonly Dictionary<InterfaceContext, InterfaceUtf8> _interfaces = new(ReferenceEqualityComparer.Instance);
    private InterfaceUtf8? _last;

    private readonly record struct Step(FlowLogFieldId Field, int Run);

    public FlowRecordFormatter(FlowLogFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        Format = format;
        _fields = [.. format.Fields.Select(f => f.Id)];
        var steps = new List<Step>();
        var runs = new List<List<FlowLogFieldId>>();
        foreach (var field in _fields)
        {
            if (!FieldRules.SameForInterface(field))
                steps.Add(new Step(field, -1));
            else if (steps.Count > 0 && steps[^1].Run >= 0)
                runs[steps[^1].Run].Add(field);
            else
            {
                steps.Add(new Step(field, runs.Count));
                runs.Add([field]);
            }
        }
        _steps = [.. steps];
        _runs = [.. runs.Select(r => r.ToArray())];
        _lineRoom = _steps.Length * (ValueRoom + 1);
        _services = _fields.Any(f => f is FlowLogFieldId.PktSrcAwsService or FlowLogFieldId.PktDstAwsService);
    }

    public FlowLogFormat Format { get; }

    public ImmutableArray<FlowLogField> Fields => Format.Fields;

    /// <summary>Writes the record (no line end) and returns the number of bytes, or false when the destination is too
    /// small. Bytes of the destination past the line may be overwritten (scratch).</summary>
    public bool TryWrite(in FlowRecord record, Span<byte> destination, out int written)
    {
        var strings = StringsOf(record.Interface);
        int room = LineRoom(record, strings);
        if (destination.Length >= room)
        {
            written = WriteLine(record, strings, destination);
            return true;
        }
        var scratch = ArrayPool<byte>.Shared.Rent(room);
        return CopyFromScratch(scratch, WriteLine(record, strings, scratch), destination, out written);
    }

    /// <summary>A destination that may be smaller than what a write touches (rare: writers ask for room enough) is
    /// written through a rented scratch buffer: its <paramref name="length"/> bytes are copied when they fit.</summary>
    private static bool CopyFromScratch(byte[] scratch, int length, Span<byte> destination, out int written)
    {
        try
        {
            written = length <= destination.Length ? length : 0;
            scratch.AsSpan(0, written).CopyTo(destination);
            return length <= destination.Length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Bytes <see cref="WriteLine"/> may touch: an OK line's runs, a NODATA or SKIPDATA line's every interface
    /// string, then <see cref="ValueRoom"/> and a separator per step or field, and the AWS service names.</summary>
    private int LineRoom(in FlowRecord record, InterfaceUtf8 strings) => ServiceRoom(record) + (record.Status == LogStatus.Ok
        ? strings.RunBytes + _lineRoom
        : strings.Bytes + (_fields.Length * (ValueRoom + 1)));

    /// <summary>Writes the line into a destination of at least <see cref="LineRoom"/> bytes; returns its length.</summary>
    private int WriteLine(in FlowRecord record, InterfaceUtf8 strings, Span<byte> destination)
    {
        if (record.Status == LogStatus.Ok)
            return WriteOk(record, strings, destination);
        // NODATA and SKIPDATA (their blanks differ from an OK record's): field by field.
        int n = 0;
        for (int i = 0; i < _fields.Length; i++)
        {
            if (i > 0)
                destination[n++] = (byte)' ';
            n += WriteValue(_fields[i], record, strings, destination[n..]);
        }
        return n;
    }

    private int WriteOk(in FlowRecord record, InterfaceUtf8 strings, Span<byte> destination)
    {
        var runs = strings.Runs;
        int n = 0;
        for (int i = 0; i < _steps.Length; i++)
        {
            if (i > 0)
                destination[n++] = (byte)' ';
            var step = _steps[i];
            if (step.Run >= 0)
            {
                var run = runs[step.Run];
                run.CopyTo(destination[n..]);
                n += run.Length;
            }
            else
            {
                n += WriteValue(step.Field, record, strings, destination[n..]);
            }
        }
        return n;
    }

    private int ServiceRoom(in FlowRecord record) => !_services ? 0
        : Encoding.UTF8.GetMaxByteCount(record.PktSrcAwsService?.Length ?? 0) + Encoding.UTF8.GetMaxByteCount(record.PktDstAwsService?.Length ?? 0);

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
            return 3 + Utf8Digits.Count(v >> 24) + Utf8Digits.Count((v >> 16) & 0xFF) + Utf8Digits.Count((v >> 8) & 0xFF) + Utf8Digits.Count(v & 0xFF);
        }
        Span<byte> text = stackalloc byte[VpcLab.Net.IpAddress.MaxUtf8Length];
        return address.WriteUtf8(text);
    }

    private static int DigitCount(long value) =>
        value >= 0 ? Utf8Digits.Count((ulong)value) : 1 + Utf8Digits.Count((ulong)(-(value + 1)) + 1);

    /// <summary>Appends the record and, when <paramref name="newline"/>, a '\n'; returns the bytes appended.</summary>
    public int Write(in FlowRecord record, IBufferWriter<byte> writer, bool newline = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int size = 512 + _lineRoom;
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
            _interfaces.Add(context, strings = Encode(context));
        return _last = strings;
    }

    /// <summary>The interface's strings and the text of its runs, written by <see cref="WriteValue"/> for an OK record
    /// of the interface (what every OK record of it prints there).</summary>
    private InterfaceUtf8 Encode(InterfaceContext context)
    {
        var strings = new InterfaceUtf8(context);
        var probe = FlowRecord.NoData(context, 0, 0) with { Status = LogStatus.Ok };
        var runs = new byte[_runs.Length][];
        for (int r = 0; r < runs.Length; r++)
        {
            var text = new ArrayBufferWriter<byte>(64);
            foreach (var field in _runs[r])
            {
                if (text.WrittenCount > 0)
                    text.Write(" "u8);
                text.Advance(WriteValue(field, probe, strings, text.GetSpan(Room(field, probe, strings))));
            }
            runs[r] = text.WrittenSpan.ToArray();
        }
        strings.Runs = runs;
        strings.RunBytes = runs.Sum(r => r.Length);
        return strings;
    }

    private bool TryWriteField(FlowLogFieldId field, in FlowRecord record, InterfaceUtf8 strings, Span<byte> d, out int n)
    {
        int room = Room(field, record, strings);
        if (d.Length >= room)
        {
            n = WriteValue(field, record, strings, d);
            return true;
        }
        var scratch = ArrayPool<byte>.Shared.Rent(room);
        return CopyFromScratch(scratch, WriteValue(field, record, strings, scratch), d, out n);
    }

    /// <summary>The bytes <see cref="WriteValue"/> may touch for the field: its text, or <see cref="ValueRoom"/>.</summary>
    private static int Room(FlowLogFieldId field, in FlowRecord record, InterfaceUtf8 strings) => Math.Max(1, field switch
    {
        FlowLogFieldId.AccountId => strings.AccountId.Length,
        FlowLogFieldId.InterfaceId => strings.InterfaceId.Length,
        FlowLogFieldId.VpcId => strings.VpcId.Length,
        FlowLogFieldId.SubnetId => strings.SubnetId.Length,
        FlowLogFieldId.InstanceId => strings.InstanceId.Length,
        FlowLogFieldId.Region => strings.Region.Length,
        FlowLogFieldId.AzId => strings.AzId.Length,
        FlowLogFieldId.PktSrcAwsService => Encoding.UTF8.GetMaxByteCount(record.PktSrcAwsService?.Length ?? 0),
        FlowLogFieldId.PktDstAwsService => Encoding.UTF8.GetMaxByteCount(record.PktDstAwsService?.Length ?? 0),
        _ => ValueRoom,
    });

    /// <summary>Writes one field's text ('-' when blank) into a destination of at least <see cref="Room"/> bytes;
    /// returns its length.</summary>
    private int WriteValue(FlowLogFieldId field, in FlowRecord record, InterfaceUtf8 strings, Span<byte> d)
    {
        if (FieldRules.IsBlank(field, record))
        {
            d[0] = (byte)'-';
            return 1;
        }
        switch (field)
        {
            case FlowLogFieldId.AccountId: return Copy(strings.AccountId, d);
            case FlowLogFieldId.InterfaceId: return Copy(strings.InterfaceId, d);
            case FlowLogFieldId.VpcId: return Copy(strings.VpcId, d);
            case FlowLogFieldId.SubnetId: return Copy(strings.SubnetId, d);
            case FlowLogFieldId.InstanceId: return Copy(strings.InstanceId, d);
            case FlowLogFieldId.Region: return Copy(strings.Region, d);
            case FlowLogFieldId.AzId: return Copy(strings.AzId, d);
            case FlowLogFieldId.SrcAddr: return WriteAddress(record.SrcAddr, d);
            case FlowLogFieldId.DstAddr: return WriteAddress(record.DstAddr, d);
            case FlowLogFieldId.PktSrcAddr: return WriteAddress(record.PktSrcAddr, d);
            case FlowLogFieldId.PktDstAddr: return WriteAddress(record.PktDstAddr, d);
            case FlowLogFieldId.Action: return Copy(record.Accepted ? Accept : Reject, d);
            case FlowLogFieldId.LogStatus:
                return Copy(record.Status switch { LogStatus.Ok => Ok, LogStatus.NoData => NoData, _ => SkipData }, d);
            case FlowLogFieldId.FlowDirection: return Copy(record.Direction == TrafficDirection.Ingress ? Ingress : Egress, d);
            case FlowLogFieldId.Type: return Copy(record.PktSrcAddr.IsV6 ? IPv6 : IPv4, d);
            case FlowLogFieldId.PktSrcAwsService: return Encoding.UTF8.GetBytes(record.PktSrcAwsService, d);
            case FlowLogFieldId.PktDstAwsService: return Encoding.UTF8.GetBytes(record.PktDstAwsService, d);
            default: return Utf8Digits.Write(FieldRules.Number(field, record, Format.Version), d);
        }
    }

    /// <summary>IPv4 (nearly every address) from the octet table; IPv6 as <see cref="VpcLab.Net.IpAddress.WriteUtf8"/> writes it.</summary>
    private static int WriteAddress(VpcLab.Net.IpAddress address, Span<byte> d) =>
        address.IsV4 ? Utf8Digits.WriteIPv4((uint)address.Value, d) : address.WriteUtf8(d);

    private static int Copy(ReadOnlySpan<byte> value, Span<byte> d)
    {
        value.CopyTo(d);
        return value.Length;
    }
}
