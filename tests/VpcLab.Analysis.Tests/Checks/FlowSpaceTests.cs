using System.Globalization;
using CsCheck;
using VpcLab.Analysis.Reach;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.Analysis.Tests.Checks;

/// <summary>The verdict of every header-set piece (docs/semantics.md#reach) equals brute force: random small worlds (a
/// public subnet behind an internet gateway with random routes, NACL entries and group rules over a small universe of
/// CIDRs, ports and ICMP types and codes), every packet of that universe decided one by one, inbound from the internet
/// and outbound to it.</summary>
public sealed class FlowSpaceTests
{
    /// <summary>ICMP as NACL entries write it (`8`, `3/4`, `all`) and group rules (`8`, `3/4`).</summary>
    private static readonly Gen<string> IcmpTypes = Gen.OneOf("0", "3", "8", "11", "0/1", "8/1", "3/4", "8/0");

    private static readonly Gen<string> AclEntry = PublicHostWorlds.AclEntry(IcmpTypes);

    private static readonly Gen<string> GroupRule = PublicHostWorlds.GroupRule(IcmpTypes);

    private static readonly Gen<string> Worlds =
        Gen.Select(AclEntry.Array[0, 4], AclEntry.Array[0, 4], GroupRule.Array[0, 3], GroupRule.Array[0, 2], PublicHostWorlds.Routes)
            .Select(World);

    private static string World(string[] inbound, string[] outbound, string[] ingress, string[] egress, string route) =>
        PublicHostWorlds.World(inbound, outbound, ingress, egress, route);

    private static readonly IpAddress[] Internet =
        [.. Enumerable.Range(0, 16).Select(i => IpAddress.Parse($"203.0.113.{i}")), IpAddress.Parse("198.51.100.7")];

    private static readonly ushort[] PortUniverse = [.. Enumerable.Range(0, 18).Select(p => (ushort)p), 1024, 40000];

    /// <summary>Every ICMP value the rules can tell apart, and one they never name (type 13, timestamp). Error messages
    /// (3, 11) are not traffic a sender opens: they have no pieces (docs/check.md#traffic).</summary>
    private static readonly ushort[] IcmpUniverse =
        [.. new[] { 0, 8, 13 }.SelectMany(type => new[] { 0, 1, 2, 4 }.Select(code => (ushort)(type * 256 + code)))];

    [Fact]
    public void ValuesWithin_IcmpErrorTypes_NoPieces()
    {
        var network = ScenarioLoader.Load(ScenarioParser.Parse(World([], [], [], [], "0.0.0.0/0"), "w.yaml"), "w.yaml").Network;
        var space = new FlowSpace(network, [], []);
        Assert.Empty(space.ValuesWithin(new TrafficClass(IpProtocol.Icmp, new PortRange(3 * 256, 3 * 256 + 255))));
        Assert.Empty(space.ValuesWithin(new TrafficClass(IpProtocol.Icmpv6, new PortRange(1 * 256, 4 * 256 + 255))));
        Assert.Equal([new PortRange(8 * 256 + 1, 8 * 256 + 1)], space.ValuesWithin(new TrafficClass(IpProtocol.Icmp, PortRange.Single(8 * 256 + 1))));
    }

    [Fact]
    public void Pieces_RandomSmallWorlds_EqualBruteForceBothWays() =>
        Worlds.Sample(yaml =>
        {
            var network = ScenarioLoader.Load(ScenarioParser.Parse(yaml, "random.yaml"), "random.yaml").Network;
            var space = new FlowSpace(network, [], []);
            var eni = Assert.Single(network.NetworkInterfaces.Values);
            var host = new InterfaceEnd(eni.Id);
            int index = space.Compiled.InterfaceIndexOf(eni.Id);
            var publicIp = network.PublicIpFor(eni, eni.PrivateIpAddresses[0])!.Value;
            foreach (var protocol in new[] { IpProtocol.Tcp, IpProtocol.Udp, IpProtocol.Icmp })
            {
                var values = protocol.IsIcmp ? IcmpUniverse : PortUniverse;
                var sourcePorts = protocol.IsIcmp ? [(ushort)0] : PortUniverse;
                foreach (var value in values)
                {
                    var traffic = new TrafficClass(protocol, PortRange.Single(value));
                    bool inbound = Internet.Any(s => sourcePorts.Any(sp => space.Compiled.Decide(new FlowKey(s, publicIp, protocol, sp, value), -1).IsAccepted));
                    Assert.True(inbound == space.Pieces(InternetEnd.Instance, host, traffic).Any(p => p.Delivered), $"in {traffic}: brute force {inbound}\n{yaml}");
                    bool outbound = Internet.Any(d => sourcePorts.Any(sp => space.Compiled.Decide(new FlowKey(eni.PrimaryPrivateIp, d, protocol, sp, value), index).IsAccepted));
                    Assert.True(outbound == space.Pieces(host, InternetEnd.Instance, traffic).Any(p => p.Delivered), $"out {traffic}: brute force {outbound}\n{yaml}");
                }
            }
        }, iter: 40);

    /// <summary>"Every client port": a piece is delivered only when each source port of 1024–65535 is; brute force
    /// over the same universe.</summary>
    [Fact]
    public void Pieces_EveryEphemeralPort_EqualsBruteForceOverClientPorts() =>
        Worlds.Sample(yaml =>
        {
            var network = ScenarioLoader.Load(ScenarioParser.Parse(yaml, "random.yaml"), "random.yaml").Network;
            var space = new FlowSpace(network, [], []);
            var eni = Assert.Single(network.NetworkInterfaces.Values);
            int index = space.Compiled.InterfaceIndexOf(eni.Id);
            ushort[] clientPorts = [1024, 40000, 49152, 65535];
            foreach (var value in PortUniverse)
            {
                var traffic = new TrafficClass(IpProtocol.Tcp, PortRange.Single(value));
                bool brute = Internet.Any(d => clientPorts.All(sp => space.Compiled.Decide(FlowKey.Tcp(eni.PrimaryPrivateIp, d, value, sp), index).IsAccepted));
                Assert.True(brute == space.Pieces(new InterfaceEnd(eni.Id), InternetEnd.Instance, traffic, everyEphemeralPort: true).Any(p => p.Delivered),
                    $"tcp/{value}: brute force {brute}\n{yaml}");
            }
        }, iter: 30);
}
