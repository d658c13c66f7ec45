using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.TestWorlds;

namespace VpcLab.Engine.Tests.InterfaceEndpoints;

/// <summary>scenarios/interface-endpoint.yaml, loaded through the ControlPlane as users do: SNS with private DNS
/// (interfaces in zones a and b), SQS with private DNS off, KMS behind a group that lets nothing in; app-1, app-2,
/// app-3 in zones a, b, c; no internet route. Names are resolved from the client's VPC, as vpclab trace does.</summary>
public class InterfaceEndpointScenarioTests
{
    private static readonly Lazy<(Model.Network Network, CompiledNetwork Compiled)> World = new(() =>
    {
        var network = ScenarioLoader.LoadFile(ShippedScenarios.PathOf("interface-endpoint")).Network;
        return (network, CompiledNetwork.Compile(network));
    });

    private static Trace Trace(string from, string to)
    {
        var (network, compiled) = World.Value;
        var resolver = new EndpointResolver(network);
        var source = resolver.Resolve(from);
        var request = TraceRequest.Tcp(source, resolver.Resolve(to, source), 443);
        var trace = compiled.Trace(request, resolver.Resolutions).AssertWellFormed();
        var resolved = compiled.Resolve(request);
        Assert.Equal(trace.Reason, compiled.Decide(resolved.Flow, resolved.SourceInterfaceIndex).Reason);
        return trace;
    }

    [Theory]
    // AWS: private DNS on: through the endpoint; zone c has no endpoint interface, so app-3 crosses zones.
    [InlineData("app-1", "sns", "ACCEPT", "same AZ")]
    [InlineData("app-2", "sns", "ACCEPT", "same AZ")]
    [InlineData("app-3", "sns", "ACCEPT", "no interface in us-east-1c")]
    // AWS: private DNS off: the public address, and no route to it.
    [InlineData("app-1", "sqs", "NO_ROUTE_TO_DESTINATION", "")]
    // AWS: the endpoint's security group must let the client in (closed-sg has no inbound rule at all).
    [InlineData("app-1", "kms", "SG_HAS_NO_RULES", "")]
    public void ServiceByName_FromEachZone(string from, string service, string expected, string zone)
    {
        var trace = Trace(from, $"{service}.us-east-1.amazonaws.com");
        trace.AssertVerdict(expected);
        if (zone.Length > 0)
            Assert.Contains(zone, trace.Forward.Single(h => h.Component.Kind == ComponentKind.InterfaceEndpoint).EndpointZone!.Summary, StringComparison.Ordinal);
        if (service == "sqs")
            Assert.Contains(trace.Explanations, e => e.Code == ExplanationCode.ServiceNameResolvedToPublicAddress);
    }
}
