using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

public sealed partial class VpcTests
{
    private static AssociateVpcCidrBlockResult Associate(TestLab lab, Vpc vpc, string cidr) =>
        lab.Cp.AssociateVpcCidrBlock(TestLab.Ctx, new AssociateVpcCidrBlockRequest { VpcId = vpc.Id.Value, CidrBlock = cidr });

    // AWS: a secondary CIDR adds a local route to every route table of the VPC.
    [Fact]
    public void AssociateVpcCidrBlock_Valid_AddsLocalRouteToEveryTable()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var custom = lab.Cp.CreateRouteTable(TestLab.Ctx, new CreateRouteTableRequest { VpcId = vpc.Id.Value }).RouteTable;
        var result = Associate(lab, vpc, "10.1.0.0/16");
        Assert.NotNull(result.CidrBlockAssociation);
        Assert.Equal(2, lab.N.Vpcs[vpc.Id].CidrBlocks.Length);
        foreach (var table in new[] { lab.MainTable(vpc), lab.Table(custom.Id) })
            Assert.Contains(table.Routes, r => r.Destination.Cidr == Cidr.Parse("10.1.0.0/16") && r.IsLocal);
    }

    // AWS secondary-CIDR range restrictions by the primary's range (spec §2).
    [Theory]
    [InlineData("10.0.0.0/16", "172.16.0.0/16")]
    [InlineData("10.0.0.0/16", "192.168.0.0/16")]
    [InlineData("10.0.0.0/16", "198.19.0.0/16")]
    [InlineData("172.16.0.0/16", "10.1.0.0/16")]
    [InlineData("172.16.0.0/16", "172.31.0.0/16")]
    [InlineData("192.168.0.0/16", "172.16.0.0/16")]
    [InlineData("100.64.0.0/16", "10.0.0.0/16")]
    [InlineData("10.1.0.0/16", "10.0.0.0/16")] // a CIDR in 10.0.0.0/15 rules out 10.0.0.0/16
    [InlineData("10.0.0.0/16", "10.0.128.0/17")] // overlaps the primary
    [InlineData("10.0.0.0/16", "10.1.0.0/29")] // too small
    public void AssociateVpcCidrBlock_Restricted_InvalidVpcRange(string primary, string secondary)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(primary);
        lab.Fails(VpcErrors.InvalidVpcRange, () => Associate(lab, vpc, secondary));
    }

    // AWS: a new CIDR may not be the same as or larger than an existing route's destination.
    [Fact]
    public void AssociateVpcCidrBlock_CoversExistingRoute_InvalidVpcRange()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var igw = lab.AttachedIgw(vpc);
        lab.Cp.CreateRoute(TestLab.Ctx, new CreateRouteRequest { RouteTableId = lab.MainTable(vpc).Id.Value, DestinationCidrBlock = "10.5.1.0/24", GatewayId = igw.Id.Value });
        lab.Fails(VpcErrors.InvalidVpcRange, () => Associate(lab, vpc, "10.5.0.0/16"));
    }

    // AWS: 5 IPv4 CIDRs per VPC by default (CidrLimitExceeded, worded as AWS answers it: the VPC id unquoted).
    [Fact]
    public void AssociateVpcCidrBlock_SixthCidr_CidrLimitExceeded()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        for (int i = 1; i < 5; i++)
            Associate(lab, vpc, $"10.{i}.0.0/16");
        var error = lab.Fails(VpcErrors.CidrLimitExceededCode, () => Associate(lab, lab.N.Vpcs[vpc.Id], "10.9.0.0/16"));
        Assert.Equal($"This network {vpc.Id} has met its maximum number of allowed CIDRs: 5", error.Message);
    }

    // AWS: the primary CIDR cannot be disassociated (OperationNotPermitted).
    [Fact]
    public void DisassociateVpcCidrBlock_Primary_OperationNotPermitted()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.Fails(Ec2Errors.OperationNotPermittedCode, () => lab.Cp.DisassociateVpcCidrBlock(TestLab.Ctx,
            new DisassociateVpcCidrBlockRequest { AssociationId = vpc.CidrBlocks[0].AssociationId }));
    }

    // Disassociating a secondary removes it and its local routes; unknown ids are NotFound.
    [Fact]
    public void DisassociateVpcCidrBlock_Secondary_RemovesCidrAndLocalRoute()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var association = Associate(lab, vpc, "10.1.0.0/16").CidrBlockAssociation!;
        lab.Cp.DisassociateVpcCidrBlock(TestLab.Ctx, new DisassociateVpcCidrBlockRequest { AssociationId = association.AssociationId });
        Assert.Single(lab.N.Vpcs[vpc.Id].CidrBlocks);
        Assert.Single(lab.MainTable(vpc).Routes);
        lab.Fails(VpcErrors.InvalidVpcCidrBlockAssociationIdNotFound, () => lab.Cp.DisassociateVpcCidrBlock(TestLab.Ctx,
            new DisassociateVpcCidrBlockRequest { AssociationId = association.AssociationId }));
    }

    // Choice: a secondary CIDR with subnets in it cannot be disassociated (DependencyViolation).
    [Fact]
    public void DisassociateVpcCidrBlock_WithSubnets_DependencyViolation()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var association = Associate(lab, vpc, "10.1.0.0/16").CidrBlockAssociation!;
        lab.Subnet(lab.N.Vpcs[vpc.Id], "10.1.0.0/24");
        lab.Fails(Ec2Errors.DependencyViolationCode, () => lab.Cp.DisassociateVpcCidrBlock(TestLab.Ctx,
            new DisassociateVpcCidrBlockRequest { AssociationId = association.AssociationId }));
    }

    // AWS: associating IPv6 later adds the /56 local route and default ACL rule 101 where rules are pristine.
    [Fact]
    public void AssociateVpcCidrBlock_Ipv6Later_LocalRouteAndRule101OnlyWherePristine()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var acl = lab.N.NetworkAcls.Values.Single(a => a.VpcId == vpc.Id);
        lab.Cp.CreateNetworkAclEntry(TestLab.Ctx, new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl.Id.Value, RuleNumber = 50, Protocol = "-1", RuleAction = "deny", Egress = false, CidrBlock = "1.2.3.4/32",
        });
        var result = lab.Cp.AssociateVpcCidrBlock(TestLab.Ctx, new AssociateVpcCidrBlockRequest { VpcId = vpc.Id.Value, AmazonProvidedIpv6CidrBlock = true });
        var block = result.Ipv6CidrBlockAssociation!.Cidr;
        Assert.Contains(lab.MainTable(vpc).Routes, r => r.Destination.Cidr == block && r.IsLocal);
        var entries = lab.N.NetworkAcls[acl.Id].Entries;
        Assert.DoesNotContain(entries, e => e.RuleNumber == 101 && !e.Egress);
        Assert.Contains(entries, e => e.RuleNumber == 101 && e.Egress && e.Cidr == Cidr.AnyV6);
    }

    // AWS (VPC User Guide, vpc-migrate-ipv6-add "Update your outbound security group rules"; default-security-group):
    // associating an IPv6 block adds an outbound all-traffic rule to ::/0 to the VPC's security groups, default and
    // custom, unless their original outbound rules were modified.
    [Theory]
    [InlineData("default", true)]
    [InlineData("untouched", true)]
    [InlineData("egress-added", false)]
    [InlineData("egress-revoked", false)]
    public void AssociateVpcCidrBlock_Ipv6Later_EgressToAnyV6OnlyWhereOriginal(string group, bool getsRule)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var sg = group == "default" ? lab.N.DefaultSecurityGroup(vpc.Id) : lab.Group(vpc, group);
        if (group == "egress-added")
            lab.Cp.AuthorizeSecurityGroupEgress(TestLab.Ctx, new AuthorizeSecurityGroupEgressRequest { GroupId = sg.Id.Value, IpProtocol = "tcp", FromPort = 443, ToPort = 443, CidrIp = "10.9.0.0/16" });
        if (group == "egress-revoked")
            lab.Cp.RevokeSecurityGroupEgress(TestLab.Ctx, new RevokeSecurityGroupEgressRequest { GroupId = sg.Id.Value, SecurityGroupRuleIds = [sg.Egress.Single().Id.Value] });
        var before = lab.N.SecurityGroups[sg.Id].Egress.ToList();
        lab.Cp.AssociateVpcCidrBlock(TestLab.Ctx, new AssociateVpcCidrBlockRequest { VpcId = vpc.Id.Value, AmazonProvidedIpv6CidrBlock = true });
        var after = lab.N.SecurityGroups[sg.Id].Egress.ToList();
        var added = after.Except(before).ToList();
        if (!getsRule)
        {
            Assert.Empty(added);
            return;
        }
        var rule = Assert.Single(added);
        Assert.Equal((IpProtocol.All, (RulePeer)new CidrPeer(Cidr.AnyV6)), (rule.Protocol, rule.Peer));
        // A second IPv6 block finds the ::/0 rule already there and adds nothing.
        lab.Cp.AssociateVpcCidrBlock(TestLab.Ctx, new AssociateVpcCidrBlockRequest { VpcId = vpc.Id.Value, AmazonProvidedIpv6CidrBlock = true });
        Assert.Equal(after, lab.N.SecurityGroups[sg.Id].Egress);
    }

    // AWS (API AssociateVpcCidrBlock / aws ec2 associate-vpc-cidr-block examples): the response shows the new block
    // `associating`; DescribeVpcs shows it `associated` (choice: at once, docs/semantics.md#cidr-association-state).
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AssociateVpcCidrBlock_Any_AnswersAssociatingThenDescribesAssociated(bool ipv6)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var result = lab.Cp.AssociateVpcCidrBlock(TestLab.Ctx, ipv6
            ? new AssociateVpcCidrBlockRequest { VpcId = vpc.Id.Value, AmazonProvidedIpv6CidrBlock = true }
            : new AssociateVpcCidrBlockRequest { VpcId = vpc.Id.Value, CidrBlock = "10.1.0.0/16" });
        var answered = (ipv6 ? result.Ipv6CidrBlockAssociation : result.CidrBlockAssociation)!;
        Assert.Equal(CidrBlockState.Associating, answered.State);
        var described = lab.Cp.DescribeVpcs(TestLab.Ctx, new DescribeVpcsRequest { VpcIds = [vpc.Id.Value] }).Vpcs.Single();
        var stored = (ipv6 ? described.Ipv6CidrBlocks : described.CidrBlocks).Single(b => b.AssociationId == answered.AssociationId);
        Assert.Equal((CidrBlockState.Associated, answered.Cidr), (stored.State, stored.Cidr));
    }
}
