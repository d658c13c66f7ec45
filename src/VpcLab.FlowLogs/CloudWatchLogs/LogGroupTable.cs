using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>Log groups, per account and Region: created, deleted, described by name prefix.</summary>
internal sealed class LogGroupTable(LogsDatabase db)
{
    private readonly LogsDatabase _db = db;

    public LogGroup CreateLogGroup(LogScope scope, string name)
    {
        LogRequestRules.ValidateGroupName(name);
        lock (_db.Gate)
        {
            if (_db.FindGroupId(scope, name) is not null)
                throw CloudWatchLogsErrors.LogGroupExists();
            var now = _db.Now;
            _db.Run("INSERT INTO log_groups (account, region, name, creation_time) VALUES ($a, $r, $n, $t)",
                ("$a", scope.Account), ("$r", scope.Region), ("$n", name), ("$t", now));
            return new LogGroup(scope, name, now, 0);
        }
    }

    public void DeleteLogGroup(LogScope scope, string name)
    {
        LogRequestRules.ValidateGroupName(name);
        lock (_db.Gate)
        {
            var id = _db.FindGroupId(scope, name) ?? throw CloudWatchLogsErrors.LogGroupNotFound();
            _db.Run("DELETE FROM log_groups WHERE id = $id", ("$id", id));
        }
    }

    /// <summary>The scope's groups whose name starts with <paramref name="namePrefix"/>, by name.</summary>
    public DescribePage<LogGroup> DescribeLogGroups(LogScope scope, string? namePrefix, int? limit, string? nextToken)
    {
        var take = LogRequestRules.CheckLimit(limit, CloudWatchLogsStore.MaxDescribeLimit);
        var offset = LogRequestRules.ParseOffsetToken(nextToken);
        lock (_db.Gate)
        {
            using var command = _db.Command("""
                SELECT g.name, g.creation_time, COALESCE((SELECT SUM(s.stored_bytes) FROM log_streams s WHERE s.group_id = g.id), 0)
                FROM log_groups g WHERE g.account = $a AND g.region = $r AND substr(g.name, 1, length($p)) = $p
                ORDER BY g.name LIMIT $l OFFSET $o
                """, ("$a", scope.Account), ("$r", scope.Region), ("$p", namePrefix ?? string.Empty), ("$l", take + 1), ("$o", offset));
            var groups = LogsDatabase.ReadAll(command, r => new LogGroup(scope, r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
            return LogRequestRules.Page(groups, take, offset);
        }
    }

    /// <summary>Every scope that holds a group named <paramref name="name"/> (the CLI finds a group by name alone).</summary>
    public ImmutableArray<LogScope> FindLogGroupScopes(string name)
    {
        lock (_db.Gate)
        {
            using var command = _db.Command("SELECT account, region FROM log_groups WHERE name = $n ORDER BY account, region", ("$n", name));
            return LogsDatabase.ReadAll(command, r => new LogScope(r.GetString(0), r.GetString(1)));
        }
    }

    /// <summary>Every group of every scope, by account, Region and name.</summary>
    public ImmutableArray<LogGroup> ListAllLogGroups()
    {
        lock (_db.Gate)
        {
            using var command = _db.Command("""
                SELECT g.account, g.region, g.name, g.creation_time, COALESCE((SELECT SUM(s.stored_bytes) FROM log_streams s WHERE s.group_id = g.id), 0)
                FROM log_groups g ORDER BY g.account, g.region, g.name
                """);
            return LogsDatabase.ReadAll(command, r => new LogGroup(new LogScope(r.GetString(0), r.GetString(1)), r.GetString(2), r.GetInt64(3), r.GetInt64(4)));
        }
    }
}
