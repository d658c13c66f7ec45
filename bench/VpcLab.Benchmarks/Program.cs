using System.Diagnostics;
using BenchmarkDotNet.Running;
using VpcLab.Benchmarks;
using VpcLab.Benchmarks.Worlds;
using VpcLab.Engine;

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

BenchmarkSwitcher.FromAssembly(typeof(DecideBenchmarks).Assembly).Run(args);
