using System.Collections.Immutable;
using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>Plays a workload over simulated time on a compiled network and records what every watched interface saw,
/// as its flow logs would. Each connection is decided by the engine (forward and return path); the packets of each
/// side are spread over the connection's duration and land in the aggregation windows of every flow log watching an
/// interface they crossed. Deterministic for a seed.</summary>
public sealed class TrafficSimulator
{
    /// <summary>Linux's ephemeral port range, from which clients pick source ports.</summary>
    private const int EphemeralFirst = 32768;
    private const int EphemeralLast = 60999;

    private readonly CompiledNetwork _network;
    private readonly TrafficOptions _options;
    private readonly EndpointResolver _resolver;

    public TrafficSimulator(CompiledNetwork network, TrafficOptions? options = null)
    {
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _options = options ?? TrafficOptions.Default;
        _resolver = new EndpointResolver(network.Network);
    }

    /// <summary>How many connections <see cref="Run"/> will make (for progress bars).</summary>
    public static long CountConnections(Workload workload, TimeSpan duration) =>
        workload.Patterns.Sum(p => (long)ConnectionCount(p, duration));

    /// <summary>Resolves every pattern of <paramref name="workload"/> on the network, as a run would.</summary>
    /// <exception cref="WorkloadException">A pattern names an endpoint that does not exist or cannot send that traffic.</exception>
    public void Check(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        foreach (var pattern in workload.Patterns)
            _ = Plan(pattern);
    }

    /// <summary>Runs the workload from <paramref name="start"/> for <paramref name="duration"/> and keeps every record
    /// (tests and small runs; a long run streams through <see cref="Play"/>); <paramref name="progress"/> hears the
    /// number of connections made so far.</summary>
    /// <exception cref="WorkloadException">A pattern names an endpoint that does not exist or cannot send that traffic.</exception>
    public TrafficResult Run(Workload workload, DateTimeOffset start, TimeSpan duration, IProgress<long>? progress = null)
    {
        IReadOnlyList<Model.FlowLog> logs = [];
        List<FlowRecord>[] lists = [];
        var totals = Play(workload, start, duration, closed =>
        {
            if (lists.Length == 0)
                (logs, lists) = (closed.Logs, [.. closed.Logs.Select(_ => new List<FlowRecord>())]);
            for (int l = 0; l < lists.Length; l++)
                lists[l].AddRange(closed.Records[l]);
        }, progress);
        var records = ImmutableDictionary.CreateBuilder<Model.FlowLogId, ImmutableArray<FlowRecord>>();
        for (int l = 0; l < logs.Count; l++)
            records[logs[l].Id] = [.. Delivery.FlowRecordOrder.Sort(lists[l])];
        return new TrafficResult(start, start + duration, records.ToImmutable(), totals.Connections, totals.Established,
            totals.Failed, totals.Skipped);
    }

    /// <summary>Plays the workload in time order: the connections of all patterns merged by start time, each pattern
    /// drawing from its own generator in its own order, so the records are those of a pattern-by-pattern run. Each
    /// time the clock passes a whole minute, the windows that closed go to <paramref name="deliver"/> and are
    /// forgotten; the last call (watermark <see cref="long.MaxValue"/>) closes the rest. Memory holds the open windows
    /// only, whatever the duration.</summary>
    /// <exception cref="WorkloadException">A pattern names an endpoint that does not exist or cannot send that traffic
    /// (thrown before anything is delivered).</exception>
    internal TrafficTotals Play(Workload workload, DateTimeOffset start, TimeSpan duration, Action<ClosedWindows> deliver,
        IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(deliver);
        long startUnix = start.ToUnixTimeSeconds();
        long endUnix = startUnix + (long)duration.TotalSeconds;
        var plans = workload.Patterns.Select(Plan).ToArray();
        var contexts = new InterfaceContexts(_network);
        var collector = _options.EmitNoData
            ? new FlowLogCollector(_network, contexts, _options.ServiceRanges, _options.Shard, startUnix, endUnix)
            : new FlowLogCollector(_network, contexts, _options.ServiceRanges, _options.Shard);
        var skip = new NeverLogged(_network.Network);
        var decisions = new DecisionCache(_network, _options.DecisionCacheSlots);
        var clock = new ConnectionClock(plans, _options.Seed, startUnix, duration);
        long connections = 0, established = 0, failed = 0, skipped = 0, records = 0;
        long minute = long.MinValue;
        while (clock.Next(out int p, out int j, out double t0))
        {
            long now = (long)Math.Floor(t0 / 60) * 60;
            if (now > minute)
            {
                minute = now;
                records += Deliver(collector.Close(now), deliver);
            }
            var flow = plans[p].Flow(j, ref clock.Generator(p));
            connections++;
            if ((connections & 1023) == 0)
                progress?.Report(connections);
            if (skip.Matches(in flow))
            {
                skipped++;
                continue;
            }
            var decision = decisions.Observe(in flow, plans[p].SourceInterface, out var seen);
            if (decision.IsAccepted)
                established++;
            else
                failed++;
            Record(plans[p].Pattern, in flow, decision, seen, collector, t0);
        }
        records += Deliver(collector.Close(long.MaxValue), deliver);
        progress?.Report(connections);
        return new TrafficTotals(start, start + duration, connections, established, failed, skipped, records)
        {
            Walked = decisions.Walked,
        };
    }

