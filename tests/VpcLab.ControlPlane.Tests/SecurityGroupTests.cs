using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

public sealed partial class SecurityGroupTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    private static CreateSecurityGroupResult Create(TestLab lab, Vpc vpc, string name) =>
        lab.Cp.CreateSecurityGroup(Ctx, new CreateSecurityGroupRequest { GroupName = name, Description = "d", VpcId = vpc.Id.Value });

    // AWS (VPC User Guide, security-group-rules "Characteristics": a new group has no inbound rules and an outbound
    // rule allowing all traffic; get-started-ipv6 "Rules for the WebServerSG security group": in a VPC with IPv6 the
    // default outbound rules are all traffic to 0.0.0.0/0 and to ::/0).
    [Theory]
    [InlineData(false, new[] { "0.0.0.0/0" })]
    [InlineData(true, new[] { "0.0.0.0/0", "::/0" })]
    public void CreateSecurityGroup_New_EgressAllTrafficToEachFamilyOfItsVpc(bool ipv6Vpc, string[] destinations)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: ipv6Vpc);
        var result = Create(lab, vpc, "web");
        var group = lab.N.SecurityGroups[new SecurityGroupId(result.GroupId)];
        Assert.Empty(group.Ingress);
        Assert.Equal(destinations.Select(d => (IpProtocol.All, -1, -1, (RulePeer)new CidrPeer(Cidr.Parse(d)), (string?)null)),
            group.Egress.Select(r => (r.Protocol, r.FromPort, r.ToPort, r.Peer, r.Description)));
        Assert.All(group.Egress, r => Assert.Matches("^sgr-0[0-9a-f]{16}$", r.Id.Value));
        Assert.Equal($"arn:aws:ec2:us-east-1:111111111111:security-group/{result.GroupId}", result.SecurityGroupArn);
    }

    // AWS: names are unique per VPC, case-insensitively (InvalidGroup.Duplicate); other VPCs may reuse them.
    [Theory]
    [InlineData("web")]
    [InlineData("WEB")]
    [InlineData("Web")]
    public void CreateSecurityGroup_SameNameAnyCase_InvalidGroupDuplicate(string second)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        Create(lab, vpc, "web");
        lab.Fails(SecurityGroupErrors.InvalidGroupDuplicate, () => Create(lab, vpc, second));
        Create(lab, lab.Vpc("10.1.0.0/16"), second);
    }

    // AWS: 'default' is reserved; names may not start with sg-.
    [Theory]
    [InlineData("default", "InvalidGroup.Reserved")]
    [InlineData("Default", "InvalidGroup.Reserved")]
    [InlineData("sg-web", "InvalidParameterValue")]
    [InlineData("", "InvalidParameterValue")]
    public void CreateSecurityGroup_BadName_Refused(string name, string code)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var before = lab.N;
        lab.FailsWith(code, () => Create(lab, vpc, name));
        Assert.Same(before, lab.N);
    }

    // AWS: the default group cannot be deleted (CannotDelete).
    [Fact]
    public void DeleteSecurityGroup_Default_CannotDelete()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.Fails(SecurityGroupErrors.CannotDeleteCode, () => lab.Cp.DeleteSecurityGroup(Ctx,
            new DeleteSecurityGroupRequest { GroupId = lab.N.DefaultSecurityGroup(vpc.Id).Id.Value }));
    }

    // AWS: DependencyViolation while another group's rule references it or an interface carries it.
    [Theory]
    [InlineData("referenced")]
    [InlineData("attached")]
    public void DeleteSecurityGroup_InUse_DependencyViolation(string how)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var target = lab.Group(vpc, "target");
        if (how == "referenced")
        {
            var other = lab.Group(vpc, "other");
            lab.Cp.AuthorizeSecurityGroupIngress(Ctx, new AuthorizeSecurityGroupIngressRequest
            {
                GroupId = other.Id.Value,
                IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, UserIdGroupPairs = [new UserIdGroupPair { GroupId = target.Id.Value }] }],
            });
        }
        else
        {
            lab.Cp.CreateNetworkInterface(Ctx, new CreateNetworkInterfaceRequest { SubnetId = lab.Subnet(vpc).Id.Value, Groups = [target.Id.Value] });
        }
        lab.Fails(Ec2Errors.DependencyViolationCode, () => lab.Cp.DeleteSecurityGroup(Ctx, new DeleteSecurityGroupRequest { GroupId = target.Id.Value }));
    }

    // A group referencing only itself can be deleted.
    [Fact]
    public void DeleteSecurityGroup_SelfReferenceOnly_Deleted()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var group = lab.Group(vpc);
        lab.Cp.AuthorizeSecurityGroupIngress(Ctx, new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.Id.Value,
            IpPermissions = [new IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new UserIdGroupPair { GroupId = group.Id.Value }] }],
        });
        var result = lab.Cp.DeleteSecurityGroup(Ctx, new DeleteSecurityGroupRequest { GroupId = group.Id.Value });
        Assert.True(result.Return);
        Assert.False(lab.N.SecurityGroups.ContainsKey(group.Id));
    }

    [Theory]
    [InlineData("sg-1", "InvalidGroupId.Malformed")]
    [InlineData("sg-0123456789abcdef0", "InvalidGroup.NotFound")]
    public void DescribeSecurityGroups_BadId_MalformedOrNotFound(string id, string code)
    {
        var lab = new TestLab();
        lab.Vpc();
        lab.FailsWith(code, () => lab.Cp.DescribeSecurityGroups(Ctx, new DescribeSecurityGroupsRequest { GroupIds = [id] }));
    }

    [Fact]
    public void DescribeSecurityGroups_FilterGroupNameAndVpc_Matches()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.Group(vpc, "web");
        lab.Group(lab.Vpc("10.1.0.0/16"), "web");
        var found = lab.Cp.DescribeSecurityGroups(Ctx, new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", "web", "db"), new Filter("vpc-id", vpc.Id.Value)],
        }).SecurityGroups;
        Assert.Equal(vpc.Id, Assert.Single(found).VpcId);
    }
}
