using System.Collections.Immutable;
using Microsoft.Data.Sqlite;

namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>The SQLite file behind <see cref="CloudWatchLogsStore"/>: its schema, the one lock every table takes,
/// the clock, and the lookups the tables share (a group's and a stream's row id).</summary>
internal sealed class LogsDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;

    private LogsDatabase(SqliteConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    /// <summary>Every read and write of the store holds this lock: one connection, one writer at a time.</summary>
    public Lock Gate { get; } = new();

    public long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Opens (creating if needed) the file <paramref name="path"/> (WAL, synchronous=FULL: a put is on disk
    /// before it returns; another process may read the file at the same time).</summary>
    public static LogsDatabase Open(string path, TimeProvider? time)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, "PRAGMA synchronous=FULL;");
        return Initialize(connection, time);
    }

    public static LogsDatabase InMemory(TimeProvider? time)
    {
        var connection = new SqliteConnection("Data Source=:memory:;Pooling=False");
        connection.Open();
        return Initialize(connection, time);
    }

    private static LogsDatabase Initialize(SqliteConnection connection, TimeProvider? time)
    {
        Execute(connection, "PRAGMA foreign_keys=ON;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS log_groups (
                id            INTEGER PRIMARY KEY,
                account       TEXT NOT NULL,
                region        TEXT NOT NULL,
                name          TEXT NOT NULL,
                creation_time INTEGER NOT NULL,
                UNIQUE (account, region, name));
            CREATE TABLE IF NOT EXISTS log_streams (
                id             INTEGER PRIMARY KEY,
                group_id       INTEGER NOT NULL REFERENCES log_groups(id) ON DELETE CASCADE,
                name           TEXT NOT NULL,
                creation_time  INTEGER NOT NULL,
                first_event    INTEGER,
                last_event     INTEGER,
                last_ingestion INTEGER,
                stored_bytes   INTEGER NOT NULL DEFAULT 0,
                UNIQUE (group_id, name));
            CREATE TABLE IF NOT EXISTS log_events (
                id             INTEGER PRIMARY KEY,
                stream_id      INTEGER NOT NULL REFERENCES log_streams(id) ON DELETE CASCADE,
                timestamp      INTEGER NOT NULL,
                ingestion_time INTEGER NOT NULL,
                message        TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS log_events_by_stream_time ON log_events (stream_id, timestamp, id);
            CREATE INDEX IF NOT EXISTS log_events_by_time ON log_events (timestamp, id);
            """);
        return new LogsDatabase(connection, time ?? TimeProvider.System);
    }

    public SqliteTransaction BeginTransaction() => _connection.BeginTransaction();

    public long? FindGroupId(LogScope scope, string name)
    {
        using var command = Command("SELECT id FROM log_groups WHERE account = $a AND region = $r AND name = $n",
            ("$a", scope.Account), ("$r", scope.Region), ("$n", name));
        return command.ExecuteScalar() is long id ? id : null;
    }

    public long? FindStreamId(long groupId, string name)
    {
        using var command = Command("SELECT id FROM log_streams WHERE group_id = $g AND name = $n", ("$g", groupId), ("$n", name));
        return command.ExecuteScalar() is long id ? id : null;
    }

    public SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    public void Run(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    public static ImmutableArray<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var rows = ImmutableArray.CreateBuilder<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows.ToImmutable();
    }

    public static long? NullableInt64(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public void Dispose() => _connection.Dispose();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
