using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>AWS's quota refusals, default IPv6 egress and CIDR association state through the AWS SDK for .NET against
/// the server with AWS's default quotas (VPC User Guide: amazon-vpc-limits, default-security-group,
/// vpc-migrate-ipv6-add; EC2 API reference: AssociateVpcCidrBlock).</summary>
public sealed class QuotaAndDefaultEgressSdkTests : IAsyncLifetime
{
    private LoopbackEc2 _loopback = null!;

    private AmazonEC2Client Ec2 => _loopback.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _loopback = await LoopbackEc2.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _loopback.DisposeAsync();

    private async Task<Vpc> NewVpc(bool ipv6 = false) =>
        (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", AmazonProvidedIpv6CidrBlock = ipv6 }, Ct)).Vpc;

    private static IpPermission Tcp(int port, string? cidr = null, string? cidrV6 = null, string? group = null, string? prefixList = null) => new()
    {
        IpProtocol = "tcp", FromPort = port, ToPort = port,
        Ipv4Ranges = cidr is null ? [] : [new IpRange { CidrIp = cidr }],
        Ipv6Ranges = cidrV6 is null ? [] : [new Ipv6Range { CidrIpv6 = cidrV6 }],
        UserIdGroupPairs = group is null ? [] : [new UserIdGroupPair { GroupId = group }],
        PrefixListIds = prefixList is null ? [] : [new PrefixListId { Id = prefixList }],
    };

    private async Task<string> NewGroup(string vpcId, string name = "app") =>
        (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = vpcId }, Ct)).GroupId;

    private async Task<AmazonEC2Exception> Fails(string code, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(call);
        Assert.Equal((code, HttpStatusCode.BadRequest), (e.ErrorCode, e.StatusCode));
        return e;
    }

    // AWS: "Rules per network ACL" 20 per direction and family, the default deny rule included.
    [Fact]
    public async Task CreateNetworkAclEntry_TwentiethRule_NetworkAclEntryLimitExceeded()
    {
        var vpc = await NewVpc();
        var acl = (await Ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpc.VpcId }, Ct)).NetworkAcl;
        CreateNetworkAclEntryRequest Entry(int number) => new()
        {
            NetworkAclId = acl.NetworkAclId, RuleNumber = number, Protocol = "-1", RuleAction = RuleAction.Allow, Egress = false, CidrBlock = "10.9.0.0/16",
        };
        for (int i = 1; i <= 19; i++)
            await Ec2.CreateNetworkAclEntryAsync(Entry(i), Ct);
        await Fails("NetworkAclEntryLimitExceeded", () => Ec2.CreateNetworkAclEntryAsync(Entry(20), Ct));
        var entries = (await Ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { NetworkAclIds = [acl.NetworkAclId] }, Ct)).NetworkAcls[0].Entries;
        Assert.Equal(19, entries.Count(e => e.RuleNumber < 32767 && e.Egress == false));
    }

    // AWS: a rule referencing a group counts against both the IPv4 and the IPv6 quota of 60 inbound rules; a
    // customer-managed prefix list counts its maximum entries.
    [Theory]
    [InlineData("group-after-60-ipv6")]
    [InlineData("cidr-after-prefix-lists")]
    public async Task AuthorizeIngress_OverQuotaAsAwsCounts_RulesPerSecurityGroupLimitExceeded(string how)
    {
        var vpc = await NewVpc(ipv6: true);
        var group = await NewGroup(vpc.VpcId);
        IpPermission next;
        if (how == "group-after-60-ipv6")
        {
            await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
            {
                GroupId = group, IpPermissions = [.. Enumerable.Range(1, 60).Select(p => Tcp(p, cidrV6: "2001:db8::/32"))],
            }, Ct);
            next = Tcp(1000, group: await NewGroup(vpc.VpcId, "peer"));
        }
        else
        {
            var list = (await Ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
            {
                PrefixListName = "offices", AddressFamily = "IPv4", MaxEntries = 30,
            }, Ct)).PrefixList.PrefixListId;
            await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
            {
                GroupId = group, IpPermissions = [Tcp(80, prefixList: list), Tcp(443, prefixList: list)],
            }, Ct);
            next = Tcp(22, cidr: "10.9.0.0/16");
        }
        var e = await Fails("RulesPerSecurityGroupLimitExceeded", () => Ec2.AuthorizeSecurityGroupIngressAsync(
            new AuthorizeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [next] }, Ct));
        Assert.Equal("The maximum number of rules per security group has been reached.", e.Message);
    }

    // AWS (EC2 API reference and CLI examples of AssociateVpcCidrBlock): the answer shows the new block `associating`;
    // then (VPC User Guide) the VPC's groups whose outbound rules are the original ones allow all traffic to ::/0.
    [Fact]
    public async Task AssociateVpcCidrBlock_Ipv6_AssociatingThenAssociatedAndGroupsGetAnyV6Egress()
    {
        var vpc = await NewVpc();
        var custom = await NewGroup(vpc.VpcId);
        var answer = await Ec2.AssociateVpcCidrBlockAsync(new AssociateVpcCidrBlockRequest { VpcId = vpc.VpcId, AmazonProvidedIpv6CidrBlock = true }, Ct);
        Assert.Equal(VpcCidrBlockStateCode.Associating, answer.Ipv6CidrBlockAssociation.Ipv6CidrBlockState.State);
        var v4 = await Ec2.AssociateVpcCidrBlockAsync(new AssociateVpcCidrBlockRequest { VpcId = vpc.VpcId, CidrBlock = "10.1.0.0/16" }, Ct);
        Assert.Equal(VpcCidrBlockStateCode.Associating, v4.CidrBlockAssociation.CidrBlockState.State);

        var described = (await Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] }, Ct)).Vpcs.Single();
        Assert.Equal(VpcCidrBlockStateCode.Associated, described.Ipv6CidrBlockAssociationSet.Single().Ipv6CidrBlockState.State);
        Assert.All(described.CidrBlockAssociationSet, b => Assert.Equal(VpcCidrBlockStateCode.Associated, b.CidrBlockState.State));

        var groups = (await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("vpc-id", [vpc.VpcId])],
        }, Ct)).SecurityGroups;
        Assert.Equal(2, groups.Count); // default and custom
        Assert.Contains(groups, g => g.GroupId == custom);
        foreach (var group in groups)
        {
            var all = Assert.Single(group.IpPermissionsEgress);
            Assert.Equal("-1", all.IpProtocol);
            Assert.Equal("0.0.0.0/0", Assert.Single(all.Ipv4Ranges).CidrIp);
            Assert.Equal("::/0", Assert.Single(all.Ipv6Ranges).CidrIpv6);
        }
    }

    // AWS (VPC User Guide, get-started-ipv6): a group created in a VPC with IPv6 allows all outbound IPv4 and IPv6.
    [Fact]
    public async Task CreateSecurityGroup_Ipv6Vpc_EgressToAnyV4AndAnyV6()
    {
        var vpc = await NewVpc(ipv6: true);
        var group = await NewGroup(vpc.VpcId);
        var rules = (await Ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest
        {
            Filters = [new Filter("group-id", [group])],
        }, Ct)).SecurityGroupRules;
        Assert.All(rules, r => Assert.True(r.IsEgress));
        Assert.Equal(["0.0.0.0/0", "::/0"], rules.Select(r => r.CidrIpv4 ?? r.CidrIpv6).Order(StringComparer.Ordinal));
    }
}
