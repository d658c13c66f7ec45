using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>What a run left in its output folder, as lines to compare: the SHA-256 of each delivered file's bytes with
/// its path under the folder, then one line for the CloudWatch Logs events (stream, timestamp, message, in time then
/// put order). The golden manifests in Traffic/Golden/ have this shape.</summary>
internal static class DeliveredFiles
{
    public static string[] Manifest(string root)
    {
        var lines = new List<string>();
        var s3 = Path.Combine(root, "s3");
        if (Directory.Exists(s3))
        {
            foreach (var file in Directory.EnumerateFiles(s3, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal))
                lines.Add($"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, file))))}  {file}");
        }
        var db = Path.Combine(root, "cloudwatch-logs.db");
        if (File.Exists(db))
            lines.Add(Events(db, all: true));
        return [.. lines];
    }

    /// <summary>A golden manifest from Traffic/Golden/, without its comment lines.</summary>
    public static string[] Golden(string name) =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Traffic", "Golden", name)).Where(l => !l.StartsWith('#'))];

    /// <summary>One line per CloudWatch Logs stream: the SHA-256 of its events (timestamp, message, in time then put
    /// order), then <c>cloudwatch/{group}/{stream}</c>; none without a store.</summary>
    public static string[] Events(string root)
    {
        var db = Path.Combine(root, "cloudwatch-logs.db");
        if (!File.Exists(db))
            return [];
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT g.name, s.name, e.timestamp, e.message FROM log_events e JOIN log_streams s ON s.id = e.stream_id
            JOIN log_groups g ON g.id = s.group_id ORDER BY g.name, s.name, e.timestamp, e.id
            """;
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        string? current = null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        while (reader.Read())
        {
            var stream = $"cloudwatch/{reader.GetString(0)}/{reader.GetString(1)}";
            if (current is not null && stream != current)
                lines.Add($"{Convert.ToHexStringLower(hash.GetHashAndReset())}  {current}");
            current = stream;
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{reader.GetInt64(2)}\t{reader.GetString(3)}\n"));
        }
        if (current is not null)
            lines.Add($"{Convert.ToHexStringLower(hash.GetHashAndReset())}  {current}");
        return [.. lines];
    }

    private static string Events(string db, bool all)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.name, e.timestamp, e.message FROM log_events e JOIN log_streams s ON s.id = e.stream_id ORDER BY e.timestamp, e.id";
        using var reader = command.ExecuteReader();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int n = 0;
        while (reader.Read())
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{reader.GetString(0)}\t{reader.GetInt64(1)}\t{reader.GetString(2)}\n"));
            n++;
        }
        return $"{Convert.ToHexStringLower(hash.GetHashAndReset())}  cloudwatch-logs.db events={n}";
    }
}
