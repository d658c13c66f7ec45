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

    /// <summary>Delivers every flow log's records; returns what each one wrote (S3 keys or log streams).</summary>
    public async Task<ImmutableArray<FlowLogDelivered>> DeliverAsync(Network network, TrafficResult result,
        CancellationToken cancellationToken = default)
    {
        if (Directory is null)
            return await DeliverAsync(network, result, _buckets!, _logs!, cancellationToken).ConfigureAwait(false);
        CloudWatchLogsStore? logs = null;
        try
        {
            return await DeliverAsync(network, result, new LocalDirectoryBucketStore(Path.Combine(Directory, "s3")),
                () => logs ??= CloudWatchLogsStore.Open(Path.Combine(Directory, "cloudwatch-logs.db")), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            logs?.Dispose();
        }
    }

    private async Task<ImmutableArray<FlowLogDelivered>> DeliverAsync(Network network, TrafficResult result,
        IBucketStore buckets, Func<CloudWatchLogsStore> logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(result);
        var delivered = ImmutableArray.CreateBuilder<FlowLogDelivered>();
        var s3 = new S3FlowLogDelivery(buckets, _s3Options);
        foreach (var (id, records) in result.Records.OrderBy(r => r.Key.Value, StringComparer.Ordinal))
        {
            var log = network.FlowLogs[id];
            switch (log.DestinationType)
            {
                case FlowLogDestinationType.S3:
                    var keys = records.IsEmpty ? [] : await s3.DeliverAsync(log, records, cancellationToken).ConfigureAwait(false);
                    delivered.Add(new FlowLogDelivered(log, records.Length, [.. keys.Select(k => $"s3://{log.S3Bucket}/{k}")]));
                    break;
                case FlowLogDestinationType.CloudWatchLogs:
                    var streams = records.IsEmpty ? [] : new CloudWatchFlowLogDelivery(logs()).Deliver(log, records);
                    var group = CloudWatchFlowLogDelivery.Target(log).Group;
                    delivered.Add(new FlowLogDelivered(log, records.Length, [.. streams.Select(s => $"{group}/{s}")]));
                    break;
                default:
                    // Kinesis Data Firehose has no local stand-in: the records are counted, not written.
                    delivered.Add(new FlowLogDelivered(log, records.Length, []));
                    break;
            }
        }
        return delivered.ToImmutable();
    }
}
