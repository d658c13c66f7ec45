using System.Globalization;
using System.Text.RegularExpressions;
using VpcLab.FlowLogs.CloudWatchLogs;
using VpcLab.FlowLogs.Delivery.CloudWatch;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>The one place that decides whether a run may write into an output folder (<c>{dir}/s3/</c>,
/// <c>{dir}/cloudwatch-logs.db</c>) that already holds one: refuse, replace it, or append a later span of time. S3
/// files of one slice would be overwritten and CloudWatch Logs events doubled, so appending is allowed only when every
/// file and event already there is older than the new run's first slice (docs/semantics.md#re-runs).</summary>
internal static partial class RunDirectory
{
    public const string S3Folder = "s3";
    public const string CloudWatchLogsFile = "cloudwatch-logs.db";

    [GeneratedRegex(@"_(\d{8}T\d{4})Z_[0-9a-f]{8}\.log\.", RegexOptions.CultureInvariant)]
    private static partial Regex SliceInName();

    /// <summary>Applies <paramref name="policy"/> before a run from <paramref name="start"/> writes into
    /// <paramref name="directory"/>.</summary>
    /// <exception cref="OutputInUseException">The folder holds a run and the policy refuses, or (append) the previous
    /// run reaches into this one's time.</exception>
    public static void Prepare(string directory, ExistingRun policy, Network network, DateTimeOffset start)
    {
        if (!HoldsRun(directory))
            return;
        switch (policy)
        {
            case ExistingRun.Replace:
                Remove(directory);
                break;
            case ExistingRun.Append:
                if (Overlap(directory, network, start) is { } overlap)
                    throw new OutputInUseException($"{directory} already holds flow logs at or after this run's start " +
                        $"({start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}, slice {TimeSlice.Of(start.ToUnixTimeSeconds()).Start:yyyy-MM-dd'T'HH:mm'Z'}): {overlap}; " +
                        "appending would overwrite files and double CloudWatch Logs events.");
                break;
            default:
                throw new OutputInUseException($"{directory} already holds a run ({Describe(directory)}); a second run would " +
                    "overwrite its files or double its CloudWatch Logs events.");
        }
    }

    public static bool HoldsRun(string directory) =>
        File.Exists(Path.Combine(directory, CloudWatchLogsFile))
        || (Directory.Exists(Path.Combine(directory, S3Folder))
            && Directory.EnumerateFiles(Path.Combine(directory, S3Folder), "*", SearchOption.AllDirectories).Any());

    private static string Describe(string directory) => string.Join(" and ", new[]
    {
        Directory.Exists(Path.Combine(directory, S3Folder)) ? $"{S3Folder}/" : null,
        File.Exists(Path.Combine(directory, CloudWatchLogsFile)) ? CloudWatchLogsFile : null,
    }.OfType<string>());

    private static void Remove(string directory)
    {
        var s3 = Path.Combine(directory, S3Folder);
        if (Directory.Exists(s3))
            Directory.Delete(s3, recursive: true);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(Path.Combine(directory, CloudWatchLogsFile + suffix));
    }

    /// <summary>The first S3 file or CloudWatch Logs stream of one of <paramref name="network"/>'s flow logs that holds
    /// records of the slice of <paramref name="start"/> or later; null when there is none.</summary>
    private static string? Overlap(string directory, Network network, DateTimeOffset start)
    {
        long firstSlice = TimeSlice.Of(start.ToUnixTimeSeconds()).StartSeconds;
        var buckets = new LocalDirectoryBucketStore(Path.Combine(directory, S3Folder));
        foreach (var log in network.FlowLogs.Values.OrderBy(f => f.Id.Value, StringComparer.Ordinal))
        {
            if (log.DestinationType == FlowLogDestinationType.S3 && Directory.Exists(Path.Combine(buckets.Root, log.S3Bucket!)))
            {
                foreach (var key in buckets.ListAsync(log.S3Bucket!).GetAwaiter().GetResult())
                {
                    var match = SliceInName().Match(key);
                    if (key.Contains($"_{log.Id.Value}_", StringComparison.Ordinal) && match.Success
                        && DateTimeOffset.ParseExact(match.Groups[1].Value, "yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture,
                            DateTimeStyles.AssumeUniversal).ToUnixTimeSeconds() >= firstSlice)
                        return $"s3://{log.S3Bucket}/{key}";
                }
            }
        }
        return CloudWatchOverlap(directory, network, start);
    }

    private static string? CloudWatchOverlap(string directory, Network network, DateTimeOffset start)
    {
        var file = Path.Combine(directory, CloudWatchLogsFile);
        var logs = network.FlowLogs.Values.Where(f => f.DestinationType == FlowLogDestinationType.CloudWatchLogs).ToList();
        if (!File.Exists(file) || logs.Count == 0)
            return null;
        using var store = CloudWatchLogsStore.Open(file);
        foreach (var log in logs.OrderBy(f => f.Id.Value, StringComparer.Ordinal))
        {
            var (scope, group) = CloudWatchFlowLogDelivery.Target(log);
            if (store.FindLogGroupScopes(group).IndexOf(scope) < 0)
                continue;
            var latest = store.DescribeLogStreams(scope, group, orderBy: LogStreamOrder.LastEventTime, descending: true, limit: 1).Items;
            if (latest.FirstOrDefault() is { LastEventTimestamp: { } last } stream && last >= start.ToUnixTimeMilliseconds())
                return $"log group {group}, stream {stream.Name}, has events up to {DateTimeOffset.FromUnixTimeMilliseconds(last).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}";
        }
        return null;
    }
}
