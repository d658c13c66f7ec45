using BenchmarkDotNet.Attributes;
using VpcLab.Benchmarks.Worlds;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.TestWorlds;

namespace VpcLab.Benchmarks;

/// <summary>The allocation-free fast path on generated worlds of growing size (100 interfaces per VPC), so the
/// cost per flow can be seen to stay flat as the world grows. Times are per Decide call.</summary>
[MemoryDiagnoser]
public class DecideBenchmarks
{
    private CompiledNetwork _compiled = null!;
    private FlowKey[] _flows = null!;
    private int[] _sources = null!;

    [Params(1, 100, 1000)]
    public int Vpcs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var world = GeneratedTopology.Generate(Vpcs, 100);
        _compiled = CompiledNetwork.Compile(world.Network);
        (_flows, _sources) = Flows.ForGenerated(_compiled, world);
    }

    [Benchmark(OperationsPerInvoke = Flows.Count)]
    public int Decide()
    {
        int accepted = 0;
        var flows = _flows;
        var sources = _sources;
        for (int i = 0; i < flows.Length; i++)
        {
            if (_compiled.Decide(in flows[i], sources[i]).Verdict == Verdict.Accepted)
                accepted++;
        }
        return accepted;
    }
}

/// <summary>Worlds with VPC endpoints (<c>GeneratedTopology.Generate(…, endpoints: true)</c>): the existing flow mix
/// (the baseline, comparable with <see cref="DecideBenchmarks"/>) and the endpoint mix (S3 through the gateway
/// endpoint, interface-endpoint interfaces on 443) on the same world. Times are per Decide call.</summary>
[MemoryDiagnoser]
public class EndpointDecideBenchmarks
{
    private CompiledNetwork _compiled = null!;
    private FlowKey[] _existing = null!;
    private int[] _existingSources = null!;
    private FlowKey[] _endpoint = null!;
    private int[] _endpointSources = null!;

    [Params(1, 1000)]
    public int Vpcs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var world = GeneratedTopology.Generate(Vpcs, 100, endpoints: true);
        _compiled = CompiledNetwork.Compile(world.Network);
        (_existing, _existingSources) = Flows.ForGenerated(_compiled, world);
        (_endpoint, _endpointSources) = Flows.ForEndpoints(_compiled, world);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Flows.Count)]
    public int ExistingMix() => Flows.DecideAll(_compiled, _existing, _existingSources);

    [Benchmark(OperationsPerInvoke = Flows.Count)]
    public int EndpointMix() => Flows.DecideAll(_compiled, _endpoint, _endpointSources);
}

/// <summary>The seed world (scenarios/seed.yaml as records): Decide against Trace, the explaining path.</summary>
[MemoryDiagnoser]
public class SeedWorldBenchmarks
{
    private CompiledNetwork _compiled = null!;
    private FlowKey[] _flows = null!;
    private int[] _sources = null!;

    [GlobalSetup]
    public void Setup()
    {
        var seed = new SeedWorld();
        _compiled = seed.Compile();
        var network = seed.B.Build();
        IpAddress V4(NetworkInterfaceId id) => network.NetworkInterfaces[id].PrimaryPrivateIp;
        var web1Public = network.NetworkInterfaces[seed.Web1.Interface].PrivateIpAddresses[0].AutoAssignedPublicIp!.Value;
        var internet = IpAddress.Parse("8.8.8.8");
        var cases = new (FlowKey Flow, NetworkInterfaceId? From)[]
        {
            (FlowKey.Tcp(V4(seed.Web1.Interface), internet, 443), seed.Web1.Interface),             // IGW, 1:1 NAT
            (FlowKey.Tcp(V4(seed.App1.Interface), internet, 443), seed.App1.Interface),             // NAT gateway + IGW
            (FlowKey.Tcp(V4(seed.Web1.Interface), V4(seed.App1.Interface), 8080), seed.Web1.Interface), // SG reference
            (FlowKey.Tcp(V4(seed.App1.Interface), V4(seed.Db1.Interface), 5432), seed.App1.Interface),  // NACLs both ways
            (FlowKey.Tcp(V4(seed.App2.Interface), V4(seed.Db1.Interface), 5432), seed.App2.Interface),  // reply dropped
            (FlowKey.Tcp(IpAddress.Parse("198.51.100.7"), web1Public, 443), null),                    // from the internet
            (FlowKey.Tcp(V4(seed.Web2.Interface), internet, 443), seed.Web2.Interface),             // no public IP
            (FlowKey.Udp(V4(seed.Db1.Interface), internet, 123), seed.Db1.Interface),               // no route
        };
        _flows = new FlowKey[Flows.Count];
        _sources = new int[Flows.Count];
        for (int i = 0; i < Flows.Count; i++)
        {
            _flows[i] = cases[i % cases.Length].Flow;
            _sources[i] = cases[i % cases.Length].From is { } id ? _compiled.InterfaceIndexOf(id) : -1;
        }
    }

    internal CompiledNetwork Compiled => _compiled;
    internal FlowKey[] FlowArray => _flows;
    internal int[] SourceArray => _sources;

    [Benchmark(OperationsPerInvoke = Flows.Count)]
    public int Decide() => Flows.DecideAll(_compiled, _flows, _sources);

    [Benchmark(OperationsPerInvoke = 8)]
    public int Trace()
    {
        int hops = 0;
        for (int i = 0; i < 8; i++)
            hops += _compiled.Trace(in _flows[i], _sources[i]).Forward.Length;
        return hops;
    }
}

/// <summary>Compiling the big world: 1,000 VPCs and 100,000 interfaces.</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private Network _network = null!;

    [GlobalSetup]
    public void Setup() => _network = GeneratedTopology.Generate(1000, 100).Network;

    [Benchmark]
    public CompiledNetwork Compile() => CompiledNetwork.Compile(_network);
}
