using System.Globalization;
using CsCheck;
using VpcLab.Analysis.Reach;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Tests;

/// <summary>"What does the internet reach", computed over header sets (docs/semantics.md#reach), equals brute force:
/// random small worlds (a public subnet behind an internet gateway, random routes, NACL entries and group rules over a
/// small universe of CIDRs and ports), every packet of that universe decided one by one.</summary>
public sealed class InternetReachTests
{
    /// <summary>ICMP as NACL entries write it (`8`, `3/4`, `all`) and group rules (`8`, `3/4`).</summary>
    private static readonly Gen<string> IcmpTypes = Gen.OneOf("0", "3", "8", "11", "13", "0/1", "8/1", "3/4", "8/0");

    private static readonly Gen<string> AclEntry = PublicHostWorlds.AclEntry(IcmpTypes);

    private static readonly Gen<string> GroupRule = PublicHostWorlds.GroupRule(IcmpTypes);

    private static readonly Gen<string> Worlds =
        Gen.Select(AclEntry.Array[0, 4], AclEntry.Array[0, 4], GroupRule.Array[0, 3], PublicHostWorlds.Routes)
            .Select(World);

    private static string World(string[] inbound, string[] outbound, string[] ingress, string route) =>
        PublicHostWorlds.World(inbound, outbound, ingress, null, route);

    private static readonly IpAddress[] Sources =
        [.. Enumerable.Range(0, 16).Select(i => IpAddress.Parse($"203.0.113.{i}")), IpAddress.Parse("198.51.100.7")];

    private static readonly ushort[] SourcePorts = [.. Enumerable.Range(0, 18).Select(p => (ushort)p), 1024, 40000];

    /// <summary>Every ICMP value the rules can tell apart (echo reply 0, echo request 8, timestamp 13, with codes the
    /// rules name and one they never do) and the error types 3 and 11, which a sender cannot open
    /// (docs/semantics.md#sg-icmp-errors): never reported.</summary>
    private static readonly ushort[] IcmpValues =
        [.. new[] { 0, 3, 8, 11, 13 }.SelectMany(type => new[] { 0, 1, 2, 4 }.Select(code => (ushort)(type * 256 + code)))];

    [Fact]
    public void Compute_RandomSmallWorlds_EqualsBruteForce() =>
        Worlds.Sample(yaml =>
        {
            var network = ScenarioLoader.Load(ScenarioParser.Parse(yaml, "random.yaml"), "random.yaml").Network;
            var compiled = CompiledNetwork.Compile(network);
            var eni = Assert.Single(network.NetworkInterfaces.Values);
            var address = network.PublicIpFor(eni, eni.PrivateIpAddresses[0])!.Value;
            var exposures = InternetReach.Compute(network);
            Assert.DoesNotContain(exposures, x => x.Protocol == IpProtocol.Icmpv6); // no IPv6 address in these worlds
            foreach (var protocol in new[] { IpProtocol.Tcp, IpProtocol.Udp, IpProtocol.Icmp })
            {
                var computed = exposures.SingleOrDefault(x => x.Protocol == protocol)?.Ports ?? [];
                var values = protocol.IsIcmp ? IcmpValues : [.. Enumerable.Range(0, 18).Select(p => (ushort)p)];
                var sourcePorts = protocol.IsIcmp ? [(ushort)0] : SourcePorts;
                foreach (var value in values)
                {
                    bool brute = !(protocol.IsIcmp && FlowKey.IsIcmpErrorType(protocol, value >> 8))
                        && Sources.Any(s => sourcePorts.Any(sp => compiled.Decide(new FlowKey(s, address, protocol, sp, value), -1).IsAccepted));
                    Assert.True(brute == computed.Any(r => r.Contains(value)), $"{protocol.Name} value {value}: brute force {brute}\n{yaml}");
                }
            }
        }, iter: 60);

    // ICMP (Security group rules for ICMP, https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html):
    // echo requests from anywhere are reported as icmp type 8, every code, with the echo reply let back; the error types
    // a sender cannot open are not, though the group allows all ICMP.
    [Theory]
    [InlineData("\"8\"", "2048-2303", 8)]
    [InlineData("all", "0-767,1536-2815,3328-65535", 0)]
    public void Compute_IcmpFromAnywhere_ReportsOpenableTypes(string icmp, string expected, int exampleType)
    {
        string[] allowAll = ["protocol: all, cidr: 0.0.0.0/0, action: allow"];
        var yaml = World(allowAll, allowAll, [$"{{ protocol: icmp, ports: {icmp}, source: 0.0.0.0/0 }}"], "0.0.0.0/0");
        var network = ScenarioLoader.Load(ScenarioParser.Parse(yaml, "icmp.yaml"), "icmp.yaml").Network;
        var exposure = Assert.Single(InternetReach.Compute(network), x => x.Protocol == IpProtocol.Icmp);
        Assert.Equal(expected, string.Join(',', exposure.Ports.Select(p => $"{p.From}-{p.To}")));
        Assert.Equal(exampleType, exposure.Example.IcmpType);
    }

    // The imported fixture: web takes HTTPS from anywhere (IPv4 and IPv6) and SSH from the office prefix list (IPv4);
    // app has only an egress-only gateway for IPv6 and no public IPv4: the internet reaches nothing of it.
    [Fact]
    public void Compute_ImportedAccount_WebOnHttpsAndOfficeSsh()
    {
        var network = Import.WorldImporter.Import(Path.Combine(AppContext.BaseDirectory, "ImportFixtures", "two-accounts")).ControlPlane().Network;
        var exposures = InternetReach.Compute(network);
        var web = new NetworkInterfaceId("eni-0a1b2c3d4e5f60041");
        Assert.Equal(
            [("3.80.10.20", "tcp", "22-22,443-443"), ("2600:1f18:1234:ab01::10", "tcp", "443-443")],
            exposures.Select(x => (x.Address.ToString(), x.Protocol.Name, string.Join(',', x.Ports.Select(p => $"{p.From}-{p.To}")))));
        Assert.All(exposures, x => Assert.Equal(web, x.Interface));
        Assert.Equal(IpAddress.Parse("203.0.113.0"), exposures[0].Example.Source); // SSH only from the office list
    }
}
