using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>DescribeStaleSecurityGroups through the real SDK: a group of account 2 admits account 1's group over a
/// peering; once the peering is deleted the rule is reported stale, with the peering's status.</summary>
public sealed partial class Ec2SdkTests
{
    [Fact]
    public async Task DescribeStaleSecurityGroups_AfterPeeringDeleted_ListsStaleReferences()
    {
        using var a = Client("111111111111");
        using var b = Client("222222222222");
        var vpcA = (await a.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.10.0.0/16" }, Ct)).Vpc;
        var vpcB = (await b.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.20.0.0/16" }, Ct)).Vpc;
        var pcx = (await a.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest
        {
            VpcId = vpcA.VpcId, PeerVpcId = vpcB.VpcId, PeerOwnerId = "222222222222",
        }, Ct)).VpcPeeringConnection.VpcPeeringConnectionId;
        await b.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx }, Ct);
        var groupA = (await a.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "app", Description = "app", VpcId = vpcA.VpcId }, Ct)).GroupId;
        var groupB = (await b.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "svc", Description = "svc", VpcId = vpcB.VpcId }, Ct)).GroupId;
        await b.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupB,
            IpPermissions = [new IpPermission
            {
                IpProtocol = "tcp", FromPort = 443, ToPort = 443,
                UserIdGroupPairs = [new UserIdGroupPair { GroupId = groupA, UserId = "111111111111" }],
            }],
        }, Ct);

        var none = await b.DescribeStaleSecurityGroupsAsync(new DescribeStaleSecurityGroupsRequest { VpcId = vpcB.VpcId }, Ct);
        Assert.Empty(none.StaleSecurityGroupSet ?? []);

        await a.DeleteVpcPeeringConnectionAsync(new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx }, Ct);
        var stale = Assert.Single((await b.DescribeStaleSecurityGroupsAsync(new DescribeStaleSecurityGroupsRequest { VpcId = vpcB.VpcId }, Ct)).StaleSecurityGroupSet);
        Assert.Equal(groupB, stale.GroupId);
        Assert.Equal("svc", stale.GroupName);
        Assert.Equal(vpcB.VpcId, stale.VpcId);
        var permission = Assert.Single(stale.StaleIpPermissions);
        Assert.Equal("tcp", permission.IpProtocol);
        Assert.Equal(443, permission.FromPort);
        Assert.Equal(443, permission.ToPort);
        var pair = Assert.Single(permission.UserIdGroupPairs);
        Assert.Equal(groupA, pair.GroupId);
        Assert.Equal("111111111111", pair.UserId);
        Assert.Equal(pcx, pair.VpcPeeringConnectionId);
        Assert.Equal("deleted", pair.PeeringStatus);

        // Another account's VPC is not found for the caller.
        var refused = await Fails(() => a.DescribeStaleSecurityGroupsAsync(new DescribeStaleSecurityGroupsRequest { VpcId = vpcB.VpcId }, Ct));
        Assert.Equal("InvalidVpcID.NotFound", refused.ErrorCode);
    }
}
