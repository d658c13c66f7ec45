using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.VpcPeering;

/// <summary>DescribeStaleSecurityGroups (spec gateways-endpoints-peering.md (f): "After peering deletion such rules
/// become stale (kept, match nothing)"). Account 2's group in VPC B admits account 1's group in peered VPC A.</summary>
public sealed class StaleSecurityGroupTests
{
    private static readonly RequestContext A = RequestContext.For("111111111111");
    private static readonly RequestContext B = RequestContext.For("222222222222");

    private sealed record World(TestLab Lab, Vpc VpcA, Vpc VpcB, string Pcx, string GroupA, string GroupB);

    private static World Build()
    {
        var lab = new TestLab();
        var a = lab.Vpc("10.0.0.0/16", ctx: A);
        var b = lab.Vpc("10.1.0.0/16", ctx: B);
        var pcx = lab.Cp.CreateVpcPeeringConnection(A, new CreateVpcPeeringConnectionRequest
        {
            VpcId = a.Id.Value, PeerVpcId = b.Id.Value, PeerOwnerId = b.OwnerId.Value,
        }).VpcPeeringConnection.Id.Value;
        lab.Cp.AcceptVpcPeeringConnection(B, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx });
        var groupA = lab.Cp.CreateSecurityGroup(A, new CreateSecurityGroupRequest { GroupName = "app", Description = "app", VpcId = a.Id.Value }).GroupId;
        var groupB = lab.Cp.CreateSecurityGroup(B, new CreateSecurityGroupRequest { GroupName = "svc", Description = "svc", VpcId = b.Id.Value }).GroupId;
        var pair = new UserIdGroupPair { GroupId = groupA, UserId = "111111111111" };
        lab.Cp.AuthorizeSecurityGroupIngress(B, new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupB,
            IpPermissions =
            [
                new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, UserIdGroupPairs = [pair] },
                new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, IpRanges = [new IpRange { CidrIp = "10.0.0.0/16" }] },
            ],
        });
        lab.Cp.AuthorizeSecurityGroupEgress(B, new AuthorizeSecurityGroupEgressRequest
        {
            GroupId = groupB,
            IpPermissions = [new IpPermission { IpProtocol = "-1", UserIdGroupPairs = [pair] }],
        });
        return new World(lab, a, b, pcx, groupA, groupB);
    }

    private static IReadOnlyList<StaleSecurityGroup> Stale(World w) =>
        w.Lab.Cp.DescribeStaleSecurityGroups(B, new DescribeStaleSecurityGroupsRequest { VpcId = w.VpcB.Id.Value }).StaleSecurityGroupSet;

    // AWS: while the peering is active the reference works: nothing is stale.
    [Fact]
    public void Active_peering_nothing_is_stale() => Assert.Empty(Stale(Build()));

    // AWS: once the peering is gone, the rules that reference the peer's group are stale (CIDR rules are not).
    [Theory]
    [InlineData("requester deletes", "deleted")]
    [InlineData("accepter deletes", "deleted")]
    public void Peering_gone_references_are_stale(string how, string status)
    {
        var w = Build();
        w.Lab.Cp.DeleteVpcPeeringConnection(how.StartsWith("requester", StringComparison.Ordinal) ? A : B,
            new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = w.Pcx });
        var group = Assert.Single(Stale(w));
        Assert.Equal(w.GroupB, group.GroupId.Value);
        Assert.Equal(w.VpcB.Id, group.VpcId);
        Assert.Equal("svc", group.GroupName);
        var ingress = Assert.Single(group.StaleIpPermissions);
        Assert.Equal(("tcp", 443, 443), (ingress.IpProtocol, ingress.FromPort, ingress.ToPort));
        var pair = Assert.Single(ingress.UserIdGroupPairs);
        Assert.Equal(w.GroupA, pair.GroupId);
        Assert.Equal("111111111111", pair.UserId);
        Assert.Equal(w.VpcA.Id.Value, pair.VpcId);
        Assert.Equal(w.Pcx, pair.VpcPeeringConnectionId);
        Assert.Equal(status, pair.PeeringStatus);
        var egress = Assert.Single(group.StaleIpPermissionsEgress);
        Assert.Equal("-1", egress.IpProtocol);
        Assert.Null(egress.FromPort);
        // The rules are kept (stale, not removed).
        Assert.Equal(4, w.Lab.N.SecurityGroups[new SecurityGroupId(w.GroupB)].Rules.Count(r => r.Peer is SecurityGroupPeer or CidrPeer));
    }

    // Only the VPC asked about is examined; the requester side has no reference, so nothing is stale there.
    [Fact]
    public void Other_vpc_has_no_stale_groups()
    {
        var w = Build();
        w.Lab.Cp.DeleteVpcPeeringConnection(A, new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = w.Pcx });
        Assert.Empty(w.Lab.Cp.DescribeStaleSecurityGroups(A, new DescribeStaleSecurityGroupsRequest { VpcId = w.VpcA.Id.Value }).StaleSecurityGroupSet);
    }

    [Theory]
    [InlineData(null, "MissingParameter")]
    [InlineData("vpc-0123456789abcdef0", "InvalidVpcID.NotFound")]
    public void Bad_vpc_is_refused(string? vpcId, string code)
    {
        var w = Build();
        var error = Assert.Throws<Ec2Exception>(() => w.Lab.Cp.DescribeStaleSecurityGroups(B, new DescribeStaleSecurityGroupsRequest { VpcId = vpcId }));
        Assert.Equal(code, error.Code.Code);
    }

    // Another account's VPC is not the caller's to ask about.
    [Fact]
    public void Other_accounts_vpc_is_not_found()
    {
        var w = Build();
        var error = Assert.Throws<Ec2Exception>(() => w.Lab.Cp.DescribeStaleSecurityGroups(A, new DescribeStaleSecurityGroupsRequest { VpcId = w.VpcB.Id.Value }));
        Assert.Equal("InvalidVpcID.NotFound", error.Code.Code);
    }
}
