using VpcLab.Analysis.Reachability;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Tests.Reachability;

/// <summary>Which destination ports an analysis traces when the path names none (docs/semantics.md#ports).</summary>
public sealed class ProbePortsTests
{
    private readonly InsightsLab _lab = new();
    private readonly string _vpc;
    private readonly string _web;

    public ProbePortsTests()
    {
        _vpc = _lab.Vpc();
        _web = _lab.Launch(_lab.Subnet(_vpc));
    }

    private static NetworkInsightsPath PathTo(PathEndpointKind kind, string id, int? port = null) => new(
        "nip-0123456789abcdef0", "arn", ControlPlaneOptions.DefaultAccount, "us-east-1", DateTimeOffset.UnixEpoch,
        new PathEndpoint(PathEndpointKind.Instance, "i-0123456789abcdef0", "arn"), new PathEndpoint(kind, id, "arn"),
        null, null, "tcp", port, null, null, Tags.Empty);

    [Fact]
    public void For_DestinationPortGiven_OnlyThatPort() =>
        Assert.Equal([8443], ProbePorts.For(PathTo(PathEndpointKind.Instance, _web, 8443), _lab.ControlPlane.Network, IpProtocol.Tcp));

    [Fact]
    public void For_VpcEndpointWithoutPort_Https() =>
        Assert.Equal([ProbePorts.EndpointServicePort], ProbePorts.For(PathTo(PathEndpointKind.VpcEndpoint, "vpce-0123456789abcdef0"),
            _lab.ControlPlane.Network, IpProtocol.Tcp));

    // The default group's rule (all protocols from the group) probes port 0; each tcp rule its lower bound, ascending.
    [Fact]
    public void FromSecurityGroups_InboundRules_LowerBoundsOfMatchingRulesAscending()
    {
        var network = _lab.ControlPlane.Network;
        var group = network.NetworkInterfaces[network.Instances[new InstanceId(_web)].PrimaryNetworkInterface].Groups[0];
        _lab.ControlPlane.AuthorizeSecurityGroupIngress(_lab.Context, new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.Value,
            IpPermissions =
            [
                new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, IpRanges = [new IpRange { CidrIp = "0.0.0.0/0" }] },
                new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 25, IpRanges = [new IpRange { CidrIp = "0.0.0.0/0" }] },
                new IpPermission { IpProtocol = "udp", FromPort = 53, ToPort = 53, IpRanges = [new IpRange { CidrIp = "0.0.0.0/0" }] },
            ],
        });
        var path = PathTo(PathEndpointKind.Instance, _web);
        Assert.Equal([0, 22, 443], ProbePorts.FromSecurityGroups(path, _lab.ControlPlane.Network, IpProtocol.Tcp));
        Assert.Equal([0, 53], ProbePorts.FromSecurityGroups(path, _lab.ControlPlane.Network, IpProtocol.Udp));
    }

    [Theory]
    [InlineData(6, 80)]
    [InlineData(17, 53)]
    public void FromSecurityGroups_DestinationWithoutGroups_WellKnownPort(int protocolNumber, int expected)
    {
        var igw = _lab.Igw();
        var protocol = protocolNumber == 6 ? IpProtocol.Tcp : IpProtocol.Udp;
        Assert.Equal([(ushort)expected], ProbePorts.FromSecurityGroups(PathTo(PathEndpointKind.InternetGateway, igw), _lab.ControlPlane.Network, protocol));
    }
}
