using System.Collections.Immutable;
using System.Runtime.InteropServices;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>Aggregates what interfaces saw into flow log records, per flow log: one record per interface, direction,
/// 5-tuple and action in each aggregation window (aligned to the epoch; its length is AggregationWindow's), packets and bytes summed,
/// tcp-flags OR-ed, start/end the first and last packet in the window. A flow log keeps only records of its traffic
/// type and only traffic after its creation. Streaming: the simulator plays connections in time order, so a window
/// whose end is behind the clock can no longer change; <see cref="Close"/> hands its records over and forgets it, and
/// memory holds only the windows still open (docs/semantics.md#flow-log-streaming).</summary>
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
    /// <summary>The distinct window lengths in use, for the watermark.</summary>
    private readonly long[] _lengths;
    /// <summary>Open windows by their end (Unix seconds): the records each holds so far.</summary>
    private readonly Dictionary<long, Dictionary<Key, Counters>> _open = [];
    /// <summary>Closed windows' tables, emptied, for the next windows: a large world's window holds some 100,000
    /// entries (tens of MB on the large object heap); a new table each window grew by doubling and left its arrays
    /// behind, which the collector could not compact (docs/benchmarks.md#flow-log-world). Emptied tables list their
    /// entries in insertion order as new ones do.</summary>
    private readonly Stack<Dictionary<Key, Counters>> _spare = new();
    private readonly NoDataWindows? _noData;

    private readonly record struct Key(int Log, int Interface, long Window, TrafficDirection Direction, FlowKey Packet, bool Accepted);

    /// <summary>A record's sums so far, stored in the window's dictionary itself (a struct, not an object per record:
    /// a large world holds millions, which the garbage collector would otherwise trace at every collection).</summary>
    private struct Counters
    {
        public long Packets;
        public long Bytes;
        public long First;
        public long Last;
        public int Flags;
        public TrafficPath Path;
    }

    /// <summary>With <paramref name="shard"/>, only that shard's interfaces are watched. With <paramref name="noDataFrom"/>/<paramref name="noDataTo"/> set, a NODATA record for each window in
    /// which a watched interface recorded nothing.</summary>
    public FlowLogCollector(CompiledNetwork network, InterfaceContexts contexts, AwsIpRanges ranges, TrafficShard? shard = null,
        long? noDataFrom = null, long? noDataTo = null)
    {
        _network = network;
        _contexts = contexts;
        _ranges = ranges;
        _logs = [.. network.Network.FlowLogs.Values.OrderBy(f => f.Id.Value, StringComparer.Ordinal)];
        _watchers = new int[network.InterfaceCount][];
        _windows = new long[network.InterfaceCount][];
        // A flow log names its VPC, subnet or interface: look up those three per interface rather than every flow
        // log per interface (a world of 100,000 interfaces and 1,000 flow logs), then ask Covers as before.
        var byResource = Enumerable.Range(0, _logs.Length).ToLookup(l => _logs[l].ResourceId, StringComparer.Ordinal);
        for (int i = 0; i < _watchers.Length; i++)
        {
            var eni = network.InterfaceAt(i);
            // A shard watches only its own interfaces: the others are another process's.
            _watchers[i] = shard is null || shard.Plays(eni.Id.Value)
                ? [.. byResource[eni.VpcId.Value].Concat(byResource[eni.SubnetId.Value]).Concat(byResource[eni.Id.Value])
                    .Where(l => _logs[l].Covers(eni)).Distinct().Order()]
                : [];
            _windows[i] = [.. _watchers[i].Select(l => AggregationWindow.Seconds(_logs[l], eni))];
        }
        _lengths = [.. _windows.SelectMany(w => w).Distinct()];
        if (noDataFrom is { } from && noDataTo is { } to)
            _noData = new NoDataWindows(_logs, _watchers, _windows, from, to);
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
                var records = OpenWindow((window + 1) * w);
                var key = new Key(l, observation.InterfaceIndex, window, observation.Direction, observation.Packet, observation.Accepted);
                ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(records, key, out bool seen);
                if (!seen)
                    c = new Counters { First = long.MaxValue, Last = long.MinValue, Path = observation.EgressPath };
                c.Packets += packets;
                c.Bytes += bytes;
                c.First = Math.Min(c.First, first);
                c.Last = Math.Max(c.Last, last);
                c.Flags |= flags;
            }
        }
    }

    private Dictionary<Key, Counters> OpenWindow(long end)
    {
        if (!_open.TryGetValue(end, out var records))
            _open[end] = records = _spare.TryPop(out var spare) ? spare : [];
        return records;
    }

    /// <summary>Closes every window that ends at or before <paramref name="clock"/> (Unix seconds; no traffic still to
    /// come starts before it) and returns its records, with NODATA records when asked; <see cref="long.MaxValue"/>
    /// closes them all (the end of the run).</summary>
    public ClosedWindows Close(long clock)
    {
        var lists = new List<FlowRecord>[_logs.Length];
        for (int l = 0; l < lists.Length; l++)
            lists[l] = [];
        var busy = _noData is null ? null : new HashSet<(int Log, int Interface, long Window)>();
        List<long>? closed = null;
        foreach (var end in _open.Keys)
        {
            if (end <= clock)
                (closed ??= []).Add(end);
        }
        if (closed is not null)
        {
            // In end order, so a run's batches are the same whatever the dictionary's order.
            closed.Sort();
            foreach (var end in closed)
            {
                var records = _open[end];
                foreach (var (key, c) in records)
                {
                    lists[key.Log].Add(ToRecord(key, c));
                    busy?.Add((key.Log, key.Interface, key.Window));
                }
                _open.Remove(end);
                records.Clear();
                _spare.Push(records);
            }
        }
        _noData?.Close(clock, busy!, lists, _contexts);
        return new ClosedWindows(_logs, lists, Watermark(clock));
    }

    /// <summary>The earliest start of a window still open: every record to come starts at or after it.</summary>
    private long Watermark(long clock)
    {
        if (clock == long.MaxValue)
            return long.MaxValue;
        long mark = clock;
        foreach (long w in _lengths)
            mark = Math.Min(mark, clock - (((clock % w) + w) % w));
        return mark;
    }

    private FlowRecord ToRecord(in Key key, in Counters c)
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
}
