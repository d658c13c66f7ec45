using BenchmarkDotNet.Attributes;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.TestWorlds;

namespace VpcLab.Benchmarks;

/// <summary>scenarios/seed.yaml loaded through the ControlPlane, as users build worlds: Compile, and Decide over
/// flows named the way users name them (resolved once with EndpointResolver).</summary>
[MemoryDiagnoser]
public class SeedScenarioBenchmarks
{
    private Network _network = null!;
    private CompiledNetwork _compiled = null!;
    private FlowKey[] _flows = null!;
    private int[] _sources = null!;

    [GlobalSetup]
    public void Setup()
    {
        _network = ScenarioLoader.LoadFile(ShippedScenarios.PathOf("seed")).Network;
        _compiled = CompiledNetwork.Compile(_network);
        var resolver = new EndpointResolver(_network);
        var cases = new (string From, string To, ushort Port)[]
        {
            ("web-1", "198.51.100.80", 443), ("app-1", "198.51.100.80", 443), ("web-1", "app-1", 8080),
            ("app-1", "db-1", 5432), ("app-2", "db-1", 5432), ("198.51.100.7", "web-1", 443),
            ("web-2", "198.51.100.80", 443), ("db-1", "198.51.100.80", 443),
        };
        _flows = new FlowKey[Flows.Count];
        _sources = new int[Flows.Count];
        for (int i = 0; i < Flows.Count; i++)
        {
            var (from, to, port) = cases[i % cases.Length];
            var resolved = _compiled.Resolve(new TraceRequest(resolver.Resolve(from), resolver.Resolve(to), IpProtocol.Tcp, port));
            _flows[i] = resolved.Flow;
            _sources[i] = resolved.SourceInterfaceIndex;
        }
    }

    internal CompiledNetwork Compiled => _compiled;
    internal FlowKey[] FlowArray => _flows;
    internal int[] SourceArray => _sources;

    [Benchmark(OperationsPerInvoke = Flows.Count)]
    public int Decide() => Flows.DecideAll(_compiled, _flows, _sources);

    [Benchmark]
    public CompiledNetwork Compile() => CompiledNetwork.Compile(_network);
}
