using System.Collections.Immutable;
using VpcLab.FlowLogs.CloudWatchLogs;
using VpcLab.FlowLogs.Delivery.CloudWatch;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>Where a run's flow logs go. On this machine (<c>vpclab traffic</c>): S3 destinations under
/// <c>{Directory}/s3/{bucket}/{key}</c> (the directory stands for S3, in AWS's key layout), CloudWatch Logs destinations
/// into <c>{Directory}/cloudwatch-logs.db</c>. In a server: its own buckets and log groups, where AWS clients read them.</summary>
public sealed class FlowLogOutput
{
    private readonly IBucketStore? _buckets;
    private readonly Func<CloudWatchLogsStore>? _logs;
    private readonly S3DeliveryOptions? _s3Options;

    /// <summary>Delivers into files under <paramref name="directory"/>.</summary>
    public FlowLogOutput(string directory, S3DeliveryOptions? s3Options = null)
    {
        Directory = Path.GetFullPath(directory);
        _s3Options = s3Options;
    }

    /// <summary>Delivers into given stores (a server's buckets and log groups); <paramref name="logs"/> is asked for
    /// the CloudWatch Logs store only when a flow log needs it, and the store stays its owner's.</summary>
    public FlowLogOutput(IBucketStore buckets, Func<CloudWatchLogsStore> logs, S3DeliveryOptions? s3Options = null)
    {
        _buckets = buckets ?? throw new ArgumentNullException(nameof(buckets));
        _logs = logs ?? throw new ArgumentNullException(nameof(logs));
        _s3Options = s3Options;
    }

    /// <summary>The directory delivered into; null when delivering into a server's stores.</summary>
    public string? Directory { get; }

    /// <summary>What to do when <see cref="Directory"/> already holds a run (refuse by default); a server's stores
    /// take every run, as AWS's do.</summary>
    public ExistingRun ExistingRun { get; init; }

    /// <summary>How many S3 slices may be formatted and compressed at once (default: one per core). The files are
    /// the same, written in the same order, whatever the number.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Applies <see cref="ExistingRun"/> before a run from <paramref name="start"/> writes.</summary>
    /// <exception cref="OutputInUseException">The directory holds a run and may not be written as asked.</exception>
    public void Prepare(Network network, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (Directory is not null)
            RunDirectory.Prepare(Directory, ExistingRun, network, start);
    }

    /// <summary>Delivers every flow log's records at once (a run kept in memory: <see cref="TrafficSimulator.Run"/>);
    /// returns what each one wrote (S3 keys or log streams). The same files and events as the streamed delivery of
    /// <see cref="TrafficRun"/>.</summary>
    public async Task<ImmutableArray<FlowLogDelivered>> DeliverAsync(Network network, TrafficResult result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(result);
        Prepare(network, result.Start);
        var logs = result.Records.Keys.OrderBy(id => id.Value, StringComparer.Ordinal).Select(id => network.FlowLogs[id]).ToArray();
        var all = new ClosedWindows(logs, [.. logs.Select(l => result.Records[l.Id].ToList())], long.MaxValue);
        return await WriteAsync(async (sink, ct) => await sink.WriteAsync(all, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the destinations, lets <paramref name="write"/> feed the sink, closes them; returns what each
    /// flow log wrote.</summary>
    internal async Task<ImmutableArray<FlowLogDelivered>> WriteAsync(Func<FlowLogSink, CancellationToken, Task> write,
        CancellationToken cancellationToken, bool byInterfaceGroup = false)
    {
        var s3Options = byInterfaceGroup ? (_s3Options ?? S3DeliveryOptions.Default) with { ByInterfaceGroup = true } : _s3Options;
        if (Directory is null)
        {
            var sink = new FlowLogSink(_buckets!, _logs!, s3Options, Workers);
            await write(sink, cancellationToken).ConfigureAwait(false);
            return sink.Delivered();
        }
        CloudWatchLogsStore? logs = null;
        try
        {
            var sink = new FlowLogSink(new LocalDirectoryBucketStore(Path.Combine(Directory, "s3")),
                () => logs ??= CloudWatchLogsStore.Open(Path.Combine(Directory, "cloudwatch-logs.db")), s3Options, Workers);
            await write(sink, cancellationToken).ConfigureAwait(false);
            return sink.Delivered();
        }
        finally
        {
            logs?.Dispose();
        }
    }
}
