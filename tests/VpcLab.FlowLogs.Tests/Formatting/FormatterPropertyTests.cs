using System.Buffers;
using System.Text;
using CsCheck;
using VpcLab.Engine;
using VpcLab.FlowLogs.Formatting;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Tests.Formatting;

public class FormatterPropertyTests
{
    // Zero groups with probability 1/2 each, so every length and position of "::" run appears; plus IPv4-mapped.
    private static readonly Gen<IpAddress> Address = Gen.Frequency<IpAddress>(
        (3, Gen.UInt.Select(IpAddress.V4)),
        (4, Gen.Select(Gen.UInt128, Gen.Byte, (value, zeros) =>
        {
            for (int g = 0; g < 8; g++)
            {
                if ((zeros & (1 << g)) != 0)
                    value &= ~((UInt128)0xFFFF << (16 * g));
            }
            return IpAddress.V6(value);
        })),
        (1, Gen.UInt.Select(v => IpAddress.V6(((UInt128)0xFFFF << 32) | v))));

    private static readonly FlowLogFormat AllFields = FlowLogFormat.Parse(FlowLogFormat.TextOf(FlowLogFields.All.Select(f => f.Id)));

    private static readonly Gen<FlowRecord> Record = Gen.Select(Address, Address, Gen.UShort, Gen.UShort, Gen.Byte, Gen.Long[0, long.MaxValue],
        Gen.Long[0, 4_000_000_000], Gen.Bool).Select((a, b, sp, dp, proto, bytes, start, accepted) =>
        new FlowRecord(new InterfaceContext("111122223333", "eni-0123456789abcdef0", "vpc-1", "subnet-1", accepted ? "i-1" : null,
            "eu-central-1", "euc1-az2"), LogStatus.Ok, accepted ? TrafficDirection.Egress : TrafficDirection.Ingress, a, b, b, a,
            sp, dp, proto, bytes / 100, bytes, start, start + 59, accepted, accepted ? proto : -1, (byte)(proto % 9),
            accepted ? "S3" : null, null));

    [Fact]
    public void Addresses_are_written_as_IpAddress_ToString_writes_them()
    {
        Address.Sample(address =>
        {
            Span<byte> buffer = stackalloc byte[IpAddress.MaxUtf8Length];
            int n = address.WriteUtf8(buffer);
            Assert.Equal(address.ToString(), Encoding.ASCII.GetString(buffer[..n]));
        });
    }

    [Fact]
    public void Every_field_of_a_line_is_the_typed_value_or_a_dash_for_a_blank()
    {
        // Text and Parquet share FieldRules: the printed token must be exactly the value the Parquet column holds.
        // CsCheck samples on several threads and a formatter is not thread-safe: one per sample.
        Record.Sample(record =>
        {
            var formatter = new FlowRecordFormatter(AllFields);
            var tokens = formatter.FormatLine(record).Split(' ');
            Assert.Equal(AllFields.Fields.Length, tokens.Length);
            for (int i = 0; i < tokens.Length; i++)
            {
                var field = AllFields.Fields[i];
                var expected = FieldRules.IsBlank(field.Id, record) ? "-"
                    : field.ParquetType == FlowLogFieldType.String ? FieldRules.Text(field.Id, record)
                    : FieldRules.Number(field.Id, record, AllFields.Version).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(expected, tokens[i]);
            }
        });
    }

    private static readonly FlowLogFieldId[] EveryField = [.. FlowLogFields.All.Select(f => f.Id)];

    /// <summary>Any subset of the fields in any order, so the runs of per-interface fields the formatter writes once
    /// per interface (FieldRules.SameForInterface) start, end and split anywhere in a line.</summary>
    private static readonly Gen<FlowLogFormat> AnyFormat = Gen.Select(Gen.Int.Array[EveryField.Length], Gen.Int[1, EveryField.Length])
        .Select((keys, count) => FlowLogFormat.Parse(FlowLogFormat.TextOf(
            EveryField.Select((f, i) => (Field: f, Key: keys[i])).OrderBy(p => p.Key).Take(count).Select(p => p.Field))));

