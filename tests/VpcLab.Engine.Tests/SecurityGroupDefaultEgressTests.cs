using VpcLab.ControlPlane;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Net;

namespace VpcLab.Engine.Tests;

/// <summary>The outbound rules AWS gives security groups in a VPC with IPv6, built through the control plane's
/// operations (not the test builder) and traced: IPv6 leaves through an egress-only internet gateway under them.</summary>
public class SecurityGroupDefaultEgressTests
{
    private static readonly RequestContext Ctx = RequestContext.Default;

    /// <summary>How the VPC got its IPv6 block, and what was done to the group's outbound rules.</summary>
    public enum Setup
    {
        CreatedWithIpv6,
        Ipv6AssociatedLater,
        Ipv6AssociatedAfterEgressModified,
        DefaultGroupIpv6AssociatedLater,
    }

    [Theory]
    // AWS (VPC User Guide, get-started-ipv6): a group created in a VPC with IPv6 allows all outbound IPv6 (::/0).
    [InlineData(Setup.CreatedWithIpv6, null)]
    // AWS (vpc-migrate-ipv6-add, "Update your outbound security group rules"): associating IPv6 adds ::/0 outbound
    // to the VPC's groups (default-security-group: the default group too)...
    [InlineData(Setup.Ipv6AssociatedLater, null)]
    [InlineData(Setup.DefaultGroupIpv6AssociatedLater, null)]
    // ...unless the group's original outbound rules were modified: then IPv6 stays blocked.
    [InlineData(Setup.Ipv6AssociatedAfterEgressModified, "ENI_SG_RULES_MISMATCH")]
    public void Ipv6ToInternet_GroupWithDefaultEgress_AllowedOutThroughEgressOnlyGateway(Setup setup, string? code)
    {
        var (cp, instance, group) = Build(setup);
        var compiled = CompiledNetwork.Compile(cp.Network);
        var resolver = new EndpointResolver(cp.Network);
        var trace = compiled.Trace(new TraceRequest(resolver.Resolve(instance), resolver.Resolve("2001:db8:ffff::80"), IpProtocol.Tcp, 443,
            FlowKey.DefaultEphemeralPort, IpFamily.V6)).AssertWellFormed();
        if (code is not null)
        {
            Assert.True(trace.Verdict == Verdict.Dropped, trace.ToString());
            Assert.Contains(trace.Explanations, e => e.Code.Value == code);
            Assert.Equal(group, trace.DroppedAt?.Id);
            return;
        }
        Assert.True(trace.Verdict == Verdict.Accepted, trace.ToString());
        var egress = trace.Forward.First(h => h.Component.Id == group);
        Assert.Equal(HopAction.Forwarded, egress.Action);
        Assert.Contains(trace.Forward, h => h.Component.Kind == ComponentKind.EgressOnlyInternetGateway);
    }

    private static (Ec2ControlPlane Cp, string Instance, string Group) Build(Setup setup)
    {
        var cp = new Ec2ControlPlane(new ControlPlaneOptions());
        bool later = setup != Setup.CreatedWithIpv6;
        var vpc = cp.CreateVpc(Ctx, new CreateVpcRequest { CidrBlock = "10.0.0.0/16", AmazonProvidedIpv6CidrBlock = !later }).Vpc;
        string group = setup == Setup.DefaultGroupIpv6AssociatedLater
            ? cp.Network.DefaultSecurityGroup(vpc.Id).Id.Value
            : cp.CreateSecurityGroup(Ctx, new CreateSecurityGroupRequest { GroupName = "app", Description = "app", VpcId = vpc.Id.Value }).GroupId;
        if (setup == Setup.Ipv6AssociatedAfterEgressModified)
        {
            cp.AuthorizeSecurityGroupEgress(Ctx, new AuthorizeSecurityGroupEgressRequest
            {
                GroupId = group, IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, CidrIp = "10.0.0.0/16",
            });
        }
        if (later)
            cp.AssociateVpcCidrBlock(Ctx, new AssociateVpcCidrBlockRequest { VpcId = vpc.Id.Value, AmazonProvidedIpv6CidrBlock = true });
        var v6 = cp.Network.Vpcs[vpc.Id].Ipv6CidrBlocks[0].Cidr.Subnet(64, 0).ToString();
        var subnet = cp.CreateSubnet(Ctx, new CreateSubnetRequest
        {
            VpcId = vpc.Id.Value, CidrBlock = "10.0.1.0/24", Ipv6CidrBlock = v6, AvailabilityZone = "us-east-1a",
        }).Subnet;
        var eigw = cp.CreateEgressOnlyInternetGateway(Ctx, new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc.Id.Value }).EgressOnlyInternetGateway;
        cp.CreateRoute(Ctx, new CreateRouteRequest
        {
            RouteTableId = cp.Network.MainRouteTable(vpc.Id).Id.Value, DestinationIpv6CidrBlock = "::/0", EgressOnlyInternetGatewayId = eigw.Id.Value,
        });
        var instance = cp.RunInstances(Ctx, new RunInstancesRequest
        {
            MinCount = 1, MaxCount = 1, SubnetId = subnet.Id.Value, SecurityGroupIds = [group], Ipv6AddressCount = 1,
        }).Instances[0];
        return (cp, instance.Id.Value, group);
    }
}
