using System.Collections.Immutable;
using VpcLab.FlowLogs.CloudWatchLogs;
using VpcLab.FlowLogs.Delivery.CloudWatch;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>Where a run's flow logs go on this machine: S3 destinations under <c>{Directory}/s3/{bucket}/{key}</c>
/// (the directory stands for S3, in AWS's key layout), CloudWatch Logs destinations into
/// <c>{Directory}/cloudwatch-logs.db</c>.</summary>
public sealed class FlowLogOutput(string directory, S3DeliveryOptions? s3Options = null)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public string BucketRoot => Path.Combine(Directory, "s3");

    public string CloudWatchLogsPath => Path.Combine(Directory, "cloudwatch-logs.db");

    /// <summary>Delivers every flow log's records; returns what each one wrote (S3 keys or log streams).</summary>
    public async Task<ImmutableArray<FlowLogDelivered>> DeliverAsync(Network network, TrafficResult result,
        CancellationToken cancellationToken = default)
    {
        CloudWatchLogsStore? logs = null;
        try
        {
            return await DeliverAsync(network, result, new LocalDirectoryBucketStore(BucketRoot),
                () => logs ??= CloudWatchLogsStore.Open(CloudWatchLogsPath), s3Options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            logs?.Dispose();
        }
    }

    /// <summary>Delivers into given stores (a server's buckets and log groups); <paramref name="logs"/> is asked
    /// for the CloudWatch Logs store only when a flow log needs it.</summary>
    public static async Task<ImmutableArray<FlowLogDelivered>> DeliverAsync(Network network, TrafficResult result,
        IBucketStore buckets, Func<CloudWatchLogsStore> logs, S3DeliveryOptions? s3Options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(logs);
        var delivered = ImmutableArray.CreateBuilder<FlowLogDelivered>();
        var s3 = new S3FlowLogDelivery(buckets, s3Options);
        {
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
        }
        return delivered.ToImmutable();
    }
}

/// <summary>One flow log's delivery: how many records and where they went (s3://bucket/key or group/stream).</summary>
public sealed record FlowLogDelivered(FlowLog FlowLog, int Records, ImmutableArray<string> Locations);
