using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>A CloudWatch-Logs-like store: log groups (per account and Region), log streams and events, in SQLite
/// (WAL, synchronous=FULL: a put is on disk before it returns). The server's CloudWatch Logs API, the flow-log
/// delivery and <c>vpclab flowlogs tail</c> all read and write through it. Thread-safe (one lock); another process
/// may read the same file at the same time (WAL).</summary>
public sealed partial class CloudWatchLogsStore : IDisposable
{
    /// <summary>AWS's PutLogEvents limits: 10,000 events, 1,048,576 bytes (message UTF-8 bytes + 26 per event),
    /// one batch spanning at most 24 hours.</summary>
    public const int MaxEventsPerPut = 10_000;
    public const int MaxBatchBytes = 1_048_576;
    public const int PerEventOverheadBytes = 26;
    public const long MaxBatchSpanMilliseconds = 24L * 60 * 60 * 1000;
    public const int MaxDescribeLimit = 50;
    public const int MaxEventsLimit = 10_000;

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    private CloudWatchLogsStore(SqliteConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    /// <summary>Opens (creating if needed) the store in the SQLite file <paramref name="path"/>.</summary>
    public static CloudWatchLogsStore Open(string path, TimeProvider? time = null)
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

    /// <summary>A store that lives in memory only (tests, <c>vpclab serve --in-memory</c>).</summary>
    public static CloudWatchLogsStore InMemory(TimeProvider? time = null)
    {
        var connection = new SqliteConnection("Data Source=:memory:;Pooling=False");
        connection.Open();
        return Initialize(connection, time);
    }

    private static CloudWatchLogsStore Initialize(SqliteConnection connection, TimeProvider? time)
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
        return new CloudWatchLogsStore(connection, time ?? TimeProvider.System);
    }

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public void Dispose() => _connection.Dispose();

    // ---- helpers ----

    // AWS: log group names are 1-512 characters of a-z, A-Z, 0-9, '_', '-', '/', '.', '#'.
    [GeneratedRegex(@"^[\.\-_/#A-Za-z0-9]{1,512}$")]
    private static partial Regex GroupNamePattern();

    // AWS: log stream names are 1-512 characters, without ':' or '*'.
    [GeneratedRegex(@"^[^:*]{1,512}$")]
    private static partial Regex StreamNamePattern();

    private static void ValidateGroupName(string name)
    {
        if (name is null || !GroupNamePattern().IsMatch(name))
            throw CloudWatchLogsErrors.Invalid($"1 validation error detected: Value '{name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+ (1 to 512 characters)");
    }

    private static void ValidateStreamName(string name)
    {
        if (name is null || !StreamNamePattern().IsMatch(name))
            throw CloudWatchLogsErrors.Invalid($"1 validation error detected: Value '{name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]* (1 to 512 characters)");
    }

    private static int CheckLimit(int? limit, int max)
    {
        if (limit is null)
            return max;
        if (limit < 1 || limit > max)
            throw CloudWatchLogsErrors.Invalid($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and {max}");
        return limit.Value;
    }

    private static int ParseOffsetToken(string? token)
    {
        if (token is null)
            return 0;
        if (token.StartsWith("o/", StringComparison.Ordinal)
            && int.TryParse(token.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            return offset;
        throw CloudWatchLogsErrors.Invalid("The specified nextToken is invalid.");
    }

    private static DescribePage<T> Page<T>(ImmutableArray<T> rows, int take, int offset) =>
        rows.Length > take
            ? new DescribePage<T>(rows[..take], "o/" + (offset + take).ToString(CultureInfo.InvariantCulture))
            : new DescribePage<T>(rows, null);

    private long? FindGroupId(LogScope scope, string name)
    {
        using var command = Command("SELECT id FROM log_groups WHERE account = $a AND region = $r AND name = $n",
            ("$a", scope.Account), ("$r", scope.Region), ("$n", name));
        return command.ExecuteScalar() is long id ? id : null;
    }

    private long? FindStreamId(long groupId, string name)
    {
        using var command = Command("SELECT id FROM log_streams WHERE group_id = $g AND name = $n", ("$g", groupId), ("$n", name));
        return command.ExecuteScalar() is long id ? id : null;
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    private void Run(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    private static ImmutableArray<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var rows = ImmutableArray.CreateBuilder<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows.ToImmutable();
    }

    private static long? NullableInt64(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
