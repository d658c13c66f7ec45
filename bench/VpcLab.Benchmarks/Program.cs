using System.Diagnostics;
using BenchmarkDotNet.Running;
using VpcLab.Benchmarks;
using VpcLab.Benchmarks.Worlds;
using VpcLab.Engine;
using System.Runtime.InteropServices;

if (args.Length > 0 && args[0] == "--check")
{
    // A quick look at the worlds and flow mixes the benchmarks use (not a measurement).
    var sw = Stopwatch.StartNew();
    var world = GeneratedTopology.Generate(1000, 100);
    Console.WriteLine($"generate: {sw.ElapsedMilliseconds} ms, {world.Network.NetworkInterfaces.Count} interfaces");
    sw.Restart();
    var compiled = CompiledNetwork.Compile(world.Network);
    Console.WriteLine($"compile: {sw.ElapsedMilliseconds} ms");
    var (flows, sources) = Flows.ForGenerated(compiled, world);
    var reasons = new Dictionary<string, int>();
    for (int i = 0; i < flows.Length; i++)
    {
        var d = compiled.Decide(flows[i], sources[i]);
        var key = d.Verdict == Verdict.Accepted ? "ACCEPTED" : $"{ExplanationCode.For(d.Reason)} ({d.DroppedOn})";
        reasons[key] = reasons.GetValueOrDefault(key) + 1;
    }
    foreach (var (k, v) in reasons.OrderBy(x => x.Key, StringComparer.Ordinal))
        Console.WriteLine($"  {k}: {v}");
    return;
}

if (args.Length > 0 && args[0] == "--flowlogs-cpu")
{
    // Flow log delivery in process CPU time (see FlowLogDeliveryCpuReport).
    FlowLogDeliveryCpuReport.Run();
    return;
}

if (args.Length > 0 && args[0] == "--cpu")
{
    // Decide throughput measured in CPU time of this thread, so that other processes competing for the two
    // cores do not count: ns of CPU per Decide call, and calls per CPU-second (= per core).
    foreach (int vpcs in new[] { 1, 100, 1000 })
    {
        var world = GeneratedTopology.Generate(vpcs, 100);
        var compiled = CompiledNetwork.Compile(world.Network);
        var (flows, sources) = Flows.ForGenerated(compiled, world);
        Report($"generated {vpcs} VPCs / {world.Network.NetworkInterfaces.Count} ENIs", compiled, flows, sources);
    }
    var seed = new SeedWorldBenchmarks();
    seed.Setup();
    Report("seed world", seed.Compiled, seed.FlowArray, seed.SourceArray);
    var scenario = new SeedScenarioBenchmarks();
    scenario.Setup();
    Report("scenarios/seed.yaml through the ControlPlane", scenario.Compiled, scenario.FlowArray, scenario.SourceArray);
    return;
}

static void Report(string name, CompiledNetwork compiled, VpcLab.Engine.FlowKey[] flows, int[] sources)
{
    int sink = 0;
    for (int w = 0; w < 2000; w++)
        sink += Flows.DecideAll(compiled, flows, sources);
    const int rounds = 5000;
    long allocated = GC.GetAllocatedBytesForCurrentThread();
    var cpu = ThreadCpu.Now();
    var wall = Stopwatch.StartNew();
    for (int r = 0; r < rounds; r++)
        sink += Flows.DecideAll(compiled, flows, sources);
    double cpuNs = (ThreadCpu.Now() - cpu) * 1e9;
    double wallNs = wall.Elapsed.TotalNanoseconds;
    allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
    double calls = (double)rounds * flows.Length;
    Console.WriteLine($"{name}: {cpuNs / calls:F1} ns CPU/call = {calls / (cpuNs / 1e9) / 1e6:F2} M calls per CPU-second; wall {wallNs / calls:F1} ns/call; allocated {allocated} B (sink {sink})");
}

BenchmarkSwitcher.FromAssembly(typeof(DecideBenchmarks).Assembly).Run(args);

/// <summary>CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)).</summary>
internal static partial class ThreadCpu
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    private const int ClockThreadCpuTime = 3;

    public static double Now()
    {
        _ = ClockGetTime(ClockThreadCpuTime, out var t);
        return t.Seconds + t.Nanoseconds / 1e9;
    }
}
