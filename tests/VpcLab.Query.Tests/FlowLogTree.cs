using System.IO.Compression;
using System.Text;
using DuckDB.NET.Data;
using VpcLab.Model;

namespace VpcLab.Query.Tests;

/// <summary>A temporary directory standing for S3, with flow log files written the way AWS delivers them: gzip text
/// with one header line of field names ('-' for null), or Parquet with '_' column names and INT_32/INT_64/STRING types.</summary>
public sealed class FlowLogTree : IDisposable
{
    public FlowLogTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "vpclab-query-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary><c>{bucket}/{prefix}/AWSLogs/{account}/vpcflowlogs/{region}/{yyyy}/{MM}/{dd}/[{HH}/]</c></summary>
    public static string DefaultKey(string account, string region, DateTime day, bool perHour = false) =>
        $"AWSLogs/{account}/vpcflowlogs/{region}/{day:yyyy}/{day:MM}/{day:dd}/" + (perHour ? $"{day:HH}/" : "");

    /// <summary><c>AWSLogs/aws-account-id=…/aws-service=vpcflowlogs/aws-region=…/year=…/month=…/day=…/[hour=…/]</c></summary>
    public static string HiveKey(string account, string region, DateTime day, bool perHour = false) =>
        $"AWSLogs/aws-account-id={account}/aws-service=vpcflowlogs/aws-region={region}/year={day:yyyy}/month={day:MM}/day={day:dd}/"
        + (perHour ? $"hour={day:HH}/" : "");

    public static string FileName(string account, string region, DateTime slice, string extension) =>
        $"{account}_vpcflowlogs_{region}_fl-0123456789abcdef0_{slice:yyyyMMdd'T'HHmm}Z_a1b2c3d4.{extension}";

    /// <summary>Writes <c>{root}/{bucket}/{prefix}/{key}{name}.log.gz</c>: the header line, then one line per record.</summary>
    public string WriteText(string bucketAndPrefix, string key, string name, IReadOnlyList<string> fields, IEnumerable<string> records)
    {
        var path = Prepare(bucketAndPrefix, key, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(string.Join(' ', fields));
        foreach (var record in records)
            writer.WriteLine(record);
        return path;
    }

    /// <summary>Writes a Parquet file (gzip codec, as AWS does) with DuckDB's COPY: one column per field, named with '_',
    /// typed by the field table's Parquet type; '-' in a record is NULL.</summary>
    public string WriteParquet(string bucketAndPrefix, string key, string name, IReadOnlyList<string> fields, IEnumerable<string> records)
    {
        var path = Prepare(bucketAndPrefix, key, name);
        var typed = fields.Select(n => FlowLogFields.Find(n) ?? throw new ArgumentException($"unknown field {n}")).ToArray();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "SET autoinstall_known_extensions=false");
        Execute(connection, "CREATE TABLE t (" + string.Join(", ", typed.Select(f => $"\"{f.ColumnName}\" {ParquetSqlType(f.ParquetType)}")) + ")");
        foreach (var record in records)
        {
            var values = record.Split(' ');
            Assert.Equal(typed.Length, values.Length);
            var literals = values.Select((v, i) => v == "-" ? "NULL"
                : typed[i].ParquetType == FlowLogFieldType.String ? $"'{v}'" : v);
            Execute(connection, $"INSERT INTO t VALUES ({string.Join(", ", literals)})");
        }
        Execute(connection, $"COPY t TO '{path}' (FORMAT parquet, COMPRESSION gzip)");
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private static string ParquetSqlType(FlowLogFieldType type) => type switch
    {
        FlowLogFieldType.Int32 => "INTEGER",
        FlowLogFieldType.Int64 => "BIGINT",
        _ => "VARCHAR",
    };

    private string Prepare(string bucketAndPrefix, string key, string name)
    {
        var directory = Path.Combine(Root, bucketAndPrefix, key);
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
