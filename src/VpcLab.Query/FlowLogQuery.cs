using System.Data.Common;
using System.Numerics;
using DuckDB.NET.Data;

namespace VpcLab.Query;

/// <summary>SQL over delivered flow logs: an in-memory DuckDB with the view <c>vpc_flow_logs</c> (Athena's table) over every
/// text and Parquet file found under a directory that stands for S3, and <c>flow_log_files</c> listing them.</summary>
public sealed class FlowLogQuery : IDisposable
{
    private readonly DuckDBConnection _connection;

    private FlowLogQuery(string root, IReadOnlyList<DeliveredFlowLogFile> files, DuckDBConnection connection)
    {
        Root = root;
        Files = files;
        _connection = connection;
    }

    /// <summary>The directory that was searched.</summary>
    public string Root { get; }

    /// <summary>Every file the view reads, in path order.</summary>
    public IReadOnlyList<DeliveredFlowLogFile> Files { get; }

    /// <summary>Finds the files under <paramref name="root"/> (none when it does not exist) and defines the view.</summary>
    /// <exception cref="FlowLogQueryException">A file DuckDB cannot read (not gzip, not Parquet, a row that does not fit its header).</exception>
    public static FlowLogQuery Open(string root)
    {
        var files = FlowLogFileDiscovery.Find(root);
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            // No extension may be downloaded here (TOOLCHAIN gotcha 3): fail at once instead of reaching for the network.
            Execute(connection, "SET autoinstall_known_extensions=false");
            DefineFiles(connection, files);
            DefineView(connection, files);
            return new FlowLogQuery(root, files, connection);
        }
        catch (Exception e) when (e is DuckDBException or IOException or InvalidDataException)
        {
            connection.Dispose();
            throw new FlowLogQueryException(CorruptFlowLogFile.Describe($"could not read the flow logs under '{root}': {Describe(e)}", files), e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs one SQL statement and returns its columns and rows.</summary>
    /// <exception cref="FlowLogQueryException">DuckDB refused the SQL; the message is DuckDB's (Parser Error, Binder Error, …),
    /// after the name of the file when one could not be read.</exception>
    public QueryResult Execute(string sql)
    {
        if (string.IsNullOrWhiteSpace(sql))
            throw new FlowLogQueryException("The query is empty.");
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var columns = new QueryResultColumn[reader.FieldCount];
            for (int i = 0; i < columns.Length; i++)
                columns[i] = new QueryResultColumn(reader.GetName(i), SqlTypeName(reader.GetDataTypeName(i)));
            var rows = new List<IReadOnlyList<object?>>();
            while (reader.Read())
            {
                var row = new object?[columns.Length];
                for (int i = 0; i < row.Length; i++)
                    row[i] = reader.IsDBNull(i) ? null : Normalize(reader.GetValue(i));
                rows.Add(row);
            }
            return new QueryResult(columns, rows);
        }
        catch (DuckDBException e)
        {
            // DuckDB reads the files lazily: a file cut short shows up here, and its message may not name it.
            throw new FlowLogQueryException(IsReadError(e) ? CorruptFlowLogFile.Describe(Describe(e), Files) : Describe(e), e);
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>An error reading data (not the SQL's): DuckDB's IO, Invalid Input and Conversion errors.</summary>
    private static bool IsReadError(DuckDBException e) =>
        e.Message.StartsWith("IO Error", StringComparison.Ordinal) || e.Message.StartsWith("Invalid Input Error", StringComparison.Ordinal)
        || e.Message.StartsWith("Conversion Error", StringComparison.Ordinal) || e.Message.Contains("gzip", StringComparison.OrdinalIgnoreCase);

    /// <summary>DuckDB.NET names types by its enum (BigInt, UnsignedInteger); SQL spells them BIGINT, UINTEGER.</summary>
    private static string SqlTypeName(string name) =>
        name.ToUpperInvariant().Replace("UNSIGNED", "U", StringComparison.Ordinal);

    private static void DefineFiles(DuckDBConnection connection, IReadOnlyList<DeliveredFlowLogFile> files)
    {
        Execute(connection, FlowLogViewSql.CreateFilesTable());
        using var appender = connection.CreateAppender(FlowLogTable.FilesTableName);
        foreach (var f in files)
        {
            appender.CreateRow()
                .AppendValue(f.Path).AppendValue(f.AccountId).AppendValue(f.Service).AppendValue(f.Region)
                .AppendValue(f.Year).AppendValue(f.Month).AppendValue(f.Day).AppendValue(f.Hour)
                .EndRow();
        }
    }

    private static void DefineView(DuckDBConnection connection, IReadOnlyList<DeliveredFlowLogFile> files)
    {
        var selects = new List<string>();
        // Text files of one format share a header; each header gets its own read_csv with explicit column types.
        var byHeader = files.Where(f => f.Kind == FlowLogFileKind.Text)
            .Select(f => (f.Path, Header: FlowLogFileDiscovery.ReadHeader(f.Path)))
            .Where(f => f.Header is not null)
            .GroupBy(f => f.Header!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byHeader)
        {
            var fields = group.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Distinct(StringComparer.Ordinal).Count() != fields.Length)
                throw new InvalidDataException($"The header '{group.Key}' of '{group.First().Path}' names a field twice.");
            selects.Add(FlowLogViewSql.Text([.. group.Select(f => f.Path)], fields));
        }
        var parquet = files.Where(f => f.Kind == FlowLogFileKind.Parquet).Select(f => f.Path).ToArray();
        if (parquet.Length > 0)
            selects.Add(FlowLogViewSql.Parquet(parquet, ParquetColumns(connection, parquet)));
        Execute(connection, FlowLogViewSql.CreateView(FlowLogViewSql.UnionAll(selects)));
    }

    private static List<string> ParquetColumns(DuckDBConnection connection, string[] paths)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM read_parquet({SqlText.List(paths)}, union_by_name=true, hive_partitioning=false)";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>SUM over BIGINT is HUGEINT in DuckDB (a BigInteger here): back to long when it fits, for printing and JSON.</summary>
    private static object Normalize(object value) => value switch
    {
        BigInteger b when b >= long.MinValue && b <= long.MaxValue => (long)b,
        BigInteger b => (decimal)b,
        _ => value,
    };

    /// <summary>DuckDB's message on one line: "Parser Error: syntax error at or near "SELEC" (LINE 1: SELEC * FROM …)"; the
    /// caret line under the query is dropped.</summary>
    internal static string Describe(Exception e)
    {
        var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Trim('^', ' ').Length > 0)
            .ToArray();
        return lines.Length switch
        {
            0 => e.GetType().Name,
            1 => lines[0],
            _ => $"{lines[0]} ({string.Join(" ", lines[1..])})",
        };
    }
}
