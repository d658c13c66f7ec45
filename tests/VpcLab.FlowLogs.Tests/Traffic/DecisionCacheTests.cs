using CsCheck;
using VpcLab.Engine;
using VpcLab.FlowLogs.Traffic;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>The decision cache of a traffic run (docs/semantics.md#flow-log-decision-cache): a run's world is fixed,
/// so a repeated 5-tuple from the same interface is decided once; what every interface saw must be exactly what
/// walking the engine again gives, whatever the cache's size (evictions included), and a run's records the same with
/// the cache on or off.</summary>
public sealed class DecisionCacheTests
{
    private static readonly Lazy<TrafficLab> Seed = new(() => new TrafficLab("seed"));

    // Sizes: off, 1 slot (every other flow evicts), 4 slots (collisions), the default.
    [Theory]
    [InlineData("seed", 0)]
    [InlineData("seed", 1)]
    [InlineData("seed", 4)]
    [InlineData("seed", TrafficOptions.DefaultDecisionCacheSlots)]
    [InlineData("ping-flow-logs", TrafficOptions.DefaultDecisionCacheSlots)]
    [InlineData("nat64-dns64", 4)]
    [InlineData("interface-endpoint", TrafficOptions.DefaultDecisionCacheSlots)]
    public void TrafficRun_DecisionCacheOfAnySize_RecordsOfTheRunWithoutIt(string scenario, int slots)
    {
        var lab = new TrafficLab(scenario);
        var compiled = CompiledNetwork.Compile(lab.Network);
        var duration = TimeSpan.FromMinutes(90);
        var fresh = new TrafficSimulator(compiled, new TrafficOptions { DecisionCacheSlots = 0 }).Run(lab.Workload, TrafficLab.Start, duration);
        var cached = new TrafficSimulator(compiled, new TrafficOptions { DecisionCacheSlots = slots }).Run(lab.Workload, TrafficLab.Start, duration);

        Assert.Equal(fresh.Records.Keys.OrderBy(k => k.Value, StringComparer.Ordinal), cached.Records.Keys.OrderBy(k => k.Value, StringComparer.Ordinal));
        foreach (var (log, records) in fresh.Records)
            Assert.Equal(records, cached.Records[log]);
        Assert.Equal((fresh.Connections, fresh.Established, fresh.Failed), (cached.Connections, cached.Established, cached.Failed));
    }

    // The seed's pings (no ports) repeat their 5-tuple: with the cache, the engine walks such a flow on its first two
    // sights only (the second keeps it), so fewer connections than the run makes; without it, every one.
    [Fact]
    public void TrafficRun_RepeatedFiveTuples_NotWalkedEveryTime()
    {
        var lab = Seed.Value;
        var compiled = CompiledNetwork.Compile(lab.Network);
        var duration = TimeSpan.FromHours(2);
        var off = new TrafficSimulator(compiled, new TrafficOptions { DecisionCacheSlots = 0 }).Play(lab.Workload, TrafficLab.Start, duration, _ => { });
        var on = new TrafficSimulator(compiled).Play(lab.Workload, TrafficLab.Start, duration, _ => { });

        Assert.Equal(off.Connections - off.Skipped, off.Walked);
        Assert.InRange(on.Walked, 1, off.Walked - 1);
        Assert.Equal(off with { Walked = 0 }, on with { Walked = 0 });
    }

    // Property: for any sequence of flows drawn from a small pool on the seed world (so flows repeat and, with few
    // slots, evict each other), the cache answers each exactly as a fresh walk of the engine does.
    [Fact]
    public void DecisionCache_AnySequenceOfFlows_AnswersAsAFreshWalk()
    {
        var compiled = CompiledNetwork.Compile(Seed.Value.Network);
        var pool = FlowPool(compiled);
        var gen = Gen.Select(Gen.Int[0, 6], Gen.Int[0, pool.Length - 1].Array[1, 200]);
        gen.Sample((sizeLog, picks) =>
        {
            var cache = new DecisionCache(compiled, sizeLog == 0 ? 0 : 1 << (sizeLog - 1));
            var into = new FlowObservations();
            foreach (int p in picks)
            {
                var (flow, source) = pool[p];
                var cached = cache.Observe(in flow, source, out var seen);
                var walked = compiled.Observe(in flow, source, into);
                if (cached != walked || !seen.SequenceEqual(into.AsSpan()))
                    return false;
            }
            return true;
        }, iter: 200);
    }

    /// <summary>Flows between the seed's interfaces and to and from the internet, on a few ports (some allowed, some
    /// not) and two client ports.</summary>
    private static (FlowKey Flow, int Source)[] FlowPool(CompiledNetwork compiled)
    {
        var internet = IpAddress.Parse("198.51.100.7");
        var targets = Enumerable.Range(0, compiled.InterfaceCount).Select(i => compiled.InterfaceAt(i))
            .Select(e => e.PrivateIpAddresses[0].AutoAssignedPublicIp ?? e.PrimaryPrivateIp).Append(IpAddress.Parse("198.51.100.80")).ToArray();
        var pool = new List<(FlowKey, int)>();
        foreach (ushort port in new ushort[] { 22, 443, 5432, 8080 })
        {
            foreach (ushort client in new ushort[] { 40000, 51000 })
            {
                for (int s = 0; s < compiled.InterfaceCount; s++)
                {
                    var from = compiled.InterfaceAt(s).PrimaryPrivateIp;
                    pool.AddRange(targets.Where(t => t != from).Select(t => (FlowKey.Tcp(from, t, port, client), s)));
                }
                pool.AddRange(targets.Select(t => (FlowKey.Tcp(internet, t, port, client), -1)));
            }
        }
        return [.. pool];
    }
}
