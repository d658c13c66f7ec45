using System.Text;
using VpcLab.FlowLogs.CloudWatchLogs;
using VpcLab.FlowLogs.Formatting;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Delivery.CloudWatch;

/// <summary>Delivers a flow log's records to its CloudWatch Logs group (flow-logs.md §5.2): one stream per interface,
/// named <c>{eni-id}-{all|accept|reject}</c>; one event per record, timestamp = record start in milliseconds,
/// message = the record line (no header). A missing group or stream is created. Writes the records it is given:
/// picking them by TrafficType is the caller's job.</summary>
public sealed class CloudWatchFlowLogDelivery(CloudWatchLogsStore store)
{
    private readonly CloudWatchLogsStore _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>Writes the events and returns the streams written to, in name order.</summary>
    public IReadOnlyList<string> Deliver(FlowLog log, IEnumerable<FlowRecord> records) => Deliver(log, records, out _);

    /// <summary>Writes the events and returns the streams written to, in name order; <paramref name="bytes"/> is the
    /// size of the messages written (UTF-8).</summary>
    public IReadOnlyList<string> Deliver(FlowLog log, IEnumerable<FlowRecord> records, out long bytes)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(records);
        var (scope, group) = Target(log);
        var formatter = new FlowRecordFormatter(log.Format);
        var streams = new List<string>();
        bytes = 0;
        foreach (var byInterface in records.GroupBy(r => r.Interface.InterfaceId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var stream = StreamName(byInterface.Key, log.TrafficType);
            // By start first, so timestamps are in the chronological order PutLogEvents requires.
            var sorted = FlowRecordOrder.Sort([.. byInterface]);
            _store.EnsureLogGroupAndStream(scope, group, stream);
            foreach (var batch in Batches(sorted.Select(r => new InputLogEvent(r.Start * 1000, formatter.FormatLine(r)))))
            {
                _store.PutLogEvents(scope, group, stream, batch);
                foreach (var e in batch)
                    bytes += Encoding.UTF8.GetByteCount(e.Message);
            }
            streams.Add(stream);
        }
        return streams;
    }

    /// <summary><c>{eni-id}-all</c>, <c>-accept</c> or <c>-reject</c> (AWS appends the traffic type; unconfirmed).</summary>
    public static string StreamName(string interfaceId, FlowLogTrafficType trafficType) => trafficType switch
    {
        FlowLogTrafficType.Accept => interfaceId + "-accept",
        FlowLogTrafficType.Reject => interfaceId + "-reject",
        _ => interfaceId + "-all",
    };

    /// <summary>The group's account/Region and name: from a <c>arn:aws:logs:{region}:{account}:log-group:{name}[:*]</c>
    /// destination, else LogGroupName in the flow log's own account and Region.</summary>
    public static (LogScope Scope, string Group) Target(FlowLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.DestinationType != FlowLogDestinationType.CloudWatchLogs)
            throw new ArgumentException($"Flow log {log.Id.Value} delivers to {log.DestinationType}, not to CloudWatch Logs.", nameof(log));
        var arn = log.LogDestination;
        if (!string.IsNullOrEmpty(arn) && arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            var parts = arn.Split(':');
            if (parts.Length < 7 || parts[2] != "logs" || parts[5] != "log-group" || parts[6].Length == 0)
                throw new ArgumentException($"Flow log {log.Id.Value} has LogDestination '{arn}', not a CloudWatch Logs log group ARN.", nameof(log));
            return (new LogScope(parts[4], parts[3]), parts[6]);
        }
        var group = log.LogGroupName ?? (string.IsNullOrEmpty(arn) ? null : arn);
        if (string.IsNullOrEmpty(group))
            throw new ArgumentException($"Flow log {log.Id.Value} names no log group.", nameof(log));
        return (new LogScope(log.OwnerId.Value, log.Region), group);
    }

    /// <summary>Cuts events into PutLogEvents batches within AWS's limits: 10,000 events, 1 MiB (26 bytes per event
    /// counted on top of the message), 24 hours between the first and the last.</summary>
    internal static IEnumerable<List<InputLogEvent>> Batches(IEnumerable<InputLogEvent> events)
    {
        var batch = new List<InputLogEvent>();
        long bytes = 0;
        foreach (var e in events)
        {
            long size = Encoding.UTF8.GetByteCount(e.Message) + CloudWatchLogsStore.PerEventOverheadBytes;
            if (batch.Count > 0 && (batch.Count == CloudWatchLogsStore.MaxEventsPerPut || bytes + size > CloudWatchLogsStore.MaxBatchBytes
                || e.Timestamp - batch[0].Timestamp > CloudWatchLogsStore.MaxBatchSpanMilliseconds))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
            batch.Add(e);
            bytes += size;
        }
        if (batch.Count > 0)
            yield return batch;
    }
}
