using Microsoft.Data.Sqlite;

namespace VpcLab.ControlPlane.Persistence;

/// <summary>The operation log as builds before <see cref="OperationLog"/> kept it: a SQLite file (WAL,
/// synchronous=FULL: a commit is on disk before it returns), one row per acknowledged mutation. Kept to read such logs
/// (<see cref="SqliteLogMigration"/>) and, with <c>VPCLAB_OPERATION_LOG=sqlite</c>, to serve from it in benchmarks
/// that compare the two (<see cref="OperationJournal.LogVariable"/>): each commit costs an fsync that rewrites the
/// inode, its WAL write and SQLite's own work (docs/benchmarks.md#operation-log).</summary>
public sealed class SqliteOperationLog : IOperationLog
{
    public const string FileName = "vpclab.db";

    private readonly SqliteConnection _connection;

    // One prepared INSERT, reused by every batch.
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _time;
    private readonly SqliteParameter _account;
    private readonly SqliteParameter _region;
    private readonly SqliteParameter _operation;
    private readonly SqliteParameter _parameters;

    private SqliteOperationLog(SqliteConnection connection)
    {
        _connection = connection;
        _insert = connection.CreateCommand();
        _insert.CommandText = "INSERT INTO operations (time, account, region, operation, parameters) VALUES ($t, $a, $r, $o, $p)";
        _time = _insert.Parameters.Add("$t", SqliteType.Text);
        _account = _insert.Parameters.Add("$a", SqliteType.Text);
        _region = _insert.Parameters.Add("$r", SqliteType.Text);
        _operation = _insert.Parameters.Add("$o", SqliteType.Text);
        _parameters = _insert.Parameters.Add("$p", SqliteType.Text);
    }

    public static SqliteOperationLog Open(string directory)
    {
        Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, "PRAGMA synchronous=FULL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS operations (
                sequence   INTEGER PRIMARY KEY,
                time       TEXT NOT NULL,
                account    TEXT NOT NULL,
                region     TEXT NOT NULL,
                operation  TEXT NOT NULL,
                parameters TEXT NOT NULL);
            """);
        return new SqliteOperationLog(connection);
    }

    string IOperationLog.FileName => FileName;

    public IReadOnlyList<LoggedOperation> ReadAll() => [.. Rows()];

    private IEnumerable<LoggedOperation> Rows()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT sequence, time, account, region, operation, parameters FROM operations ORDER BY sequence";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new LoggedOperation(reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
        }
    }

    /// <summary>A transaction commits with its sync: nothing is left for <see cref="Sync"/>.</summary>
    public void Write(IReadOnlyList<LogRecord> records) => AppendBatch(records);

    public void Sync()
    {
    }

    /// <summary>Writes <paramref name="records"/>, in order, in one transaction, and returns once it is committed
    /// (with synchronous=FULL: on disk). One fsync for the whole batch is what makes group commit pay
    /// (<see cref="GroupCommitter"/>). The caller serializes calls.</summary>
    public void AppendBatch(IReadOnlyList<LogRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        foreach (var r in records)
        {
            _time.Value = r.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            _account.Value = r.Account;
            _region.Value = r.Region;
            _operation.Value = r.Operation;
            _parameters.Value = r.Parameters;
            _insert.ExecuteNonQuery();
        }
        transaction.Commit();
        _insert.Transaction = null;
    }

    public void Clear() => Execute(_connection, "DELETE FROM operations;");

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
