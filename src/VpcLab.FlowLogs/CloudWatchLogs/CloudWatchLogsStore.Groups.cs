using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace VpcLab.FlowLogs.CloudWatchLogs;

// Log groups: per account and Region, created, deleted, described by name prefix.
public sealed partial class CloudWatchLogsStore
{
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
}
