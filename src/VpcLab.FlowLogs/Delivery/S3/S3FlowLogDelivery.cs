using VpcLab.Model;

namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>Delivers a flow log's records to its S3 destination (bucket and folder from <see cref="FlowLog.LogDestination"/>)
/// in a bucket store. Writes the records it is given: picking them by TrafficType is the caller's job.</summary>
public sealed class S3FlowLogDelivery(IBucketStore store, S3DeliveryOptions? options = null)
{
    private readonly IBucketStore _store = store ?? throw new ArgumentNullException(nameof(store));

    public S3DeliveryOptions Options { get; } = options ?? S3DeliveryOptions.Default;

    /// <summary>Writes the objects and returns their keys, in slice then part order.</summary>
    public async Task<IReadOnlyList<string>> DeliverAsync(FlowLog log, IEnumerable<FlowRecord> records, CancellationToken cancellationToken = default)
    {
        var files = await DeliverFilesAsync(log, records, cancellationToken).ConfigureAwait(false);
        return [.. files.Select(f => f.Key)];
    }

    /// <summary>Writes the objects and returns them (key, slice, part, records, bytes), in slice then part order.</summary>
    public async Task<IReadOnlyList<S3FlowLogFile>> DeliverFilesAsync(FlowLog log, IEnumerable<FlowRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var files = await S3FlowLogFiles.RenderAsync(log, records, Options, cancellationToken).ConfigureAwait(false);
        var bucket = log.S3Bucket!;
        foreach (var file in files)
            await _store.PutObjectAsync(bucket, file.Key, file.Content, cancellationToken).ConfigureAwait(false);
        return files;
    }
}
