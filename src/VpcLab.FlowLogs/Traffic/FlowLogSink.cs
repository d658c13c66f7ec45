using System.Collections.Immutable;
using VpcLab.FlowLogs.CloudWatchLogs;
using VpcLab.FlowLogs.Delivery.CloudWatch;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>One run's delivery, fed window by window (<see cref="WriteAsync"/>): an S3 flow log's 5-minute slice is
/// rendered and written as soon as no record still to come can fall in it (its end is at or before the watermark),
/// then forgotten; a CloudWatch Logs flow log's events are put once no record still to come can start before them,
/// so each stream receives its events in time order and events of one timestamp in one step (stream by stream, in
/// name order, as one delivery of the whole run would); they wait for a full PutLogEvents batch (10,000 events). The files and events are those of delivering all records
/// at once (docs/semantics.md#flow-log-streaming). Slices are rendered on up to <c>workers</c> cores at once and
/// written in order, so the files never depend on the core count.</summary>
internal sealed class FlowLogSink
{
    private readonly IBucketStore _buckets;
    private readonly Func<CloudWatchLogsStore> _logs;
    private readonly S3DeliveryOptions _s3Options;
    private readonly int _workers;
    private readonly Dictionary<FlowLogId, LogState> _states = [];
    /// <summary>Slices being rendered (formatted, compressed) on other cores, in the order they are written.</summary>
    private readonly Queue<(LogState State, Task<IReadOnlyList<S3FlowLogFile>> Files)> _rendering = new();

    private sealed class LogState(FlowLog log)
    {
        public FlowLog Log { get; } = log;
        public SortedDictionary<TimeSlice, List<FlowRecord>> Slices { get; } = [];
        public List<FlowRecord> Events { get; } = [];
        public List<string> Locations { get; } = [];
        public SortedSet<string> Streams { get; } = new(StringComparer.Ordinal);
        public long Records { get; set; }
    }

    /// <summary><paramref name="workers"/>: how many slices may be rendered at once (1: one after the other, on
    /// the delivery thread). Files are written in the same order whatever the number.</summary>
    public FlowLogSink(IBucketStore buckets, Func<CloudWatchLogsStore> logs, S3DeliveryOptions? s3Options, int workers = 1)
    {
        _buckets = buckets;
        _logs = logs;
        _s3Options = s3Options ?? S3DeliveryOptions.Default;
        _workers = Math.Max(1, workers);
    }

    /// <summary>Takes the records of closed windows and writes what can no longer change; returns the bytes written
    /// (S3 objects as stored, CloudWatch Logs messages).</summary>
    public async Task<long> WriteAsync(ClosedWindows closed, CancellationToken cancellationToken)
    {
        long bytes = 0;
        for (int l = 0; l < closed.Logs.Count; l++)
        {
            var log = closed.Logs[l];
            if (!_states.TryGetValue(log.Id, out var state))
                _states[log.Id] = state = new LogState(log);
            state.Records += closed.Records[l].Count;
            switch (log.DestinationType)
            {
                case FlowLogDestinationType.S3:
                    Slice(state, closed.Records[l], closed.Watermark, cancellationToken);
                    break;
                case FlowLogDestinationType.CloudWatchLogs:
                    bytes += WriteCloudWatch(state, closed.Records[l], closed.Watermark);
                    break;
                default:
                    // Kinesis Data Firehose has no local stand-in: the records are counted, not written.
                    break;
            }
        }
        // Write what is rendered, in order; wait for the oldest when too many are on the way, and for all at the end.
        return bytes + await WriteRenderedAsync(closed.Watermark == long.MaxValue ? 0 : 2 * _workers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What each flow log wrote (S3 keys in slice and part order, or log streams in name order), flow logs
    /// in id order.</summary>
    public ImmutableArray<FlowLogDelivered> Delivered() =>
    [
        .. _states.Values.OrderBy(s => s.Log.Id.Value, StringComparer.Ordinal).Select(s => s.Log.DestinationType switch
        {
            FlowLogDestinationType.S3 => new FlowLogDelivered(s.Log, (int)s.Records, [.. s.Locations.Select(k => $"s3://{s.Log.S3Bucket}/{k}")]),
            FlowLogDestinationType.CloudWatchLogs => new FlowLogDelivered(s.Log, (int)s.Records,
                [.. s.Streams.Select(stream => $"{CloudWatchFlowLogDelivery.Target(s.Log).Group}/{stream}")]),
            _ => new FlowLogDelivered(s.Log, (int)s.Records, []),
        }),
    ];

    private void Slice(LogState state, List<FlowRecord> records, long watermark, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            var slice = TimeSlice.Of(record.End);
            if (!state.Slices.TryGetValue(slice, out var list))
                state.Slices.Add(slice, list = []);
            list.Add(record);
        }
        // A record ends at or after its start, and every record to come starts at or after the watermark.
        while (state.Slices.Count > 0 && state.Slices.First() is var (slice, list) && slice.StartSeconds + TimeSlice.LengthSeconds <= watermark)
        {
            state.Slices.Remove(slice);
            var log = state.Log;
            // Rendering is pure (the same records give the same bytes), so it may run on any core.
            var files = _workers == 1 ? S3FlowLogFiles.RenderAsync(log, list, _s3Options, cancellationToken)
                : Task.Run(() => S3FlowLogFiles.RenderAsync(log, list, _s3Options, cancellationToken), cancellationToken);
            _rendering.Enqueue((state, files));
        }
    }

    /// <summary>Writes rendered slices from the head of the queue while it is longer than <paramref name="keep"/> or
    /// its head is done; returns the bytes written.</summary>
    private async Task<long> WriteRenderedAsync(int keep, CancellationToken cancellationToken)
    {
        long bytes = 0;
        while (_rendering.Count > 0 && (_rendering.Count > keep || _rendering.Peek().Files.IsCompleted))
        {
            var (state, rendering) = _rendering.Dequeue();
            foreach (var file in await rendering.ConfigureAwait(false))
            {
                await _buckets.PutObjectAsync(state.Log.S3Bucket!, file.Key, file.Content, cancellationToken).ConfigureAwait(false);
                state.Locations.Add(file.Key);
                bytes += file.Content.Length;
            }
        }
        return bytes;
    }

    private long WriteCloudWatch(LogState state, List<FlowRecord> records, long watermark)
    {
        state.Events.AddRange(records);
        // Put in steps of a full batch (each put is a transaction on disk), and the rest at the end.
        if (state.Events.Count == 0 || (state.Events.Count < CloudWatchLogsStore.MaxEventsPerPut && watermark != long.MaxValue))
            return 0;
        List<FlowRecord> ready = [], later = [];
        foreach (var record in state.Events)
            (record.Start < watermark ? ready : later).Add(record);
        if (ready.Count == 0)
            return 0;
        state.Events.Clear();
        state.Events.AddRange(later);
        var streams = new CloudWatchFlowLogDelivery(_logs()).Deliver(state.Log, ready, out long bytes);
        state.Streams.UnionWith(streams);
        return bytes;
    }
}
