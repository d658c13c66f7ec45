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

    // ---- log groups ----

    public LogGroup CreateLogGroup(LogScope scope, string name)
    {
        ValidateGroupName(name);
        lock (_lock)
        {
            if (FindGroupId(scope, name) is not null)
                throw CloudWatchLogsErrors.LogGroupExists();
            var now = Now;
            Run("INSERT INTO log_groups (account, region, name, creation_time) VALUES ($a, $r, $n, $t)",
                ("$a", scope.Account), ("$r", scope.Region), ("$n", name), ("$t", now));
            return new LogGroup(scope, name, now, 0);
        }
    }

    public void DeleteLogGroup(LogScope scope, string name)
    {
        ValidateGroupName(name);
        lock (_lock)
        {
            var id = FindGroupId(scope, name) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            Run("DELETE FROM log_groups WHERE id = $id", ("$id", id));
        }
    }

    /// <summary>The scope's groups whose name starts with <paramref name="namePrefix"/>, by name.</summary>
    public DescribePage<LogGroup> DescribeLogGroups(LogScope scope, string? namePrefix = null, int? limit = null, string? nextToken = null)
    {
        var take = CheckLimit(limit, MaxDescribeLimit);
        var offset = ParseOffsetToken(nextToken);
        lock (_lock)
        {
            using var command = Command("""
                SELECT g.name, g.creation_time, COALESCE((SELECT SUM(s.stored_bytes) FROM log_streams s WHERE s.group_id = g.id), 0)
                FROM log_groups g WHERE g.account = $a AND g.region = $r AND substr(g.name, 1, length($p)) = $p
                ORDER BY g.name LIMIT $l OFFSET $o
                """, ("$a", scope.Account), ("$r", scope.Region), ("$p", namePrefix ?? string.Empty), ("$l", take + 1), ("$o", offset));
            var groups = ReadAll(command, r => new LogGroup(scope, r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
            return Page(groups, take, offset);
        }
    }

    /// <summary>Every scope that holds a group named <paramref name="name"/> (the CLI finds a group by name alone).</summary>
    public ImmutableArray<LogScope> FindLogGroupScopes(string name)
    {
        lock (_lock)
        {
            using var command = Command("SELECT account, region FROM log_groups WHERE name = $n ORDER BY account, region", ("$n", name));
            return ReadAll(command, r => new LogScope(r.GetString(0), r.GetString(1)));
        }
    }

    /// <summary>Every group of every scope, by account, Region and name.</summary>
    public ImmutableArray<LogGroup> ListAllLogGroups()
    {
        lock (_lock)
        {
            using var command = Command("""
                SELECT g.account, g.region, g.name, g.creation_time, COALESCE((SELECT SUM(s.stored_bytes) FROM log_streams s WHERE s.group_id = g.id), 0)
                FROM log_groups g ORDER BY g.account, g.region, g.name
                """);
            return ReadAll(command, r => new LogGroup(new LogScope(r.GetString(0), r.GetString(1)), r.GetString(2), r.GetInt64(3), r.GetInt64(4)));
        }
    }

    // ---- log streams ----

    public LogStream CreateLogStream(LogScope scope, string logGroupName, string name)
    {
        ValidateGroupName(logGroupName);
        ValidateStreamName(name);
        lock (_lock)
        {
            var groupId = FindGroupId(scope, logGroupName) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            if (FindStreamId(groupId, name) is not null)
                throw CloudWatchLogsErrors.LogStreamExists();
            var now = Now;
            Run("INSERT INTO log_streams (group_id, name, creation_time) VALUES ($g, $n, $t)", ("$g", groupId), ("$n", name), ("$t", now));
            return new LogStream(scope, logGroupName, name, now, null, null, null, 0);
        }
    }

    public void DeleteLogStream(LogScope scope, string logGroupName, string name)
    {
        lock (_lock)
        {
            var groupId = FindGroupId(scope, logGroupName) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            var streamId = FindStreamId(groupId, name) ?? throw CloudWatchLogsErrors.LogStreamNotFound();
            Run("DELETE FROM log_streams WHERE id = $id", ("$id", streamId));
        }
    }

    /// <summary>Creates the group and the stream if they are missing (flow-log delivery: AWS creates a missing group
    /// on first delivery, spec/flow-logs.md §5.2). Idempotent.</summary>
    public void EnsureLogGroupAndStream(LogScope scope, string logGroupName, string logStreamName)
    {
        ValidateGroupName(logGroupName);
        ValidateStreamName(logStreamName);
        lock (_lock)
        {
            var now = Now;
            Run("INSERT OR IGNORE INTO log_groups (account, region, name, creation_time) VALUES ($a, $r, $n, $t)",
                ("$a", scope.Account), ("$r", scope.Region), ("$n", logGroupName), ("$t", now));
            var groupId = FindGroupId(scope, logGroupName)!.Value;
            Run("INSERT OR IGNORE INTO log_streams (group_id, name, creation_time) VALUES ($g, $n, $t)",
                ("$g", groupId), ("$n", logStreamName), ("$t", now));
        }
    }

    /// <summary>DescribeLogStreams: by name (prefix allowed) or by last event time (no prefix, as AWS requires).</summary>
    public DescribePage<LogStream> DescribeLogStreams(LogScope scope, string logGroupName, string? namePrefix = null,
        LogStreamOrder orderBy = LogStreamOrder.LogStreamName, bool descending = false, int? limit = null, string? nextToken = null)
    {
        if (orderBy == LogStreamOrder.LastEventTime && !string.IsNullOrEmpty(namePrefix))
            throw CloudWatchLogsErrors.Invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        var take = CheckLimit(limit, MaxDescribeLimit);
        var offset = ParseOffsetToken(nextToken);
        var direction = descending ? "DESC" : "ASC";
        var order = orderBy == LogStreamOrder.LogStreamName
            ? $"name {direction}"
            : $"COALESCE(last_event, -1) {direction}, name {direction}";
        lock (_lock)
        {
            var groupId = FindGroupId(scope, logGroupName) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            using var command = Command($"""
                SELECT name, creation_time, first_event, last_event, last_ingestion, stored_bytes FROM log_streams
                WHERE group_id = $g AND substr(name, 1, length($p)) = $p ORDER BY {order} LIMIT $l OFFSET $o
                """, ("$g", groupId), ("$p", namePrefix ?? string.Empty), ("$l", take + 1), ("$o", offset));
            var streams = ReadAll(command, r => new LogStream(scope, logGroupName, r.GetString(0), r.GetInt64(1),
                NullableInt64(r, 2), NullableInt64(r, 3), NullableInt64(r, 4), r.GetInt64(5)));
            return Page(streams, take, offset);
        }
    }

    // ---- events ----

    /// <summary>Appends a batch to a stream in one transaction, all or nothing. AWS's batch rules apply: 1 to 10,000
    /// events, in chronological order, spanning at most 24 hours, at most 1 MiB. Timestamps are not checked against
    /// the clock (the lab's clocks are simulated; docs/notes/fl-serve.md).</summary>
    public PutLogEventsResult PutLogEvents(LogScope scope, string logGroupName, string logStreamName, IReadOnlyList<InputLogEvent> events)
    {
        ValidateBatch(events);
        lock (_lock)
        {
            var groupId = FindGroupId(scope, logGroupName) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            var streamId = FindStreamId(groupId, logStreamName) ?? throw CloudWatchLogsErrors.LogStreamNotFound();
            var now = Now;
            long bytes = 0;
            using (var transaction = _connection.BeginTransaction())
            {
                using var insert = Command("INSERT INTO log_events (stream_id, timestamp, ingestion_time, message) VALUES ($s, $t, $i, $m)");
                insert.Transaction = transaction;
                var s = insert.Parameters.AddWithValue("$s", streamId);
                var t = insert.Parameters.Add("$t", SqliteType.Integer);
                insert.Parameters.AddWithValue("$i", now);
                var m = insert.Parameters.Add("$m", SqliteType.Text);
                foreach (var e in events)
                {
                    t.Value = e.Timestamp;
                    m.Value = e.Message;
                    insert.ExecuteNonQuery();
                    bytes += Encoding.UTF8.GetByteCount(e.Message);
                }
                using var update = Command("""
                    UPDATE log_streams SET
                        first_event = MIN(COALESCE(first_event, $first), $first),
                        last_event = MAX(COALESCE(last_event, $last), $last),
                        last_ingestion = $i,
                        stored_bytes = stored_bytes + $b
                    WHERE id = $s
                    """, ("$first", events[0].Timestamp), ("$last", events[^1].Timestamp), ("$i", now), ("$b", bytes), ("$s", streamId));
                update.Transaction = transaction;
                update.ExecuteNonQuery();
                transaction.Commit();
            }
            var lastId = Scalar("SELECT MAX(id) FROM log_events WHERE stream_id = $s", ("$s", streamId));
            return new PutLogEventsResult(lastId.ToString("D56", CultureInfo.InvariantCulture), events.Count);
        }
    }

    /// <summary>GetLogEvents: one stream's events in [StartTime, EndTime), oldest first within the page. Without a
    /// token, the first page is the earliest events when StartFromHead, else the latest. A forward token (<c>f/…</c>)
    /// continues after the page, a backward token (<c>b/…</c>) before it; at either end the token comes back unchanged.</summary>
    public LogEventsPage GetLogEvents(LogScope scope, GetLogEventsRequest request)
    {
        var take = CheckLimit(request.Limit, MaxEventsLimit);
        var token = request.NextToken is null ? (EventCursor?)null : EventCursor.Parse(request.NextToken);
        lock (_lock)
        {
            var groupId = FindGroupId(scope, request.LogGroupName) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            var streamId = FindStreamId(groupId, request.LogStreamName) ?? throw CloudWatchLogsErrors.LogStreamNotFound();
            var forward = token?.Forward ?? request.StartFromHead;
            var (afterTs, afterId) = token is { Forward: true } f ? (f.Timestamp, f.Id) : (long.MinValue, long.MinValue);
            var (beforeTs, beforeId) = token is { Forward: false } b ? (b.Timestamp, b.Id) : (long.MaxValue, long.MaxValue);
            using var command = Command($"""
                SELECT id, timestamp, ingestion_time, message FROM log_events
                WHERE stream_id = $s AND timestamp >= $start AND timestamp < $end
                  AND (timestamp > $at OR (timestamp = $at AND id > $ai))
                  AND (timestamp < $bt OR (timestamp = $bt AND id < $bi))
                ORDER BY timestamp {(forward ? "ASC" : "DESC")}, id {(forward ? "ASC" : "DESC")} LIMIT $l
                """, ("$s", streamId), ("$start", request.StartTime ?? long.MinValue), ("$end", request.EndTime ?? long.MaxValue),
                ("$at", afterTs), ("$ai", afterId), ("$bt", beforeTs), ("$bi", beforeId), ("$l", take));
            var rows = ReadAll(command, r => (Id: r.GetInt64(0), Event: new StoredLogEvent(request.LogStreamName, r.GetInt64(1),
                r.GetString(3), r.GetInt64(2), EventId(r.GetInt64(0)))));
            if (!forward)
                rows = rows.Reverse().ToImmutableArray();
            var events = rows.Select(r => r.Event).ToImmutableArray();
            if (rows.IsEmpty)
            {
                // Nothing more this way: both tokens stay where the reader is (the token it passed, else the start
                // or the end of the stream), so a tail loop keeps polling the same position.
                var at = token ?? (forward ? new EventCursor(true, 0, 0) : EndOf(streamId));
                return new LogEventsPage(events, (at with { Forward = true }).ToString(), (at with { Forward = false }).ToString());
            }
            var first = rows[0];
            var last = rows[^1];
            return new LogEventsPage(events,
                new EventCursor(true, last.Event.Timestamp, last.Id).ToString(),
                new EventCursor(false, first.Event.Timestamp, first.Id).ToString());
        }
    }

    /// <summary>FilterLogEvents: events of a group (all streams, or the named ones, or those with a prefix) in
    /// [StartTime, EndTime] (AWS: FilterLogEvents includes endTime, GetLogEvents excludes it) that match the pattern,
    /// in time order across streams.</summary>
    public FilteredLogEventsPage FilterLogEvents(LogScope scope, FilterLogEventsRequest request)
    {
        if (!request.LogStreamNames.IsDefaultOrEmpty && !string.IsNullOrEmpty(request.LogStreamNamePrefix))
            throw CloudWatchLogsErrors.Invalid("logStreamNames and logStreamNamePrefix are mutually exclusive");
        var take = CheckLimit(request.Limit, MaxEventsLimit);
        var pattern = FilterPattern.Parse(request.FilterPattern);
        var after = request.NextToken is null ? new EventCursor(true, 0, 0) : EventCursor.Parse(request.NextToken);
        lock (_lock)
        {
            var groupId = FindGroupId(scope, request.LogGroupName) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            var streamFilter = request.LogStreamNames.IsDefaultOrEmpty ? string.Empty
                : $" AND s.name IN ({string.Join(", ", request.LogStreamNames.Select((_, i) => "$n" + i.ToString(CultureInfo.InvariantCulture)))})";
            using var command = Command($"""
                SELECT e.id, e.timestamp, e.ingestion_time, e.message, s.name FROM log_events e JOIN log_streams s ON s.id = e.stream_id
                WHERE s.group_id = $g AND substr(s.name, 1, length($p)) = $p AND e.timestamp >= $start AND e.timestamp <= $end
                  AND (e.timestamp > $at OR (e.timestamp = $at AND e.id > $ai)){streamFilter}
                ORDER BY e.timestamp, e.id
                """, ("$g", groupId), ("$p", request.LogStreamNamePrefix ?? string.Empty),
                ("$start", request.StartTime ?? long.MinValue), ("$end", request.EndTime ?? long.MaxValue),
                ("$at", after.Timestamp), ("$ai", after.Id));
            for (var i = 0; !request.LogStreamNames.IsDefaultOrEmpty && i < request.LogStreamNames.Length; i++)
                command.Parameters.AddWithValue("$n" + i.ToString(CultureInfo.InvariantCulture), request.LogStreamNames[i]);
            var events = ImmutableArray.CreateBuilder<StoredLogEvent>();
            string? next = null;
            using var reader = command.ExecuteReader();
            long lastTs = 0, lastId = 0;
            while (reader.Read())
            {
                var message = reader.GetString(3);
                if (!pattern.Matches(message))
                    continue;
                if (events.Count == take)
                {
                    next = new EventCursor(true, lastTs, lastId).ToString();
                    break;
                }
                lastTs = reader.GetInt64(1);
                lastId = reader.GetInt64(0);
                events.Add(new StoredLogEvent(reader.GetString(4), lastTs, message, reader.GetInt64(2), EventId(lastId)));
            }
            return new FilteredLogEventsPage(events.ToImmutable(), next);
        }
    }

    public void Dispose() => _connection.Dispose();

    // ---- helpers ----

    private EventCursor EndOf(long streamId)
    {
        using var command = Command("SELECT timestamp, id FROM log_events WHERE stream_id = $s ORDER BY timestamp DESC, id DESC LIMIT 1", ("$s", streamId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new EventCursor(true, reader.GetInt64(0), reader.GetInt64(1)) : new EventCursor(true, 0, 0);
    }

    private static string EventId(long id) => id.ToString("D56", CultureInfo.InvariantCulture);

    private static void ValidateBatch(IReadOnlyList<InputLogEvent> events)
    {
        if (events.Count == 0)
            throw CloudWatchLogsErrors.Invalid("1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1");
        if (events.Count > MaxEventsPerPut)
            throw CloudWatchLogsErrors.Invalid($"1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to {MaxEventsPerPut}");
        long bytes = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw CloudWatchLogsErrors.Invalid("A log event is missing.");
            if (e.Message is null || e.Message.Length == 0)
                throw CloudWatchLogsErrors.Invalid($"Log event {i} has an empty message; a message must have length greater than or equal to 1.");
            if (e.Timestamp < 0)
                throw CloudWatchLogsErrors.Invalid($"Log event {i} has a negative timestamp.");
            if (i > 0 && e.Timestamp < events[i - 1].Timestamp)
                throw CloudWatchLogsErrors.Invalid("Log events in a single PutLogEvents request must be in chronological order.");
            bytes += Encoding.UTF8.GetByteCount(e.Message) + PerEventOverheadBytes;
        }
        if (bytes > MaxBatchBytes)
            throw CloudWatchLogsErrors.Invalid($"The batch of log events is {bytes} bytes; the maximum is {MaxBatchBytes} bytes.");
        if (events[^1].Timestamp - events[0].Timestamp > MaxBatchSpanMilliseconds)
            throw CloudWatchLogsErrors.Invalid("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
    }

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

    private long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
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
