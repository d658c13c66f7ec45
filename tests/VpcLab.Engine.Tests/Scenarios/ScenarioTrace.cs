using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Net;
using VpcLab.TestWorlds;

namespace VpcLab.Engine.Tests.Scenarios;

/// <summary>A shipped scenario loaded through the ControlPlane and compiled once, traced by names as users do.</summary>
public sealed class ScenarioTrace
{
    private static readonly Dictionary<string, ScenarioTrace> Cache = new(StringComparer.Ordinal);
    private static readonly Lock CacheLock = new();

    public LoadedScenario Loaded { get; }
    public CompiledNetwork Compiled { get; }
    private readonly EndpointResolver _resolver;

    private ScenarioTrace(string name)
    {
        Loaded = ScenarioLoader.LoadFile(ShippedScenarios.PathOf(name));
        Compiled = CompiledNetwork.Compile(Loaded.Network);
        _resolver = new EndpointResolver(Loaded.Network);
    }

    public static ScenarioTrace Of(string name)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(name, out var scenario))
                Cache[name] = scenario = new ScenarioTrace(name);
            return scenario;
        }
    }

    public Trace Trace(string from, string to, string protocol, ushort port, bool ipv6 = false) =>
        Compiled.Trace(new TraceRequest(_resolver.Resolve(from), _resolver.Resolve(to), IpProtocol.Parse(protocol), port,
            FlowKey.DefaultEphemeralPort, ipv6 ? IpFamily.V6 : null)).AssertWellFormed();

    /// <summary>The component names of a path, in order ("web-sg", "public-rt", …).</summary>
    public static string[] Names(IEnumerable<Hop> hops) => [.. hops.Select(h => h.Component.Name)];
}
