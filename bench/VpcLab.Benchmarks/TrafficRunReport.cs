using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using VpcLab.Benchmarks.Worlds;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.ControlPlane.Time;
using VpcLab.Engine;
using VpcLab.FlowLogs.Traffic;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.TestWorlds;

namespace VpcLab.Benchmarks;

/// <summary><c>--traffic seed [DURATION]</c> and <c>--traffic world [VPCS] [MINUTES] [PER_HOUR] [e2e] [heap]</c>: a whole traffic run
/// (what <c>vpclab traffic</c> does) in one process, with its phases measured apart and its baseline beside it.
/// Phases, each in process CPU time (all threads, GC included): the end-to-end run first (so the peak resident memory
/// read after it is the run's), then the simulator alone (every window's records built and dropped, no delivery) with
/// the decision cache and without it, then the baseline: the text files' own bytes, decompressed, gzip-compressed
/// again alone. "world" is the generated world of the Decide benchmarks (VPCS VPCs of 100 interfaces, an instance on
/// each) with a flow log per VPC into S3 (default format, 10-minute windows) and a workload on every instance: web →
/// an app instance of its VPC on 8080, app → a db instance on 5432, db → an internet address on 443, each instance
/// PER_HOUR connections an hour.</summary>
public static class TrafficRunReport
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000 / 60 * 60);

    public static void Run(string[] args)
    {
        string what = args.Length > 1 ? args[1] : "seed";
        var (network, workload, duration) = what == "seed"
            ? Seed(args.Length > 2 ? args[2] : "1d")
            : World(Arg(args, 2, 1000), Arg(args, 3, 60), Arg(args, 4, 12));
        Console.WriteLine($"{what}: {network.Vpcs.Count:N0} VPCs, {network.NetworkInterfaces.Count:N0} interfaces, {network.FlowLogs.Count:N0} flow logs, "
            + $"{workload.Patterns.Length:N0} workload patterns, {duration.TotalMinutes:N0} simulated minutes, {Environment.ProcessorCount} cores");
        var outDir = Path.Combine(Path.GetTempPath(), $"vpclab-traffic-bench-{Environment.ProcessId}");
        try
        {
            // `… heap`: first the live heap of the model and of a compiled copy (which then adds to the run's peak).
            if (args.Contains("heap"))
                HeapBeforeRun(network);
            EndToEnd(network, workload, duration, outDir, out long records);
            // `--traffic world VPCS MINUTES PER_HOUR e2e`: the run alone, for its peak memory (runs at several rates).
            if (args.Length > 5 && args[5] == "e2e")
                return;
            SimulatorAlone(network, workload, duration, TrafficOptions.DefaultDecisionCacheSlots);
            SimulatorAlone(network, workload, duration, 0);
            GzipAlone(outDir, records);
        }
        finally
        {
            if (Directory.Exists(outDir))
                Directory.Delete(outDir, recursive: true);
        }
    }

    private static int Arg(string[] args, int at, int fallback) =>
        args.Length > at ? int.Parse(args[at], CultureInfo.InvariantCulture) : fallback;

    private static void EndToEnd(Network network, Workload workload, TimeSpan duration, string outDir, out long records)
    {
        var (cpu, wall) = (CpuNow(), Stopwatch.StartNew());
        var (gen0, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var heap = new HeapWatch(Start, TimeSpan.FromMinutes(Math.Max(1, duration.TotalMinutes / 6)));
        var run = TrafficRun.RunAsync(new TrafficRunRequest(network, workload, duration, Start, new FlowLogOutput(outDir)), heap).GetAwaiter().GetResult();
        double seconds = (CpuNow() - cpu).TotalSeconds;
        records = run.Traffic.RecordCount;
        long bytes = Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"end to end (compile, simulate, deliver): {seconds:F1} s CPU, {wall.Elapsed.TotalSeconds:F1} s wall, "
            + $"{run.Traffic.Connections:N0} connections ({run.Traffic.Walked:N0} walked by the engine), {records:N0} records, {bytes / 1e6:F1} MB written; "
            + $"{records / seconds:N0} records per CPU-second, {records / wall.Elapsed.TotalSeconds:N0} per wall second; "
            + $"peak resident {self.PeakWorkingSet64 / 1e6:F0} MB; GCs {GC.CollectionCount(0) - gen0:N0} (gen2 {GC.CollectionCount(2) - gen2:N0}), "
            + $"paused {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F1} s");
        heap.PrintPeaks();
    }

    /// <summary>Before the run: what the model (network and workload) holds, and what compiling it adds, each as the
    /// live managed heap after a full collection (the run compiles its own copy; this one is dropped).</summary>
    private static void HeapBeforeRun(Network network)
    {
        long model = GC.GetTotalMemory(forceFullCollection: true);
        var compiled = CompiledNetwork.Compile(network);
        long withCompiled = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(compiled);
        Console.WriteLine($"heap before the run: model (network, workload, runtime) {model / 1e6:F0} MB live; compiled network {(withCompiled - model) / 1e6:F0} MB live more; "
            + $"resident {Environment.WorkingSet / 1e6:F0} MB");
    }

    /// <summary>Samples the managed heap each time delivery reports progress (bench only: on the delivery thread, once
    /// per simulated step): prints it every <c>every</c> of simulated time and keeps the peaks. The figures are those of
    /// the last collection (GC.GetGCMemoryInfo): heap size, what each generation kept, fragmentation, committed
    /// memory, beside the process's resident set.</summary>
    private sealed class HeapWatch(DateTimeOffset start, TimeSpan every) : IProgress<TrafficProgress>
    {
        private DateTimeOffset _next = start + every;
        private long _heap, _committed, _fragmented, _resident, _live;
        private readonly long[] _generations = new long[5];

        public void Report(TrafficProgress value)
        {
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            _heap = Math.Max(_heap, info.HeapSizeBytes);
            _committed = Math.Max(_committed, info.TotalCommittedBytes);
            _fragmented = Math.Max(_fragmented, info.FragmentedBytes);
            _resident = Math.Max(_resident, Environment.WorkingSet);
            _live = Math.Max(_live, GC.GetTotalMemory(false));
            for (int g = 0; g < _generations.Length && g < info.GenerationInfo.Length; g++)
                _generations[g] = Math.Max(_generations[g], info.GenerationInfo[g].SizeAfterBytes);
            if (value.Simulated < _next)
                return;
            _next += every;
            Console.WriteLine($"  heap at +{(value.Simulated - start).TotalMinutes:F0} simulated min: after the last GC (#{info.Index}, gen{info.Generation}) "
                + $"{info.HeapSizeBytes / 1e6:F0} MB (gen0 {Gen(info, 0)}, gen1 {Gen(info, 1)}, gen2 {Gen(info, 2)}, LOH {Gen(info, 3)}, POH {Gen(info, 4)} MB), "
                + $"fragmented {info.FragmentedBytes / 1e6:F0} MB, committed {info.TotalCommittedBytes / 1e6:F0} MB; allocated now {GC.GetTotalMemory(false) / 1e6:F0} MB; "
                + $"resident {Environment.WorkingSet / 1e6:F0} MB; {value.Records:N0} records delivered");
        }

        private static string Gen(GCMemoryInfo info, int g) =>
            g < info.GenerationInfo.Length ? (info.GenerationInfo[g].SizeAfterBytes / 1e6).ToString("F0", CultureInfo.InvariantCulture) : "?";

        public void PrintPeaks() => Console.WriteLine($"heap peaks over the run's steps: heap after a GC {_heap / 1e6:F0} MB (gen0 {_generations[0] / 1e6:F0}, "
            + $"gen1 {_generations[1] / 1e6:F0}, gen2 {_generations[2] / 1e6:F0}, LOH {_generations[3] / 1e6:F0}, POH {_generations[4] / 1e6:F0} MB, each its own peak), "
            + $"fragmented {_fragmented / 1e6:F0} MB, committed {_committed / 1e6:F0} MB, allocated {_live / 1e6:F0} MB, resident {_resident / 1e6:F0} MB");
    }

    private static void SimulatorAlone(Network network, Workload workload, TimeSpan duration, int slots)
    {
        var cpu = CpuNow();
        var compiled = CompiledNetwork.Compile(network);
        double compile = (CpuNow() - cpu).TotalSeconds;
        var simulator = new TrafficSimulator(compiled, TrafficOptions.Default with { DecisionCacheSlots = slots });
        long largest = 0;
        cpu = CpuNow();
        var totals = simulator.Play(workload, Start, duration, closed => largest = Math.Max(largest, closed.Count));
        double seconds = (CpuNow() - cpu).TotalSeconds;
        Console.WriteLine($"simulator alone, decision cache {(slots == 0 ? "off" : $"{slots:N0} slots")}: compile {compile:F1} s CPU, play {seconds:F1} s CPU "
            + $"({totals.Connections / seconds:N0} connections and {totals.RecordCount / seconds:N0} records per CPU-second); "
            + $"{totals.Walked:N0} of {totals.Connections:N0} connections walked ({totals.Skipped:N0} never logged, not walked; "
            + $"{totals.Connections - totals.Skipped - totals.Walked:N0} answered from the cache); "
            + $"largest step delivered {largest:N0} records");
    }

    /// <summary>The baseline: every plain-text file of the run decompressed (not measured), then compressed again alone
    /// at the level delivery uses; records per CPU-second of that, for the records those files hold.</summary>
    private static void GzipAlone(string outDir, long allRecords)
    {
        var files = Directory.EnumerateFiles(outDir, "*.log.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f =>
            {
                using var gz = new GZipStream(File.OpenRead(f), CompressionMode.Decompress);
                using var text = new MemoryStream();
                gz.CopyTo(text);
                return text.ToArray();
            }).ToList();
        long lines = files.Sum(f => (long)f.AsSpan().Count((byte)'\n') - 1);
        var cpu = CpuNow();
        long written = 0;
        foreach (var f in files)
        {
            using var output = new MemoryStream(f.Length / 6);
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
                gzip.Write(f);
            written += output.Length;
        }
        double seconds = (CpuNow() - cpu).TotalSeconds;
        Console.WriteLine($"baseline, gzip alone of the text files' bytes: {seconds:F1} s CPU for {files.Count:N0} files, {lines:N0} records "
            + $"({files.Sum(f => (long)f.Length) / 1e6:F1} MB -> {written / 1e6:F1} MB) = {lines / Math.Max(seconds, 1e-9):N0} records per CPU-second "
            + $"(the run delivered {allRecords:N0} records in all destinations)");
    }

    private static TimeSpan CpuNow()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static (Network, Workload, TimeSpan) Seed(string duration)
    {
        var file = ShippedScenarios.PathOf("seed");
        var loaded = ScenarioLoader.LoadFile(file, new ControlPlaneOptions { Clock = new SimulatedClock(Start) });
        return (loaded.Network, WorkloadParser.ParseFile(file), TrafficDuration.ParseRun(duration, "duration"));
    }

    private static (Network, Workload, TimeSpan) World(int vpcs, int minutes, int perHour)
    {
        var world = GeneratedTopology.Generate(vpcs, 100);
        var network = world.Network;
        var logs = ImmutableDictionary.CreateBuilder<FlowLogId, FlowLog>();
        int n = 0;
        foreach (var vpc in network.Vpcs.Values.OrderBy(v => v.Id.Value, StringComparer.Ordinal))
        {
            var id = new FlowLogId(string.Create(CultureInfo.InvariantCulture, $"fl-{++n:x17}"));
            logs[id] = new FlowLog(id, vpc.OwnerId, vpc.Region, vpc.Id.Value, FlowLogResourceType.Vpc, FlowLogTrafficType.All,
                FlowLogDestinationType.S3, "arn:aws:s3:::world-flow-logs", null, null, FlowLogFormat.Default,
                FlowLog.DefaultMaxAggregationInterval, FlowLogDestinationOptions.Default, Start.AddDays(-1));
        }
        network = network with { FlowLogs = logs.ToImmutable() };
        var patterns = ImmutableArray.CreateBuilder<TrafficPattern>();
        var schedule = new ConnectionSchedule(TimeSpan.Zero, null, null, perHour / 3600.0);
        TrafficPattern Pattern(string from, string to, ushort port) => new($"{from}-{port}", 0, from, to, IpProtocol.Tcp,
            new PortRange(port, port), schedule, new PacketProfile(10, 2_000), new PacketProfile(12, 15_000), TimeSpan.FromSeconds(20));
        // Every VPC has the same shape: pair each instance with one of the next tier in its own VPC.
        int web = world.Web.Length / vpcs, app = world.App.Length / vpcs, db = world.Db.Length / vpcs;
        for (int v = 0; v < vpcs; v++)
        {
            for (int i = 0; i < web; i++)
                patterns.Add(Pattern(world.Web[v * web + i].Value, world.App[v * app + (i % app)].Value, 8080));
            for (int i = 0; i < app; i++)
                patterns.Add(Pattern(world.App[v * app + i].Value, world.Db[v * db + (i % db)].Value, 5432));
            for (int i = 0; i < db; i++)
                patterns.Add(Pattern(world.Db[v * db + i].Value, "198.51.100.80", 443));
        }
        return (network, new Workload(patterns.ToImmutable()), TimeSpan.FromMinutes(minutes));
    }
}
