using System.Diagnostics;
using BenchmarkDotNet.Running;
using VpcLab.Benchmarks;
using VpcLab.Benchmarks.Worlds;
using VpcLab.Engine;

if (args.Length > 0 && args[0] == "--check")
{
    // A quick look at the worlds and flow mixes the benchmarks use (not a measurement).
    // `--check [VPCS]`: the existing mix on the plain world, then both mixes on the world with endpoints.
    int checkVpcs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    foreach (bool endpoints in new[] { false, true })
    {
        var sw = Stopwatch.StartNew();
        var world = GeneratedTopology.Generate(checkVpcs, 100, endpoints);
        Console.WriteLine($"endpoints={endpoints}: generate {sw.ElapsedMilliseconds} ms, {world.Network.NetworkInterfaces.Count} interfaces");
        sw.Restart();
        var compiled = CompiledNetwork.Compile(world.Network);
        Console.WriteLine($"compile: {sw.ElapsedMilliseconds} ms");
        Verdicts("existing mix", compiled, Flows.ForGenerated(compiled, world));
        if (endpoints)
            Verdicts("endpoint mix", compiled, Flows.ForEndpoints(compiled, world));
    }
    return;
}

if (args.Length > 0 && args[0] == "--flowlogs-cpu")
{
    // Flow log delivery in process CPU time (see FlowLogDeliveryCpuReport).
    // `quick`: without Parquet.Net; `default`: also only the default format (a shorter run to profile).
    FlowLogDeliveryCpuReport.Run(withParquetNet: !(args.Length > 1 && args[1] is "quick" or "default"), defaultOnly: args.Length > 1 && args[1] == "default");
    return;
}

if (args.Length > 0 && args[0] == "--traffic")
{
    // A whole traffic run with its phases and the gzip-alone baseline (see TrafficRunReport).
    TrafficRunReport.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "--cwl-cpu")
{
    // CloudWatch Logs puts as the store grows (see CloudWatchLogsPutCpuReport).
    CloudWatchLogsPutCpuReport.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3_000_000);
    return;
}

if (args.Length > 0 && args[0] == "--cpu")
{
    // Decide throughput measured in CPU time of this thread, so that other processes competing for the two
    // cores do not count: ns of CPU per Decide call, and calls per CPU-second (= per core).
    // Per world size: the existing mix on the plain world (the earlier figures' baseline), then the existing mix
    // and the endpoint mix on the same world with endpoints.
    foreach (int vpcs in new[] { 1, 100, 1000 })
    {
        var world = GeneratedTopology.Generate(vpcs, 100);
        var compiled = CompiledNetwork.Compile(world.Network);
        var (flows, sources) = Flows.ForGenerated(compiled, world);
        Report($"generated {vpcs} VPCs / {world.Network.NetworkInterfaces.Count} ENIs, existing mix", compiled, flows, sources);
        world = GeneratedTopology.Generate(vpcs, 100, endpoints: true);
        compiled = CompiledNetwork.Compile(world.Network);
        (flows, sources) = Flows.ForGenerated(compiled, world);
        Report($"  with endpoints ({world.Network.NetworkInterfaces.Count} ENIs), existing mix", compiled, flows, sources);
        (flows, sources) = Flows.ForEndpoints(compiled, world);
        Report($"  with endpoints, endpoint mix", compiled, flows, sources);
    }
    var seed = new SeedWorldBenchmarks();
    seed.Setup();
    Report("seed world", seed.Compiled, seed.FlowArray, seed.SourceArray);
    var scenario = new SeedScenarioBenchmarks();
    scenario.Setup();
    Report("scenarios/seed.yaml through the ControlPlane", scenario.Compiled, scenario.FlowArray, scenario.SourceArray);
    return;
}

if (args.Length > 0 && args[0] == "--cpu-seed")
{
    // The seed world alone, like the last lines of --cpu, repeated (`--cpu-seed [ROUNDS]`, default 5): a quick
    // before/after figure for changes to the walk's fixed costs, which small worlds show most.
    int repeat = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    var seed = new SeedWorldBenchmarks();
    seed.Setup();
    for (int r = 1; r <= repeat; r++)
        Report($"seed world, round {r}", seed.Compiled, seed.FlowArray, seed.SourceArray);
    return;
}

if (args.Length > 0 && args[0] == "--cpu-endpoint-kinds")
{
    // What each endpoint kind costs the existing mix on the largest world: none, gateway only, interface only,
    // both, twice over (so drift in the machine's load shows).
    foreach (int round in new[] { 1, 2 })
    {
        foreach (var kinds in new[] { GeneratedTopology.EndpointKinds.None, GeneratedTopology.EndpointKinds.Gateway,
                     GeneratedTopology.EndpointKinds.Interface, GeneratedTopology.EndpointKinds.Both })
        {
            var world = GeneratedTopology.Generate(1000, 100, kinds);
            var compiled = CompiledNetwork.Compile(world.Network);
            var (flows, sources) = Flows.ForGenerated(compiled, world);
            Report($"round {round}, 1000 VPCs, endpoints {kinds}, existing mix", compiled, flows, sources);
        }
    }
    return;
}

static void Verdicts(string name, CompiledNetwork compiled, (VpcLab.Engine.FlowKey[] Flows, int[] Sources) mix)
{
    var reasons = new Dictionary<string, int>();
    for (int i = 0; i < mix.Flows.Length; i++)
    {
        var d = compiled.Decide(mix.Flows[i], mix.Sources[i]);
        var key = d.Verdict == Verdict.Accepted ? "ACCEPTED" : $"{ExplanationCode.For(d.Reason)} ({d.DroppedOn})";
        reasons[key] = reasons.GetValueOrDefault(key) + 1;
        // The explaining path must tell the same story (Decide ≡ Trace), or the figures measure a different walk.
        var t = compiled.Trace(mix.Flows[i], mix.Sources[i]);
        if (t.Verdict != d.Verdict || t.Reason != d.Reason)
            reasons["DECIDE/TRACE DISAGREE"] = reasons.GetValueOrDefault("DECIDE/TRACE DISAGREE") + 1;
    }
    Console.WriteLine($"  {name}:");
    foreach (var (k, v) in reasons.OrderBy(x => x.Key, StringComparer.Ordinal))
        Console.WriteLine($"    {k}: {v}");
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
