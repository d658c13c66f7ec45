using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

public sealed partial class VpcTests
{
    // AWS: a VPC's IPv4 block is /16 to /28, stored canonical (spec §2).
    [Theory]
    [InlineData("10.0.0.0/16", "10.0.0.0/16")]
    [InlineData("10.0.0.0/28", "10.0.0.0/28")]
    [InlineData("100.68.0.18/18", "100.68.0.0/18")]
    [InlineData("192.168.10.7/24", "192.168.10.0/24")]
    public void CreateVpc_CidrInRange_StoredCanonical(string requested, string stored)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(requested);
        Assert.Equal(stored, vpc.PrimaryCidr.ToString());
        Assert.Matches("^vpc-0[0-9a-f]{16}$", vpc.Id.Value);
        Assert.Equal(CidrBlockState.Associated, vpc.CidrBlocks[0].State);
        Assert.StartsWith("vpc-cidr-assoc-", vpc.CidrBlocks[0].AssociationId, StringComparison.Ordinal);
    }

    // AWS: outside /16–/28 is InvalidVpc.Range; link-local, loopback and multicast are never VPC space.
    [Theory]
    [InlineData("10.0.0.0/15")]
    [InlineData("10.0.0.0/8")]
    [InlineData("10.0.0.0/29")]
    [InlineData("169.254.0.0/16")]
    [InlineData("127.0.0.0/16")]
    [InlineData("224.0.0.0/16")]
    public void CreateVpc_CidrOutOfRange_InvalidVpcRange(string cidr)
    {
        var lab = new TestLab();
        lab.Fails(VpcErrors.InvalidVpcRange, () => lab.Vpc(cidr));
    }

    // AWS: a CIDR that does not parse is InvalidParameterValue with "This is not a valid CIDR block."
    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.256/16")]
    [InlineData("banana")]
    [InlineData("10.0.0.0/33")]
    [InlineData("2001:db8::/56")]
    public void CreateVpc_MalformedCidr_InvalidParameterValue(string cidr)
    {
        var lab = new TestLab();
        var error = lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Vpc(cidr));
        Assert.Equal($"Value ({cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.", error.Message);
    }

    // AWS: 5 VPCs per Region by default (VpcLimitExceeded); quotas are per account and Region.
    [Fact]
    public void CreateVpc_QuotaReached_VpcLimitExceeded()
    {
        var lab = new TestLab();
        for (int i = 0; i < 5; i++)
            lab.Vpc($"10.{i}.0.0/16");
        lab.Fails(VpcErrors.VpcLimitExceededCode, () => lab.Vpc("10.9.0.0/16"));
        lab.Vpc("10.9.0.0/16", ctx: new RequestContext(new AccountId("222222222222"), "us-east-1"));
        lab.Vpc("10.9.0.0/16", ctx: new RequestContext(ControlPlaneOptions.DefaultAccount, "us-west-2"));
    }

    // Quotas are configurable: the generous set allows a 1,000-VPC world.
    [Fact]
    public void CreateVpc_GenerousQuotas_ThousandVpcs()
    {
        var lab = new TestLab(quotas: Ec2Quotas.Generous);
        for (int i = 0; i < 1000; i++)
            lab.Vpc($"10.{i / 250}.{i % 250}.0/24");
        Assert.Equal(1000, lab.N.Vpcs.Count);
    }

    // AWS: a VPC comes with its main route table (local route), default NACL (100 allow both ways) and default SG.
    [Fact]
    public void CreateVpc_Ipv4Only_CreatesMainTableDefaultAclAndDefaultGroup()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var main = lab.MainTable(vpc);
        var local = Assert.Single(main.Routes);
        Assert.Equal("10.0.0.0/16", local.Destination.ToString());
        Assert.True(local.IsLocal);
        Assert.Equal(RouteOrigin.CreateRouteTable, local.Origin);

        var acl = Assert.Single(lab.N.NetworkAcls.Values, a => a.VpcId == vpc.Id);
        Assert.True(acl.IsDefault);
        Assert.Equal(2, acl.Entries.Length);
        Assert.All(acl.Entries, e => Assert.Equal((100, RuleAction.Allow, "0.0.0.0/0", -1), (e.RuleNumber, e.Action, e.Cidr.ToString(), (int)e.Protocol.Number)));

        var sg = lab.N.DefaultSecurityGroup(vpc.Id);
        var inbound = Assert.Single(sg.Ingress);
        Assert.Equal(new SecurityGroupPeer(sg.Id, ControlPlaneOptions.DefaultAccount, null), inbound.Peer);
        var outbound = Assert.Single(sg.Egress);
        Assert.Equal(new CidrPeer(Cidr.AnyV4), outbound.Peer);
        Assert.True(vpc.EnableDnsSupport);
        Assert.False(vpc.EnableDnsHostnames);
    }

    // AWS: with IPv6 the local route covers the /56, the default NACL gets rule 101 ::/0 and the default SG ::/0 egress.
    [Fact]
    public void CreateVpc_WithIpv6_AddsIpv6LocalRouteAclRule101AndSgEgress()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var block = Assert.Single(vpc.Ipv6CidrBlocks).Cidr;
        Assert.Equal(56, block.PrefixLength);
        Assert.True(Cidr.Parse("2600:1f18::/32").Contains(block));
        Assert.Contains(lab.MainTable(vpc).Routes, r => r.Destination.Cidr == block && r.IsLocal);
        var acl = lab.N.NetworkAcls.Values.Single(a => a.VpcId == vpc.Id);
        Assert.Equal(2, acl.Entries.Count(e => e.RuleNumber == 101 && e.Cidr == Cidr.AnyV6));
        Assert.Contains(lab.N.DefaultSecurityGroup(vpc.Id).Egress, r => r.Peer == new CidrPeer(Cidr.AnyV6));
    }

    // Amazon-provided /56s are unique and come from the Region's pool.
    [Fact]
    public void CreateVpc_ManyIpv6Vpcs_UniqueBlocksFromRegionPool()
    {
        var lab = new TestLab(quotas: Ec2Quotas.Generous);
        var blocks = Enumerable.Range(0, 50).Select(i => lab.Vpc($"10.{i}.0.0/16", ipv6: true).Ipv6CidrBlocks[0].Cidr).ToList();
        Assert.Equal(blocks.Count, blocks.Distinct().Count());
        var west = lab.Vpc("10.200.0.0/16", ipv6: true, ctx: new RequestContext(ControlPlaneOptions.DefaultAccount, "us-west-2"));
        Assert.True(Cidr.Parse("2600:1f14::/32").Contains(west.Ipv6CidrBlocks[0].Cidr));
    }

    // AWS: DeleteVpc refuses while the VPC has dependencies.
    public static TheoryData<string> Dependencies => ["subnet", "igw", "eigw", "group", "table", "acl"];

    [Theory]
    [MemberData(nameof(Dependencies))]
    public void DeleteVpc_WithDependency_DependencyViolation(string dependency)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var ctx = TestLab.Ctx;
        var vpcId = vpc.Id.Value;
        _ = dependency switch
        {
            "subnet" => (object)lab.Subnet(vpc),
            "igw" => lab.AttachedIgw(vpc),
            "eigw" => lab.Cp.CreateEgressOnlyInternetGateway(ctx, new CreateEgressOnlyInternetGatewayRequest { VpcId = vpcId }),
            "group" => lab.Group(vpc),
            "table" => lab.Cp.CreateRouteTable(ctx, new CreateRouteTableRequest { VpcId = vpcId }),
            _ => lab.Cp.CreateNetworkAcl(ctx, new CreateNetworkAclRequest { VpcId = vpcId }),
        };
        var error = lab.Fails(Ec2Errors.DependencyViolationCode, () => lab.Cp.DeleteVpc(ctx, new DeleteVpcRequest { VpcId = vpcId }));
        Assert.Equal($"The vpc '{vpcId}' has dependencies and cannot be deleted.", error.Message);
    }

    // AWS: an empty VPC is deleted together with its main table, default ACL and default group.
    [Fact]
    public void DeleteVpc_Empty_RemovesVpcAndItsDefaults()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        lab.Cp.CreateTags(TestLab.Ctx, new CreateTagsRequest { Resources = [vpc.Id.Value], Tags = [new Tag("Name", "x")] });
        lab.Cp.DeleteVpc(TestLab.Ctx, new DeleteVpcRequest { VpcId = vpc.Id.Value });
        Assert.Empty(lab.N.Vpcs);
        Assert.Empty(lab.N.RouteTables);
        Assert.Empty(lab.N.NetworkAcls);
        Assert.Empty(lab.N.SecurityGroups);
        Assert.Empty(lab.N.Tags);
    }

    // AWS: malformed ids give the *.Malformed code; unknown well-formed ids NotFound.
    [Theory]
    [InlineData("vpc-123", "InvalidVpcID.Malformed")]
    [InlineData("subnet-0123456789abcdef0", "InvalidVpcID.Malformed")]
    [InlineData("vpc-0123456789abcdef0", "InvalidVpcID.NotFound")]
    [InlineData("vpc-12345678", "InvalidVpcID.NotFound")]
    public void DeleteVpc_BadId_MalformedOrNotFound(string id, string code)
    {
        var lab = new TestLab();
        lab.Vpc();
        lab.FailsWith(code, () => lab.Cp.DeleteVpc(TestLab.Ctx, new DeleteVpcRequest { VpcId = id }));
    }

    // AWS: an operation sees only its own account's resources in its own Region.
    [Theory]
    [InlineData("222222222222", "us-east-1")]
    [InlineData("111111111111", "us-west-2")]
    public void DescribeVpcs_OtherAccountOrRegion_NotFound(string account, string region)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var other = new RequestContext(new AccountId(account), region);
        lab.FailsWith("InvalidVpcID.NotFound", () => lab.Cp.DescribeVpcs(other, new DescribeVpcsRequest { VpcIds = [vpc.Id.Value] }));
        Assert.Empty(lab.Cp.DescribeVpcs(other, new DescribeVpcsRequest()).Vpcs);
    }

    // Unknown Region in the request context is refused before anything happens.
    [Fact]
    public void CreateVpc_UnknownRegion_InvalidParameterValue()
    {
        var lab = new TestLab();
        lab.Fails(Ec2Errors.InvalidParameterValueCode, () => lab.Vpc(ctx: new RequestContext(ControlPlaneOptions.DefaultAccount, "mars-north-1")));
    }

    // Unknown accounts are created on first successful use.
    [Fact]
    public void CreateVpc_NewAccount_AccountCreated()
    {
        var lab = new TestLab();
        lab.Vpc(ctx: new RequestContext(new AccountId("333333333333"), "eu-west-1"));
        Assert.True(lab.N.Accounts.ContainsKey(new AccountId("333333333333")));
    }
}
