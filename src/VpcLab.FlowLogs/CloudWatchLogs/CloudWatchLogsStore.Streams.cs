using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace VpcLab.FlowLogs.CloudWatchLogs;

// Log streams of a group: created on demand by deliveries, described by name or by last event.
public sealed partial class CloudWatchLogsStore
{
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
}
