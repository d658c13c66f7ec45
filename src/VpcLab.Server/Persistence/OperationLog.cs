using Microsoft.Data.Sqlite;

namespace VpcLab.Server.Persistence;

/// <summary>One acknowledged mutation: who, where, when (the simulated clock), what, with which parameters (the
/// parsed request as JSON keyed by model member names).</summary>
public sealed record LoggedOperation(long Sequence, DateTimeOffset Time, string Account, string Region, string Operation, string Parameters);

/// <summary>The durable record of every acknowledged mutation, in order, in a SQLite file (WAL, synchronous=FULL:
/// a commit is on disk before it returns). State is rebuilt at start by replaying the log through the same
/// dispatcher; ids come out the same because the control plane's ids are deterministic.</summary>
public sealed class OperationLog : IDisposable
{
    public const string FileName = "vpclab.db";

    private readonly SqliteConnection _connection;

    private OperationLog(SqliteConnection connection) => _connection = connection;

    public static OperationLog Open(string directory)
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
        return new OperationLog(connection);
    }

    public IEnumerable<LoggedOperation> ReadAll()
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

    /// <summary>Runs <paramref name="apply"/> inside a transaction that also records the operation: the record is
    /// committed (and synced) only when <paramref name="apply"/> succeeds, so the log holds exactly the
    /// acknowledged mutations. The caller serializes calls.</summary>
    public T Append<T>(DateTimeOffset time, string account, string region, string operation, string parameters, Func<T> apply)
    {
        using var transaction = _connection.BeginTransaction();
        using (var insert = _connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO operations (time, account, region, operation, parameters) VALUES ($t, $a, $r, $o, $p)";
            insert.Parameters.AddWithValue("$t", time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$a", account);
            insert.Parameters.AddWithValue("$r", region);
            insert.Parameters.AddWithValue("$o", operation);
            insert.Parameters.AddWithValue("$p", parameters);
            insert.ExecuteNonQuery();
        }
        var result = apply(); // throws: the transaction is disposed uncommitted, the record rolls back
        transaction.Commit();
        return result;
    }

    public void Clear() => Execute(_connection, "DELETE FROM operations;");

    public void Dispose() => _connection.Dispose();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
