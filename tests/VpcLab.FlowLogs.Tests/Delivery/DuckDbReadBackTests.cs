using DuckDB.NET.Data;
using VpcLab.Engine;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Tests.Delivery;

/// <summary>Delivered files read back by a real DuckDB, the way the query engine (and Athena) reads them.</summary>
public sealed class DuckDbReadBackTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _root = Directory.CreateTempSubdirectory("vpclab-duck-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly FlowLogFormat V5 = FlowLogFormat.Parse("${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} " +
        "${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${instance-id} ${tcp-flags} " +
        "${type} ${pkt-dst-aws-service} ${flow-direction} ${traffic-path}");

    private static List<FlowRecord> Records()
    {
        long t = Samples.At(2026, 11, 23, 4, 0, 0);
        var nat = Samples.Eni with { InterfaceId = "eni-0bbbbbbbbbbbbbbbb", InstanceId = null };
        return
        [
            Samples.Tcp("10.0.0.5", "52.95.128.179", 40001, 443, t, t + 59) with { PktDstAwsService = "S3", TrafficPath = 8 },
            new FlowRecord(nat, LogStatus.Ok, TrafficDirection.Ingress, IpAddress.Parse("2001:db8::7"), IpAddress.Parse("2001:db8::1"),
                IpAddress.Parse("2001:db8::7"), IpAddress.Parse("2001:db8::1"), 51000, 22, 6, 3, 180, t + 1, t + 59, false,
                FlowRecord.NoTcpFlags, FlowRecord.NoTrafficPath, null, null),
            FlowRecord.NoData(Samples.OtherEni, t + 2, t + 60),
        ];
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SET autoinstall_known_extensions=false";
        cmd.ExecuteNonQuery();
        return connection;
    }

    private static List<object?[]> Query(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public async Task Parquet_columns_are_the_field_names_with_underscores_typed_per_the_field_table()
    {
        var log = Samples.S3Log(V5, hive: true, perHour: true, fileFormat: FlowLogFileFormat.Parquet);
        var keys = await new S3FlowLogDelivery(new LocalDirectoryBucketStore(_root)).DeliverAsync(log, Records(), cancellationToken: Ct);
        var path = Path.Combine(_root, "my-bucket", Assert.Single(keys));
        Assert.EndsWith(".log.parquet", path, StringComparison.Ordinal);

        using var duck = Open();
        var columns = Query(duck, $"DESCRIBE SELECT * FROM read_parquet('{path}', hive_partitioning=false)").Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
        var expected = V5.Fields.Select(f => (f.ColumnName, f.ParquetType switch
        {
            FlowLogFieldType.Int32 => "INTEGER",
            FlowLogFieldType.Int64 => "BIGINT",
            _ => "VARCHAR",
        }));
        Assert.Equal(expected, columns);
        Assert.Contains(("log_status", "VARCHAR"), columns);

        var codec = Query(duck, $"SELECT DISTINCT compression FROM parquet_metadata('{path}')");
        Assert.Equal("GZIP", Assert.Single(codec)[0]);

        var rows = Query(duck, $"SELECT interface_id, srcaddr, srcport, packets, \"end\", action, log_status, instance_id, tcp_flags, " +
            $"type, pkt_dst_aws_service, flow_direction, traffic_path, version FROM read_parquet('{path}', hive_partitioning=false) ORDER BY start");
        Assert.Equal(3, rows.Count);
        long t = Samples.At(2026, 11, 23, 4, 0, 0);
        Assert.Equal(new object?[] { "eni-1235b8ca123456789", "10.0.0.5", 40001, 10L, t + 59, "ACCEPT", "OK", "i-0c50d5961bcb2d47b", 2, "IPv4", "S3", "egress", 8, 5 }, rows[0]);
        Assert.Equal(new object?[] { "eni-0bbbbbbbbbbbbbbbb", "2001:db8::7", 51000, 3L, t + 59, "REJECT", "OK", null, null, "IPv6", null, "ingress", null, 5 }, rows[1]);
        Assert.Equal(new object?[] { "eni-0aaaaaaaaaaaaaaaa", null, null, null, t + 60, null, "NODATA", null, null, null, null, null, null, 5 }, rows[2]);
    }

    // The columnar writer (docs/semantics.md#flow-log-parquet): every row of a larger file, with nulls at irregular
    // rows (bit-packed definition levels whose row count is not a multiple of 8), reads back as the text line's
    // tokens, '-' as null.
    [Fact]
    public async Task Parquet_ManyRowsWithNullsAnywhere_ReadsBackAsTheTextLines()
    {
        long t = Samples.At(2026, 11, 23, 4, 0, 0);
        var records = Enumerable.Range(0, 1003).Select(i => i % 7 == 3 ? FlowRecord.NoData(Samples.OtherEni, t + i % 50, t + 60)
            : Samples.Tcp($"10.0.{i % 3}.{i % 200}", "2001:db8::" + (i % 9).ToString("x", System.Globalization.CultureInfo.InvariantCulture), (ushort)(1024 + i), 443, t + i % 50, t + 60,
                eni: i % 5 == 0 ? Samples.Eni with { InstanceId = null } : Samples.Eni, accepted: i % 4 != 0, bytes: 40L * i)
                with { PktDstAwsService = i % 11 == 0 ? "S3" : null, TcpFlags = i % 13 == 0 ? FlowRecord.NoTcpFlags : 2 }).ToList();
        var parquet = Samples.S3Log(V5, fileFormat: FlowLogFileFormat.Parquet);
        var key = Assert.Single(await new S3FlowLogDelivery(new LocalDirectoryBucketStore(_root)).DeliverAsync(parquet, records, cancellationToken: Ct));
        var path = Path.Combine(_root, "my-bucket", key);

        var formatter = new VpcLab.FlowLogs.Formatting.FlowRecordFormatter(V5);
        var expected = VpcLab.FlowLogs.Delivery.FlowRecordOrder.Sort(records)
            .Select(r => formatter.FormatLine(r).Split(' ').Select(v => v == "-" ? null : v).ToArray()).ToList();
        using var duck = Open();
        var columns = string.Join(", ", V5.Fields.Select(f => $"CAST(\"{f.ColumnName}\" AS VARCHAR)"));
        var rows = Query(duck, $"SELECT {columns} FROM read_parquet('{path}', hive_partitioning=false)")
            .Select(r => r.Select(v => (string?)v).ToArray()).ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task Hive_layout_partitions_read_back_as_columns()
    {
        var log = Samples.S3Log(V5, hive: true, perHour: true, fileFormat: FlowLogFileFormat.Parquet);
        await new S3FlowLogDelivery(new LocalDirectoryBucketStore(_root)).DeliverAsync(log, Records(), cancellationToken: Ct);
        using var duck = Open();
        var rows = Query(duck, $"SELECT \"aws-region\", \"year\", \"month\", \"day\", \"hour\", count(*) FROM read_parquet('{_root}/my-bucket/**/*.log.parquet', " +
            "hive_partitioning=true) GROUP BY ALL");
        var row = Assert.Single(rows);
        Assert.Equal("us-east-1", row[0]);
        Assert.Equal(["2026", "11", "23", "04"], row[1..5].Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture).ToString("00", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(3L, row[5]);
    }

    [Fact]
    public async Task Gzip_text_reads_back_with_one_header_line_and_dashes_as_nulls()
    {
        var log = Samples.S3Log(V5);
        var keys = await new S3FlowLogDelivery(new LocalDirectoryBucketStore(_root)).DeliverAsync(log, Records(), cancellationToken: Ct);
        var path = Path.Combine(_root, "my-bucket", Assert.Single(keys));
        using var duck = Open();
        var rows = Query(duck, $"SELECT \"interface-id\", \"srcaddr\", \"tcp-flags\", \"log-status\", \"pkt-dst-aws-service\" FROM read_csv('{path}', " +
            "delim=' ', header=true, nullstr='-', all_varchar=true) ORDER BY \"start\"");
        Assert.Equal(3, rows.Count);
        Assert.Equal(new object?[] { "eni-1235b8ca123456789", "10.0.0.5", "2", "OK", "S3" }, rows[0]);
        Assert.Equal(new object?[] { "eni-0bbbbbbbbbbbbbbbb", "2001:db8::7", null, "OK", null }, rows[1]);
        Assert.Equal(new object?[] { "eni-0aaaaaaaaaaaaaaaa", null, null, "NODATA", null }, rows[2]);
    }
}
