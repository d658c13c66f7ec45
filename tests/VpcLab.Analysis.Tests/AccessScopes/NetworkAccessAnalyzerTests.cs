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

    /// <summary>SourcePorts (PacketHeaderStatementRequest, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_PacketHeaderStatementRequest.html):
    /// a finding exactly when some internet source on a source port inside the statement's ranges is delivered; the
    /// outbound NACL (the reply's destination port is the client's source port) decides which.</summary>
    [Fact]
    public void Findings_SourcePortsInStatement_ExactlyWhenBruteForceDeliversFromThosePorts() =>
        Gen.Select(AclEntry.Array[0, 3], AclEntry.Array[0, 4], GroupRule.Array[1, 3], Gen.Int[0, 17], Ports)
            .Sample((inbound, outbound, ingress, port, sourceRange) =>
            {
                var yaml = PublicHostWorlds.World(inbound, outbound, ingress, null, "0.0.0.0/0");
                var network = ScenarioLoader.Load(ScenarioParser.Parse(yaml, "random.yaml"), "random.yaml").Network;
                var compiled = CompiledNetwork.Compile(network);
                var eni = Assert.Single(network.NetworkInterfaces.Values);
                var ctx = new RequestContext(eni.OwnerId, eni.Region);
                var address = network.PublicIpFor(eni, eni.PrivateIpAddresses[0])!.Value;
                Assert.True(PortRange.TryParse(sourceRange, out var range));
                bool brute = Sources.Any(s => SourcePorts.Where(range.Contains).Any(sp =>
                    compiled.Decide(new FlowKey(s, address, IpProtocol.Tcp, sp, (ushort)port), -1).IsAccepted));

                var header = Header(IpProtocol.Tcp, (ushort)port) with { SourcePorts = [range], SourcePortsText = [sourceRange] };
                var findings = NetworkAccessAnalyzer.Findings(Scope([InternetToInterfaces(header)], [], ctx), network, ctx, "nisa-0123456789abcdef0");
                Assert.True(brute == !findings.IsEmpty, $"tcp/{port} from ports {sourceRange}: brute force {brute}, findings {findings.Length}\n{yaml}");
                Assert.All(findings, f => Assert.True(range.Contains(f.Trace.Flow.SourcePort), $"{f.Trace.Flow}"));

                // Excluding the same source ports leaves nothing; excluding the others leaves the same answer.
                var sameExcluded = NetworkAccessAnalyzer.Findings(Scope([InternetToInterfaces(header)],
                    [new ScopePath(null, new ScopePathStatement(header, null), [])], ctx), network, ctx, "nisa-0123456789abcdef0");
                Assert.Empty(sameExcluded);
            }, iter: 40);

    /// <summary>SourcePrefixLists: the sources are the list's entries, as if its CIDRs were given as SourceAddresses
    /// (docs/semantics.md#naa-statements); a list with no entry in the range admits nothing.</summary>
    [Fact]
    public void Findings_SourcePrefixList_SameAsItsCidrs() =>
        Gen.Select(AclEntry.Array[0, 4], GroupRule.Array[1, 3], Gen.Int[0, 17], Gen.OneOf(Cidrs).Array[0, 2])
            .Sample((inbound, ingress, port, entries) =>
            {
                var yaml = World(inbound, ingress);
                var loaded = ScenarioLoader.Load(ScenarioParser.Parse(yaml, "random.yaml"), "random.yaml").Network;
                var eni = Assert.Single(loaded.NetworkInterfaces.Values);
                var list = new ManagedPrefixList(new PrefixListId("pl-0123456789abcdef0"), eni.OwnerId.Value, eni.Region, "clients", IpFamily.V4,
                    [.. entries.Distinct().Select(c => new PrefixListEntry(Cidr.Parse(c), null))], 5, 1);
                var network = loaded with { PrefixLists = loaded.PrefixLists.SetItem(list.Id, list) };
                var ctx = new RequestContext(eni.OwnerId, eni.Region);
                var byList = Header(IpProtocol.Tcp, (ushort)port) with { SourcePrefixLists = [list.Id.Value] };
                var byCidrs = new ScopePacketHeader([.. list.Entries.Select(e => e.Cidr)], [], [PortRange.Single((ushort)port)], [IpProtocol.Tcp], [], [], [], []);
                var listed = NetworkAccessAnalyzer.Findings(Scope([InternetToInterfaces(byList)], [], ctx), network, ctx, "nisa-0123456789abcdef0");
                var given = NetworkAccessAnalyzer.Findings(Scope([InternetToInterfaces(byCidrs)], [], ctx), network, ctx, "nisa-0123456789abcdef0");
                Assert.Equal(!given.IsEmpty && !list.Entries.IsEmpty, !listed.IsEmpty);
                Assert.All(listed, f => Assert.Contains(list.Entries, e => e.Cidr.Contains(f.Trace.Flow.Source)));
            }, iter: 40);
}
