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
