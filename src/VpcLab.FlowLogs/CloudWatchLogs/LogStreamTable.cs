using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>A group's log streams: created on demand by deliveries, described by name or by last event.</summary>
internal sealed class LogStreamTable(LogsDatabase db)
{
    private readonly LogsDatabase _db = db;

    public LogStream CreateLogStream(LogScope scope, string logGroupName, string name)
    {
        LogRequestRules.ValidateGroupName(logGroupName);
        LogRequestRules.ValidateStreamName(name);
        lock (_db.Gate)
        {
            var groupId = _db.FindGroupId(scope, logGroupName) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            if (_db.FindStreamId(groupId, name) is not null)
                throw CloudWatchLogsErrors.LogStreamExists();
            var now = _db.Now;
            _db.Run("INSERT INTO log_streams (group_id, name, creation_time) VALUES ($g, $n, $t)", ("$g", groupId), ("$n", name), ("$t", now));
            return new LogStream(scope, logGroupName, name, now, null, null, null, 0);
        }
    }

    public void DeleteLogStream(LogScope scope, string logGroupName, string name)
    {
        lock (_db.Gate)
        {
            var groupId = _db.FindGroupId(scope, logGroupName) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            var streamId = _db.FindStreamId(groupId, name) ?? throw CloudWatchLogsErrors.LogStreamNotFound();
            _db.Run("DELETE FROM log_streams WHERE id = $id", ("$id", streamId));
        }
    }

    /// <summary>Creates the group and the stream if they are missing (flow-log delivery: AWS creates a missing group
    /// on first delivery, spec/flow-logs.md §5.2). Idempotent.</summary>
    public void EnsureLogGroupAndStream(LogScope scope, string logGroupName, string logStreamName)
    {
        LogRequestRules.ValidateGroupName(logGroupName);
        LogRequestRules.ValidateStreamName(logStreamName);
        lock (_db.Gate)
        {
            var now = _db.Now;
            _db.Run("INSERT OR IGNORE INTO log_groups (account, region, name, creation_time) VALUES ($a, $r, $n, $t)",
                ("$a", scope.Account), ("$r", scope.Region), ("$n", logGroupName), ("$t", now));
            var groupId = _db.FindGroupId(scope, logGroupName)!.Value;
            _db.Run("INSERT OR IGNORE INTO log_streams (group_id, name, creation_time) VALUES ($g, $n, $t)",
                ("$g", groupId), ("$n", logStreamName), ("$t", now));
        }
    }

    /// <summary>DescribeLogStreams: by name (prefix allowed) or by last event time (no prefix, as AWS requires).</summary>
    public DescribePage<LogStream> DescribeLogStreams(LogScope scope, string logGroupName, string? namePrefix,
        LogStreamOrder orderBy, bool descending, int? limit, string? nextToken)
    {
        if (orderBy == LogStreamOrder.LastEventTime && !string.IsNullOrEmpty(namePrefix))
            throw CloudWatchLogsErrors.Invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        var take = LogRequestRules.CheckLimit(limit, CloudWatchLogsStore.MaxDescribeLimit);
        var offset = LogRequestRules.ParseOffsetToken(nextToken);
        var direction = descending ? "DESC" : "ASC";
        var order = orderBy == LogStreamOrder.LogStreamName
            ? $"name {direction}"
            : $"COALESCE(last_event, -1) {direction}, name {direction}";
        lock (_db.Gate)
        {
            var groupId = _db.FindGroupId(scope, logGroupName) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            using var command = _db.Command($"""
                SELECT name, creation_time, first_event, last_event, last_ingestion, stored_bytes FROM log_streams
                WHERE group_id = $g AND substr(name, 1, length($p)) = $p ORDER BY {order} LIMIT $l OFFSET $o
                """, ("$g", groupId), ("$p", namePrefix ?? string.Empty), ("$l", take + 1), ("$o", offset));
            var streams = LogsDatabase.ReadAll(command, r => new LogStream(scope, logGroupName, r.GetString(0), r.GetInt64(1),
                LogsDatabase.NullableInt64(r, 2), LogsDatabase.NullableInt64(r, 3), LogsDatabase.NullableInt64(r, 4), r.GetInt64(5)));
            return LogRequestRules.Page(streams, take, offset);
        }
    }
}
