using System.Collections.Immutable;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>Aggregates what interfaces saw into flow log records, per flow log: one record per interface, direction,
/// 5-tuple and action in each aggregation window (aligned to the epoch; its length is AggregationWindow's), packets and bytes summed,
/// tcp-flags OR-ed, start/end the first and last packet in the window. A flow log keeps only records of its traffic
/// type and only traffic after its creation.</summary>
internal sealed class FlowLogCollector
{
    private readonly CompiledNetwork _network;
    private readonly InterfaceContexts _contexts;
    private readonly AwsIpRanges _ranges;
    private readonly FlowLog[] _logs;
    /// <summary>For each interface index, the flow logs (indexes into _logs) that watch it.</summary>
    private readonly int[][] _watchers;
    /// <summary>For each interface index, the window length (seconds) of each of its watchers, decided once.</summary>
    private readonly long[][] _windows;
    private readonly Dictionary<Key, Counters> _records = [];

    private readonly record struct Key(int Log, int Interface, long Window, TrafficDirection Direction, FlowKey Packet, bool Accepted);

    private sealed class Counters
    {
        public long Packets;
        public long Bytes;
        public long First = long.MaxValue;
        public long Last = long.MinValue;
        public int Flags;
        public TrafficPath Path;
    }

    public FlowLogCollector(CompiledNetwork network, InterfaceContexts contexts, AwsIpRanges ranges)
    {
        _network = network;
        _contexts = contexts;
        _ranges = ranges;
        _logs = [.. network.Network.FlowLogs.Values.OrderBy(f => f.Id.Value, StringComparer.Ordinal)];
        _watchers = new int[network.InterfaceCount][];
        _windows = new long[network.InterfaceCount][];
        for (int i = 0; i < _watchers.Length; i++)
        {
            var eni = network.InterfaceAt(i);
            _watchers[i] = [.. Enumerable.Range(0, _logs.Length).Where(l => _logs[l].Covers(eni))];
            _windows[i] = [.. _watchers[i].Select(l => AggregationWindow.Seconds(_logs[l], eni))];
        }
    }

    public IReadOnlyList<FlowLog> Logs => _logs;

    public bool Watched(int eni) => _watchers[eni].Length > 0;

    /// <summary>Adds what <paramref name="observation"/>'s interface saw of a burst of packets.</summary>
    public void Add(in InterfaceObservation observation, in PacketBurst burst)
    {
        var watchers = _watchers[observation.InterfaceIndex];
        for (int k = 0; k < watchers.Length; k++)
        {
            int l = watchers[k];
            var log = _logs[l];
            if (!log.Keeps(observation.Accepted))
                continue;
            long created = log.CreationTime.ToUnixTimeSeconds();
            long w = _windows[observation.InterfaceIndex][k];
            long firstWindow = (long)Math.Floor(Math.Max(burst.First, created) / w);
            long lastWindow = (long)Math.Floor(burst.Last / w);
            for (long window = firstWindow; window <= lastWindow; window++)
            {
                long from = Math.Max(window * w, created);
                if (!burst.Slice(from, (window + 1) * w, out var packets, out var bytes, out var first, out var last, out var flags))
                    continue;
                var key = new Key(l, observation.InterfaceIndex, window, observation.Direction, observation.Packet, observation.Accepted);
                if (!_records.TryGetValue(key, out var c))
                    _records[key] = c = new Counters { Path = observation.EgressPath };
                c.Packets += packets;
                c.Bytes += bytes;
                c.First = Math.Min(c.First, first);
                c.Last = Math.Max(c.Last, last);
                c.Flags |= flags;
            }
        }
    }

    /// <summary>The records of every flow log; with <paramref name="noDataFrom"/>/<paramref name="noDataTo"/> set, a
    /// NODATA record for each window in which a watched interface recorded nothing.</summary>
    public ImmutableDictionary<FlowLogId, ImmutableArray<FlowRecord>> Records(long? noDataFrom = null, long? noDataTo = null)
    {
        var lists = _logs.Select(_ => new List<FlowRecord>()).ToArray();
        var busy = new HashSet<(int Log, int Interface, long Window)>();
        foreach (var (key, c) in _records)
        {
            lists[key.Log].Add(ToRecord(key, c));
            busy.Add((key.Log, key.Interface, key.Window));
        }
        if (noDataFrom is { } from && noDataTo is { } to)
        {
            for (int eni = 0; eni < _watchers.Length; eni++)
            {
                for (int k = 0; k < _watchers[eni].Length; k++)
                {
                    int l = _watchers[eni][k];
                    long w = _windows[eni][k];
                    long start = Math.Max(from, _logs[l].CreationTime.ToUnixTimeSeconds());
                    for (long window = start / w; window * w < to; window++)
                    {
                        if (!busy.Contains((l, eni, window)))
                            lists[l].Add(FlowRecord.NoData(_contexts[eni], Math.Max(window * w, start), Math.Min((window + 1) * w, to)));
                    }
                }
            }
        }
        var result = ImmutableDictionary.CreateBuilder<FlowLogId, ImmutableArray<FlowRecord>>();
        for (int l = 0; l < _logs.Length; l++)
        {
            lists[l].Sort(RecordOrder);
            result[_logs[l].Id] = [.. lists[l]];
        }
        return result.ToImmutable();
    }

    private FlowRecord ToRecord(in Key key, Counters c)
    {
        var p = key.Packet;
        bool egress = key.Direction == TrafficDirection.Egress;
        var src = egress ? _contexts.OwnAddress(key.Interface, p.Source) : p.Source;
        var dst = egress ? p.Destination : _contexts.OwnAddress(key.Interface, p.Destination);
        // ICMP carries type and code, not ports: AWS prints 0 for both.
        ushort srcPort = p.Protocol.HasPorts ? p.SourcePort : (ushort)0;
        ushort dstPort = p.Protocol.HasPorts ? p.DestinationPort : (ushort)0;
        int flags = p.Protocol.Number == 6 ? c.Flags : 0;
        return new FlowRecord(_contexts[key.Interface], LogStatus.Ok, key.Direction,
            src, dst, p.Source, p.Destination, srcPort, dstPort, (byte)p.Protocol.Number, c.Packets, c.Bytes, c.First, c.Last,
            key.Accepted, flags, egress ? (byte)c.Path : FlowRecord.NoTrafficPath,
            ServiceOf(p.Source), ServiceOf(p.Destination));
    }

    private string? ServiceOf(IpAddress address) => _ranges.Find(address)?.Service;

    /// <summary>Records in the order delivered files use (time, interface, then every field), so files are the same on
    /// every run and delivery need not sort again.</summary>
    private static int RecordOrder(FlowRecord a, FlowRecord b) => Delivery.FlowRecordOrder.CompareRecords(in a, in b);
}
