using VpcLab.Net;

namespace VpcLab.Engine.Tests.TestWorlds;

/// <summary>Test helpers: trace by names as a user types them, and assert on verdicts and drop codes.</summary>
public static class Tracing
{
    public static Trace Run(this CompiledNetwork network, string from, string to, string protocol = "tcp",
        ushort port = 443, IpFamily? family = null, int? icmpType = null, int icmpCode = 0)
    {
        var resolver = new EndpointResolver(network.Network);
        var request = new TraceRequest(resolver.Resolve(from), resolver.Resolve(to), IpProtocol.Parse(protocol), port, FlowKey.DefaultEphemeralPort, family)
        {
            IcmpType = icmpType,
            IcmpCode = icmpCode,
        };
        var trace = network.Trace(request).AssertWellFormed();
        // Every trace doubles as a check that the fast path agrees.
        var resolved = network.Resolve(request);
        var decision = network.Decide(resolved.Flow, resolved.SourceInterfaceIndex);
        Assert.Equal(trace.Verdict, decision.Verdict);
        Assert.Equal(trace.Reason, decision.Reason);
        return trace;
    }

    public static void AssertAccepted(this Trace trace) =>
        Assert.True(trace.Verdict == Verdict.Accepted, "expected Accepted, got\n" + trace);

    public static void AssertDropped(this Trace trace, ExplanationCode code, PathDirection direction = PathDirection.Forward)
    {
        Assert.True(trace.Verdict == Verdict.Dropped, $"expected Dropped with {code}, got\n" + trace);
        Assert.True(trace.Explanations.Any(e => e.Code == code), $"expected {code}, got\n" + trace);
        Assert.True(trace.DroppedOn == direction, $"expected drop on the {direction} path, got\n" + trace);
    }

    public static void AssertVerdict(this Trace trace, string expected, PathDirection direction = PathDirection.Forward)
    {
        if (expected == "ACCEPT")
            trace.AssertAccepted();
        else
            trace.AssertDropped(new ExplanationCode(expected), direction);
    }

    /// <summary>The components met, by kind, as "Kind:Name" strings.</summary>
    public static IEnumerable<string> Components(this IEnumerable<Hop> hops) =>
        hops.Select(h => $"{h.Component.Kind}:{h.Component.Name}");
}
