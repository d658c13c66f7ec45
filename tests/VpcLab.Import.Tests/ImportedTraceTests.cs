using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Import.Tests;

/// <summary>An imported world decides flows as a built one does: the engine's rules apply to imported records.</summary>
public sealed class ImportedTraceTests
{
    private static readonly Network World = WorldImporter.Import(Fixtures.TwoAccounts).ControlPlane().Network;
    private static readonly CompiledNetwork Compiled = CompiledNetwork.Compile(World);

    private static Trace Tcp(string from, string to, ushort port)
    {
        var resolver = new EndpointResolver(World);
        var source = resolver.Resolve(from);
        return Compiled.Trace(TraceRequest.Tcp(source, resolver.Resolve(to, source), port));
    }

    // Rows name the AWS rule (docs: https://docs.aws.amazon.com/vpc/latest/userguide/how-it-works.html and the pages in
    // spec/filtering-and-routing.md, spec/gateways-endpoints-peering.md).
    [Theory]
    [InlineData("198.51.100.7", "3.80.10.20", 443, Verdict.Accepted)] // IGW maps the public IPv4; web allows 443
    [InlineData("2001:db8::7", "2600:1f18:1234:ab01::10", 443, Verdict.Accepted)] // IPv6 through the IGW both ways
    [InlineData("198.51.100.7", "3.80.10.20", 22, Verdict.Dropped)] // SSH only from the office prefix list
    [InlineData("203.0.113.9", "3.80.10.20", 22, Verdict.Accepted)] // the office prefix list's entry
    [InlineData("2001:db8::7", "2600:1f18:1234:ab02::20", 8080, Verdict.Dropped)] // egress-only gateway: nothing in
    [InlineData("web-1", "app-1", 8080, Verdict.Accepted)] // group reference
    [InlineData("app-1", "db-1", 5432, Verdict.Accepted)] // cross-account peering, group referenced over it
    [InlineData("app-1", "db-1", 22, Verdict.Dropped)] // NACL 110 denies prod before 120 allows
    [InlineData("app-1", "10.99.0.5", 443, Verdict.Dropped)] // the transit gateway is not modelled: blackhole
    [InlineData("app-1", "8.8.8.8", 443, Verdict.Accepted)] // NAT gateway with its Elastic IP
    [InlineData("app-1", "2001:db8::9", 443, Verdict.Accepted)] // out through the egress-only gateway
    [InlineData("app-1", "52.216.10.10", 443, Verdict.Accepted)] // S3 through the gateway endpoint's prefix list
    public void Trace_ImportedWorld_DecidesAsAws(string from, string to, int port, Verdict expected) =>
        Assert.Equal(expected, Tcp(from, to, (ushort)port).Verdict);

    [Fact]
    public void Trace_ToS3_LeavesThroughTheImportedGatewayEndpoint() =>
        Assert.Contains(Tcp("app-1", "52.216.10.10", 443).Forward, h => h.Component.Id == "vpce-0a1b2c3d4e5f60201");

    [Fact]
    public void Decide_ImportedWorld_AgreesWithTrace()
    {
        var flow = new FlowKey(IpAddress.Parse("10.0.2.20"), IpAddress.Parse("10.1.1.50"), IpProtocol.Tcp, 40000, 5432);
        var trace = Tcp("app-1", "db-1", 5432);
        Assert.Equal(trace.Verdict, Compiled.Decide(in flow, Compiled.InterfaceIndexOf(new NetworkInterfaceId("eni-0a1b2c3d4e5f60042"))).Verdict);
    }
}
