using System.Collections.Immutable;
using System.Threading.Channels;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>A run as two stages over a bounded queue: the simulator (its own thread) closes windows in time order and
/// queues them; delivery takes them in the same order and writes. One producer, one consumer, a queue of a few
/// steps: memory stays bounded (a slow disk holds the simulator back) and the output is the same as doing both one
/// after the other, whatever the cores.</summary>
internal static class TrafficPipeline
{
    /// <summary>Steps (about a simulated minute each) the simulator may run ahead of delivery.</summary>
    private const int QueuedSteps = 8;

    public static async Task<(TrafficTotals Totals, ImmutableArray<FlowLogDelivered> Delivered)> RunAsync(
        TrafficSimulator simulator, TrafficRunRequest request, DateTimeOffset start, IProgress<TrafficProgress>? progress,
        CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<ClosedWindows>(new BoundedChannelOptions(QueuedSteps)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Factory.StartNew(() => Produce(simulator, request, start, queue.Writer, stop.Token),
            stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        ImmutableArray<FlowLogDelivered> delivered;
        try
        {
            // A shard writes one file per slice and delivery group, so shards' files never share a name.
            delivered = await request.Output.WriteAsync((sink, ct) => ConsumeAsync(sink, queue.Reader, start + request.Duration, progress, ct), stop.Token,
                byInterfaceGroup: request.Options.Shard is not null).ConfigureAwait(false);
        }
        catch
        {
            // Delivery failed (or the simulator did): stop the simulator; its own error, if it had one, wins.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            throw;
        }
        return (await producer.ConfigureAwait(false), delivered);
    }

    private static TrafficTotals Produce(TrafficSimulator simulator, TrafficRunRequest request, DateTimeOffset start,
        ChannelWriter<ClosedWindows> writer, CancellationToken cancellationToken)
    {
        try
        {
            var totals = simulator.Play(request.Workload, start, request.Duration, closed =>
            {
                while (!writer.TryWrite(closed))
                {
                    if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                        throw new InvalidOperationException("The delivery queue closed before the run ended.");
                }
            });
            writer.Complete();
            return totals;
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
            throw;
        }
    }

    private static async Task ConsumeAsync(FlowLogSink sink, ChannelReader<ClosedWindows> reader, DateTimeOffset end,
        IProgress<TrafficProgress>? progress, CancellationToken cancellationToken)
    {
        long records = 0, bytes = 0;
        await foreach (var closed in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            bytes += await sink.WriteAsync(closed, cancellationToken).ConfigureAwait(false);
            records += closed.Count;
            var at = closed.Watermark >= end.ToUnixTimeSeconds() ? end : DateTimeOffset.FromUnixTimeSeconds(closed.Watermark);
            progress?.Report(new TrafficProgress(at, records, bytes));
        }
    }
}