    private static string Expected(FlowLogFormat format, in FlowRecord record)
    {
        var tokens = new List<string>();
        foreach (var field in format.Fields)
        {
            tokens.Add(FieldRules.IsBlank(field.Id, record) ? "-"
                : field.ParquetType == FlowLogFieldType.String ? FieldRules.Text(field.Id, record)
                : FieldRules.Number(field.Id, record, format.Version).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return string.Join(' ', tokens);
    }

    [Fact]
    public void Any_format_prints_every_field_as_its_typed_value_or_a_dash_OK_NODATA_and_SKIPDATA()
    {
        // flow-logs.md §2.1–2.2: the fields in the format's order, one space apart, '-' for no value; NODATA and
        // SKIPDATA keep only version, account-id, interface-id, start, end and log-status. The line is written from a
        // plan (per-interface runs copied, the rest per record): it must print what the field rules say, whatever the order.
        Gen.Select(AnyFormat, Record, Gen.Int[0, 2]).Sample((format, record, status) =>
        {
            var formatter = new FlowRecordFormatter(format);
            var line = status == 0 ? record : FlowRecord.NoData(record.Interface, record.Start, record.End) with { Status = (LogStatus)status };
            Assert.Equal(Expected(format, line), formatter.FormatLine(line));
        });
    }

    [Fact]
    public void TryWrite_fits_a_destination_of_exactly_the_line_and_refuses_one_byte_less()
    {
        Gen.Select(AnyFormat, Record, Gen.Bool).Sample((format, record, noData) =>
        {
            var formatter = new FlowRecordFormatter(format);
            var line = noData ? FlowRecord.NoData(record.Interface, record.Start, record.End) : record;
            var expected = Encoding.UTF8.GetBytes(Expected(format, line));
            var exact = new byte[expected.Length];
            Assert.True(formatter.TryWrite(line, exact, out int written));
            Assert.Equal(expected.Length, written);
            Assert.Equal(expected, exact);
            Assert.False(formatter.TryWrite(line, new byte[expected.Length - 1], out written));
            Assert.Equal(0, written);
        });
    }

    [Fact]
    public void Numbers_are_written_as_invariant_decimal_text()
    {
        // start, end, packets and bytes are printed in decimal (flow-logs.md §2.1); every long, both ends included.
        Gen.Frequency<long>((4, Gen.Long), (2, Gen.Long[0, 1_000_000]), (1, Gen.Const(0L)), (1, Gen.Const(long.MaxValue)), (1, Gen.Const(long.MinValue)), (1, Gen.Const(-1L)), (1, Gen.Const(99L)), (1, Gen.Const(100L)))
            .Sample(value =>
            {
                Span<byte> buffer = stackalloc byte[20];
                int n = Utf8Digits.Write(value, buffer);
                Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer[..n]));
            });
    }

    [Fact]
    public void LineLength_AnyRecord_IsTheLengthOfTheWrittenLine()
    {
        // Parquet parts are cut where the text files are cut (flow-logs.md §5.1): the counted length must be the
        // written one, for every field (all of them, IPv4 and IPv6, blanks, NODATA).
        Record.Sample(record =>
        {
            foreach (var format in new[] { AllFields, FlowLogFormat.Default })
            {
                var formatter = new FlowRecordFormatter(format);
                var buffer = new ArrayBufferWriter<byte>(256);
                Assert.Equal(formatter.Write(record, buffer), formatter.LineLength(record));
                var noData = FlowRecord.NoData(record.Interface, record.Start, record.End);
                Assert.Equal(formatter.Write(noData, buffer), formatter.LineLength(noData));
            }
        });
    }

    [Fact]
    public void A_too_small_span_is_refused_and_a_buffer_writer_grows_to_fit()
    {
        var longId = new string('x', 3000);
        var record = FlowRecord.NoData(new InterfaceContext("1", "eni-" + longId, "v", "s", null, "r", "a"), 0, 60);
        var formatter = new FlowRecordFormatter(FlowLogFormat.Default);
        Assert.False(formatter.TryWrite(record, new byte[100], out _));
        var writer = new ArrayBufferWriter<byte>(16);
        int written = formatter.Write(record, writer, newline: true);
        Assert.Equal($"2 1 eni-{longId} - - - - - - - 0 60 - NODATA\n", Encoding.UTF8.GetString(writer.WrittenSpan));
        Assert.Equal(writer.WrittenCount, written);
    }

    [Fact]
    public void Formatting_into_a_reused_buffer_allocates_nothing_per_record()
    {
        var records = Record.Array[200].Single();
        var formatter = new FlowRecordFormatter(AllFields);
        var buffer = new byte[4096];
        foreach (var r in records)
            formatter.TryWrite(r, buffer, out _);   // first use of the interface encodes its strings once
        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = 0;
        foreach (var r in records)
        {
            formatter.TryWrite(r, buffer, out int n);
            total += n;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(total > 0);
    }
}