    private static long Deliver(ClosedWindows closed, Action<ClosedWindows> deliver)
    {
        deliver(closed);
        return closed.Count;
    }

    internal static int ConnectionCount(TrafficPattern p, TimeSpan duration)
    {
        var end = p.Schedule.End is { } e && e < duration ? e : duration;
        double span = Math.Max(0, (end - p.Schedule.Start).TotalSeconds);
        if (span <= 0)
            return 0;
        if (p.Schedule.Count is { } c)
            return c;
        return (int)Math.Min(int.MaxValue, Math.Floor(p.Schedule.PerSecond!.Value * span));
    }

    /// <summary>The packets of one connection on each interface it crossed. TCP: an established connection sends its
    /// request (SYN first, FIN last) and response (SYN-ACK first, FIN last); one that fails sends only its SYNs (and
    /// the server's SYN-ACKs when the reply is what failed). UDP and ICMP: the request always leaves; the response
    /// exists when the request arrived. A one-way ICMP message has no response: the engine observes no return path.</summary>
    private static void Record(TrafficPattern p, in FlowKey flow, Decision decision, ReadOnlySpan<InterfaceObservation> observations,
        FlowLogCollector collector, double t0)
    {
        double t1 = t0 + p.ConnectionDuration.TotalSeconds;
        bool tcp = flow.Protocol.Number == 6;
        PacketBurst request, response;
        if (tcp && !decision.IsAccepted)
        {
            int header = flow.Family == IpFamily.V6 ? 80 : 60;
            // Retransmitted SYNs back off 1 s, 2 s, 4 s...
            double last = t0 + ((1 << (p.Attempts - 1)) - 1);
            request = new PacketBurst(p.Attempts, p.Attempts * header, t0, last, TcpFlags.Syn, 0);
            response = new PacketBurst(p.Attempts, p.Attempts * header, t0, last, TcpFlags.SynAck, 0);
        }
        else
        {
            request = new PacketBurst(p.Request.Packets, p.Request.Bytes, t0, t1, tcp ? TcpFlags.Syn : 0, tcp ? TcpFlags.Fin : 0);
            response = new PacketBurst(p.Response.Packets, p.Response.Bytes, t0, t1, tcp ? TcpFlags.SynAck : 0, tcp ? TcpFlags.Fin : 0);
        }
        foreach (ref readonly var o in observations)
            collector.Add(in o, o.Path == PathDirection.Forward ? request : response);
    }

    private PatternPlan Plan(TrafficPattern p)
    {
        try
        {
            var clients = p.From.Contains('/', StringComparison.Ordinal) && Cidr.TryParse(p.From, out var cidr) ? cidr : (Cidr?)null;
            var source = clients is { } c ? TraceEndpoint.ForAddress(c.First) : _resolver.Resolve(p.From);
            var destination = _resolver.Resolve(p.To, source);
            var request = new TraceRequest(source, destination, p.Protocol, p.Ports.From, FlowKey.DefaultEphemeralPort)
            {
                IcmpType = p.IcmpType,
                IcmpCode = p.IcmpCode,
            };
            var resolved = _network.Resolve(request);
            if (clients is not null && resolved.SourceInterfaceIndex >= 0)
                throw new WorkloadException($"workload '{p.Name}' (line {p.Line}): a CIDR source stands for internet clients, but {p.From} is inside a VPC; name the instances instead");
            return new PatternPlan(p, resolved.Flow, resolved.SourceInterfaceIndex, clients);
        }
        catch (TraceRequestException e)
        {
            throw new WorkloadException($"workload '{p.Name}' (line {p.Line}): {e.Message}", e);
        }
    }

    /// <summary>A pattern resolved once: each connection varies only the client address, its source port and (for
    /// a scan) the destination port.</summary>
    internal sealed record PatternPlan(TrafficPattern Pattern, FlowKey Base, int SourceInterface, Cidr? Clients)
    {
        public FlowKey Flow(int index, ref SplitMix64 rng)
        {
            var source = Base.Source;
            if (Clients is { } c && c.PrefixLength < (c.IsV4 ? 32 : 128))
            {
                UInt128 hosts = c.Last.Value - c.First.Value + 1;
                source = new IpAddress(c.First.Value + (rng.Next() % hosts), c.Family);
            }
            if (Base.Protocol.IsIcmp)
                return Base with { Source = source };
            var sourcePort = (ushort)rng.Range(EphemeralFirst, EphemeralLast);
            var port = Pattern.IsScan ? (ushort)(Pattern.Ports.From + (index % (Pattern.Ports.To - Pattern.Ports.From + 1))) : Base.DestinationPort;
            return Base with { Source = source, SourcePort = sourcePort, DestinationPort = port };
        }
    }
}

/// <summary>The TCP flags flow logs report (others, such as ACK and PSH, count as 0).</summary>
internal static class TcpFlags
{
    public const int Fin = 1;
    public const int Syn = 2;
    public const int Rst = 4;
    public const int SynAck = 18;
}
