using System.Collections.Immutable;
using System.Globalization;
using CsCheck;
using VpcLab.Analysis.AccessScopes;
using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Tests.AccessScopes;

/// <summary>The Network Access Analyzer's findings (docs/semantics.md#naa-analysis) against brute force: random small
/// worlds (a public subnet behind an internet gateway, random NACL entries and group rules over a small universe of
/// CIDRs and ports); the scope "internet gateway → any interface" narrowed to one protocol and port has a finding
/// exactly when some packet of that universe from the internet on that port is delivered, and none once an exclude
/// path covers the port.</summary>
public sealed class NetworkAccessAnalyzerTests
{
    private static readonly string[] Cidrs = ["0.0.0.0/0", "203.0.113.0/28", "203.0.113.8/29", "203.0.113.6/32"];

    private static readonly Gen<string> Ports =
        Gen.Select(Gen.Int[0, 15], Gen.Int[0, 15]).Select((a, b) => string.Create(CultureInfo.InvariantCulture, $"{Math.Min(a, b)}-{Math.Max(a, b)}"));

    private static readonly Gen<string> AclEntry =
        Gen.Select(Gen.OneOf("tcp", "udp", "all"), Ports, Gen.OneOf(Cidrs), Gen.Bool)
            .Select((protocol, ports, cidr, allow) => protocol == "all"
                ? $"protocol: all, cidr: {cidr}, action: {(allow ? "allow" : "deny")}"
                : $"protocol: {protocol}, ports: {ports}, cidr: {cidr}, action: {(allow ? "allow" : "deny")}");

    private static readonly Gen<string> GroupRule =
        Gen.Select(Gen.OneOf("tcp", "udp"), Ports, Gen.OneOf(Cidrs)).Select((protocol, ports, cidr) => $"{{ protocol: {protocol}, ports: {ports}, source: {cidr} }}");

    /// <summary>One public host (PublicHostWorlds) whose subnet lets every reply out.</summary>
    private static string World(string[] inbound, string[] ingress) =>
        PublicHostWorlds.World(inbound, ["protocol: all, cidr: 0.0.0.0/0, action: allow"], ingress, null, "0.0.0.0/0");

    private static readonly IpAddress[] Sources =
        [.. Enumerable.Range(0, 16).Select(i => IpAddress.Parse($"203.0.113.{i}")), IpAddress.Parse("198.51.100.7")];

    private static readonly ushort[] SourcePorts = [.. Enumerable.Range(0, 18).Select(p => (ushort)p), 1024, 40000];

    private static ScopePacketHeader Header(IpProtocol protocol, ushort port) => new(
        [], [], [PortRange.Single(port)], [protocol], [], [], [port.ToString(CultureInfo.InvariantCulture)], [protocol.Name]);

    private static ScopePath InternetToInterfaces(ScopePacketHeader? header) => new(
        new ScopePathStatement(null, new ScopeResources([], [ScopeResourceTypes.InternetGateway])),
        new ScopePathStatement(header, new ScopeResources([], [ScopeResourceTypes.NetworkInterface])), []);

    private static AccessScope Scope(ImmutableArray<ScopePath> match, ImmutableArray<ScopePath> exclude, RequestContext ctx) =>
        new("nis-0123456789abcdef0", "arn", ctx.Account, ctx.Region, DateTimeOffset.UnixEpoch, match, exclude, Tags.Empty);

    [Fact]
    public void Findings_InternetGatewayToInterfaceOnOnePort_ExactlyWhenBruteForceDelivers() =>
        Gen.Select(AclEntry.Array[0, 4], GroupRule.Array[0, 3], Gen.OneOf(IpProtocol.Tcp, IpProtocol.Udp), Gen.Int[0, 17])
            .Sample((inbound, ingress, protocol, port) =>
            {
                var yaml = World(inbound, ingress);
                var network = ScenarioLoader.Load(ScenarioParser.Parse(yaml, "random.yaml"), "random.yaml").Network;
                var compiled = CompiledNetwork.Compile(network);
                var eni = Assert.Single(network.NetworkInterfaces.Values);
                var ctx = new RequestContext(eni.OwnerId, eni.Region);
                var address = network.PublicIpFor(eni, eni.PrivateIpAddresses[0])!.Value;
                bool brute = Sources.Any(s => SourcePorts.Any(sp => compiled.Decide(new FlowKey(s, address, protocol, sp, (ushort)port), -1).IsAccepted));

                var header = Header(protocol, (ushort)port);
                var findings = NetworkAccessAnalyzer.Findings(Scope([InternetToInterfaces(header)], [], ctx), network, ctx, "nisa-0123456789abcdef0");
                Assert.True(brute == !findings.IsEmpty, $"{protocol.Name} port {port}: brute force {brute}, findings {findings.Length}\n{yaml}");
                Assert.All(findings, f => Assert.True(f.Trace.PathFound && f.Trace.Flow.DestinationPort == port && f.Trace.Flow.Protocol == protocol));

                var excluded = NetworkAccessAnalyzer.Findings(
                    Scope([InternetToInterfaces(header)], [new ScopePath(null, new ScopePathStatement(header, null), [])], ctx), network, ctx, "nisa-0123456789abcdef0");
                Assert.Empty(excluded);
            }, iter: 60);
}
