using VpcLab.ControlPlane.Scenarios;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.Scenarios;

/// <summary>A peering's <c>dns-resolution</c>: each listed side gets AllowDnsResolutionFromRemoteVpc, set through
/// ModifyVpcPeeringConnectionOptions by that side's own account, so AWS's rules apply (active peering, DNS hostnames
/// on both VPCs).</summary>
public sealed class ScenarioPeeringDnsTests
{
    private static string World(string hostnames = "true") => $$"""
        name: peering-dns
        accounts:
          - { name: a, id: '111111111111' }
          - { name: b, id: '222222222222' }
        vpcs:
          - { name: vpc-a, cidr: 10.0.0.0/16, enable-dns-hostnames: {{hostnames}} }
          - { name: vpc-b, account: b, cidr: 10.1.0.0/16, enable-dns-hostnames: true }
        """;

    private static LoadedScenario Load(string peering, string hostnames = "true") =>
        ScenarioLoader.Load(ScenarioParser.Parse(World(hostnames) + "\npeerings:\n  - " + peering + "\n", "p.yaml"), "p.yaml");

    [Theory]
    [InlineData("[accepter]", false, true)]
    [InlineData("[requester]", true, false)]
    [InlineData("[requester, accepter]", true, true)]
    [InlineData("[]", false, false)]
    public void Listed_sides_get_the_option(string sides, bool requester, bool accepter)
    {
        var loaded = Load($"{{ name: a-b, requester: vpc-a, accepter: vpc-b, dns-resolution: {sides} }}");
        var pcx = loaded.Network.VpcPeeringConnections[new VpcPeeringConnectionId(loaded.IdOf("a-b"))];
        Assert.Equal((requester, accepter), (pcx.Requester.AllowDnsResolutionFromRemoteVpc, pcx.Accepter.AllowDnsResolutionFromRemoteVpc));
    }

    [Theory]
    [InlineData("{ name: a-b, requester: vpc-a, accepter: vpc-b, dns-resolution: [both] }", "true", "'both'")]
    [InlineData("{ name: a-b, requester: vpc-a, accepter: vpc-b, accepted: false, dns-resolution: [accepter] }", "true", "accepted")]
    [InlineData("{ name: a-b, requester: vpc-a, accepter: vpc-b, dns-resolution: [accepter] }", "false", "InvalidVpcPeeringConnectionState.DnsHostnamesDisabled")]
    public void Mistakes_name_the_line_and_the_problem(string peering, string hostnames, string named)
    {
        var e = Assert.Throws<ScenarioException>(() => Load(peering, hostnames));
        Assert.StartsWith("p.yaml:", e.Message, StringComparison.Ordinal);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }
}
