using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>Events: appended in batches with AWS's limits, read per stream (GetLogEvents) or across streams (FilterLogEvents).</summary>
internal sealed class LogEventTable(LogsDatabase db)
{
    private readonly LogsDatabase _db = db;

    /// <summary>Appends a batch to a stream in one transaction, all or nothing. AWS's batch rules apply: 1 to 10,000
    /// events, in chronological order, spanning at most 24 hours, at most 1 MiB. Timestamps are not checked against
    /// the clock (the lab's clocks are simulated; docs/semantics.md#flow-log-data).</summary>
    public PutLogEventsResult PutLogEvents(LogScope scope, string logGroupName, string logStreamName, IReadOnlyList<InputLogEvent> events)
    {
        ValidateBatch(events);
        lock (_db.Gate)
        {
            var groupId = _db.FindGroupId(scope, logGroupName) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            var streamId = _db.FindStreamId(groupId, logStreamName) ?? throw CloudWatchLogsErrors.LogStreamNotFound();
            var now = _db.Now;
            long bytes = 0, lastId;
            using (var transaction = _db.BeginTransaction())
            {
                using var insert = _db.Command("INSERT INTO log_events (stream_id, timestamp, ingestion_time, message) VALUES ($s, $t, $i, $m)");
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
                // The batch's last row has the stream's highest id (a new rowid is above every rowid in the table).
                // Asking the index for MAX(id) of the stream instead read all of the stream's entries on every put,
                // which made a month of CloudWatch Logs delivery quadratic (docs/benchmarks.md#flow-log-month-cpu).
                using (var last = _db.Command("SELECT last_insert_rowid()"))
                {
                    last.Transaction = transaction;
                    lastId = Convert.ToInt64(last.ExecuteScalar(), CultureInfo.InvariantCulture);
                }
                using var update = _db.Command("""
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
            return new PutLogEventsResult(lastId.ToString("D56", CultureInfo.InvariantCulture), events.Count);
        }
    }

    /// <summary>GetLogEvents: one stream's events in [StartTime, EndTime), oldest first within the page. Without a
    /// token, the first page is the earliest events when StartFromHead, else the latest. A forward token (<c>f/…</c>)
    /// continues after the page, a backward token (<c>b/…</c>) before it; at either end the token comes back unchanged.</summary>
    public LogEventsPage GetLogEvents(LogScope scope, GetLogEventsRequest request)
    {
        var take = LogRequestRules.CheckLimit(request.Limit, CloudWatchLogsStore.MaxEventsLimit);
        var token = request.NextToken is null ? (EventCursor?)null : EventCursor.Parse(request.NextToken);
        lock (_db.Gate)
        {
            var groupId = _db.FindGroupId(scope, request.LogGroupName) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            var streamId = _db.FindStreamId(groupId, request.LogStreamName) ?? throw CloudWatchLogsErrors.LogStreamNotFound();
            var forward = token?.Forward ?? request.StartFromHead;
            var (afterTs, afterId) = token is { Forward: true } f ? (f.Timestamp, f.Id) : (long.MinValue, long.MinValue);
            var (beforeTs, beforeId) = token is { Forward: false } b ? (b.Timestamp, b.Id) : (long.MaxValue, long.MaxValue);
            using var command = _db.Command($"""
                SELECT id, timestamp, ingestion_time, message FROM log_events
                WHERE stream_id = $s AND timestamp >= $start AND timestamp < $end
                  AND (timestamp > $at OR (timestamp = $at AND id > $ai))
                  AND (timestamp < $bt OR (timestamp = $bt AND id < $bi))
                ORDER BY timestamp {(forward ? "ASC" : "DESC")}, id {(forward ? "ASC" : "DESC")} LIMIT $l
                """, ("$s", streamId), ("$start", request.StartTime ?? long.MinValue), ("$end", request.EndTime ?? long.MaxValue),
                ("$at", afterTs), ("$ai", afterId), ("$bt", beforeTs), ("$bi", beforeId), ("$l", take));
            var rows = LogsDatabase.ReadAll(command, r => (Id: r.GetInt64(0), Event: new StoredLogEvent(request.LogStreamName, r.GetInt64(1),
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
        var take = LogRequestRules.CheckLimit(request.Limit, CloudWatchLogsStore.MaxEventsLimit);
        var pattern = FilterPattern.Parse(request.FilterPattern);
        var after = request.NextToken is null ? new EventCursor(true, 0, 0) : EventCursor.Parse(request.NextToken);
        lock (_db.Gate)
        {
            var groupId = _db.FindGroupId(scope, request.LogGroupName) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            var streamFilter = request.LogStreamNames.IsDefaultOrEmpty ? string.Empty
                : $" AND s.name IN ({string.Join(", ", request.LogStreamNames.Select((_, i) => "$n" + i.ToString(CultureInfo.InvariantCulture)))})";
            using var command = _db.Command($"""
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

    private EventCursor EndOf(long streamId)
    {
        using var command = _db.Command("SELECT timestamp, id FROM log_events WHERE stream_id = $s ORDER BY timestamp DESC, id DESC LIMIT 1", ("$s", streamId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new EventCursor(true, reader.GetInt64(0), reader.GetInt64(1)) : new EventCursor(true, 0, 0);
    }

    private static string EventId(long id) => id.ToString("D56", CultureInfo.InvariantCulture);

    private static void ValidateBatch(IReadOnlyList<InputLogEvent> events)
    {
        if (events.Count == 0)
            throw CloudWatchLogsErrors.Invalid("1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1");
        if (events.Count > CloudWatchLogsStore.MaxEventsPerPut)
            throw CloudWatchLogsErrors.Invalid($"1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to {CloudWatchLogsStore.MaxEventsPerPut}");
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
            bytes += Encoding.UTF8.GetByteCount(e.Message) + CloudWatchLogsStore.PerEventOverheadBytes;
        }
        if (bytes > CloudWatchLogsStore.MaxBatchBytes)
            throw CloudWatchLogsErrors.Invalid($"The batch of log events is {bytes} bytes; the maximum is {CloudWatchLogsStore.MaxBatchBytes} bytes.");
        if (events[^1].Timestamp - events[0].Timestamp > CloudWatchLogsStore.MaxBatchSpanMilliseconds)
            throw CloudWatchLogsErrors.Invalid("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
    }
}
