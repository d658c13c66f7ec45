using Amazon.EC2;
using Amazon.EC2.Model;

namespace VpcLab.Server.Tests.Ec2;

public sealed partial class Ec2SdkTests
{
    [Fact]
    public async Task DescribeSecurityGroups_SeveralRules_GroupedAsAwsGroupsThem()
    {
        var vpc = await NewVpc();
        var created = await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = "web",
            Description = "web servers",
            VpcId = vpc.VpcId,
            TagSpecifications = Named(ResourceType.SecurityGroup, "web"),
        }, Ct);
        Assert.StartsWith("sg-", created.GroupId, StringComparison.Ordinal);
        Assert.Equal($"arn:aws:ec2:us-east-1:111111111111:security-group/{created.GroupId}", created.SecurityGroupArn);
        Assert.Equal("web", Assert.Single(created.Tags).Value);

        var authorized = await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = created.GroupId,
            IpPermissions =
            [
                new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8", Description = "corp" }, new IpRange { CidrIp = "192.168.0.0/16" }] },
                new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }] },
                new IpPermission { IpProtocol = "icmp", FromPort = 8, ToPort = -1, UserIdGroupPairs = [new UserIdGroupPair { GroupId = created.GroupId }] },
            ],
        }, Ct);
        Assert.True(authorized.Return);
        Assert.Equal(4, authorized.SecurityGroupRules.Count);
        Assert.All(authorized.SecurityGroupRules, r => Assert.StartsWith("sgr-", r.SecurityGroupRuleId, StringComparison.Ordinal));
        Assert.All(authorized.SecurityGroupRules, r => Assert.False(r.IsEgress));

        var group = Assert.Single((await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [created.GroupId] }, Ct)).SecurityGroups);
        Assert.Equal("web", group.GroupName);
        Assert.Equal("web servers", group.Description);
        Assert.Equal(vpc.VpcId, group.VpcId);
        Assert.Equal("111111111111", group.OwnerId);
        Assert.Equal(2, group.IpPermissions.Count);
        var https = Assert.Single(group.IpPermissions, p => p.IpProtocol == "tcp");
        Assert.Equal(443, https.FromPort);
        Assert.Equal(443, https.ToPort);
        Assert.Equal(new[] { "10.0.0.0/8", "192.168.0.0/16" }, https.Ipv4Ranges.Select(r => r.CidrIp));
        Assert.Equal("corp", https.Ipv4Ranges[0].Description);
        Assert.Equal("::/0", Assert.Single(https.Ipv6Ranges).CidrIpv6);
        var ping = Assert.Single(group.IpPermissions, p => p.IpProtocol == "icmp");
        Assert.Equal(8, ping.FromPort);
        Assert.Equal(created.GroupId, Assert.Single(ping.UserIdGroupPairs).GroupId);
        Assert.Equal("111111111111", ping.UserIdGroupPairs[0].UserId);
        var egress = Assert.Single(group.IpPermissionsEgress);
        Assert.Equal("-1", egress.IpProtocol);
        Assert.Null(egress.FromPort);
        Assert.Equal("0.0.0.0/0", Assert.Single(egress.Ipv4Ranges).CidrIp);
    }

    [Fact]
    public async Task SecurityGroupRules_DescribeAndRevokeById_IncludesEgress()
    {
        var vpc = await NewVpc();
        var groupId = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "app", Description = "app", VpcId = vpc.VpcId }, Ct)).GroupId;
        var ingress = await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
        }, Ct);
        var egress = await _ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest
        {
            GroupId = groupId,
            IpPermissions = [new IpPermission { IpProtocol = "udp", FromPort = 53, ToPort = 53, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.2/32" }] }],
        }, Ct);
        Assert.True(Assert.Single(egress.SecurityGroupRules).IsEgress);

        var rules = (await _ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest
        {
            Filters = [new Filter("group-id", [groupId])],
        }, Ct)).SecurityGroupRules;
        Assert.Equal(3, rules.Count); // default egress to 0.0.0.0/0 + the two
        var ssh = Assert.Single(rules, r => r.FromPort == 22);
        Assert.Equal("tcp", ssh.IpProtocol);
        Assert.Equal("10.0.0.0/8", ssh.CidrIpv4);
        Assert.Equal(groupId, ssh.GroupId);
        Assert.Equal("111111111111", ssh.GroupOwnerId);
        Assert.Equal($"arn:aws:ec2:us-east-1:111111111111:security-group-rule/{ssh.SecurityGroupRuleId}", ssh.SecurityGroupRuleArn);
        var all = Assert.Single(rules, r => r.IpProtocol == "-1");
        Assert.Equal(-1, all.FromPort);
        Assert.True(all.IsEgress);

        var revoked = await _ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            SecurityGroupRuleIds = [Assert.Single(ingress.SecurityGroupRules).SecurityGroupRuleId],
        }, Ct);
        Assert.True(revoked.Return);
        Assert.Equal("10.0.0.0/8", Assert.Single(revoked.RevokedSecurityGroupRules).CidrIpv4);
        var revokedEgress = await _ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest
        {
            GroupId = groupId,
            IpPermissions = [new IpPermission { IpProtocol = "udp", FromPort = 53, ToPort = 53, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.2/32" }] }],
        }, Ct);
        Assert.True(revokedEgress.Return);

        var group = Assert.Single((await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] }, Ct)).SecurityGroups);
        Assert.Empty(group.IpPermissions);

        var duplicate = await Fails(() => _ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest
        {
            GroupId = groupId,
            IpPermissions = [new IpPermission { IpProtocol = "-1", Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        }, Ct));
        Assert.Equal("InvalidPermission.Duplicate", duplicate.ErrorCode);

        var deleted = await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = groupId }, Ct);
        Assert.Equal(groupId, deleted.GroupId);
        var e = await Fails(() => _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] }, Ct));
        Assert.Equal("InvalidGroup.NotFound", e.ErrorCode);
    }

    [Fact]
    public async Task NetworkAcls_DefaultShowsImplicitDenies_CustomEntriesAndAssociation()
    {
        var vpc = await NewVpc(ipv6: true);
        var subnet = await NewSubnet(vpc.VpcId);
        var defaultAcl = Assert.Single((await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
        {
            Filters = [new Filter("vpc-id", [vpc.VpcId]), new Filter("default", ["true"])],
        }, Ct)).NetworkAcls);
        Assert.True(defaultAcl.IsDefault);
        // egress first, then ingress; each 100 (v4), 101 (v6), 32767, 32768
        Assert.Equal(new[] { 100, 101, 32767, 32768, 100, 101, 32767, 32768 }, defaultAcl.Entries.Select(e => e.RuleNumber ?? 0));
        Assert.Equal(new[] { true, true, true, true, false, false, false, false }, defaultAcl.Entries.Select(e => e.Egress ?? false));
        var denyV6 = defaultAcl.Entries[3];
        Assert.Equal("::/0", denyV6.Ipv6CidrBlock);
        Assert.Equal(RuleAction.Deny, denyV6.RuleAction);
        Assert.Equal("-1", denyV6.Protocol);
        var association = Assert.Single(defaultAcl.Associations);
        Assert.Equal(subnet.SubnetId, association.SubnetId);

        var acl = (await _ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpc.VpcId }, Ct)).NetworkAcl;
        Assert.False(acl.IsDefault);
        Assert.Equal(new[] { 32767, 32768, 32767, 32768 }, acl.Entries.Select(e => e.RuleNumber ?? 0));

        await _ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl.NetworkAclId, RuleNumber = 100, Protocol = "6", RuleAction = RuleAction.Allow, Egress = false,
            CidrBlock = "0.0.0.0/0", PortRange = new PortRange { From = 443, To = 443 },
        }, Ct);
        await _ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl.NetworkAclId, RuleNumber = 110, Protocol = "1", RuleAction = RuleAction.Allow, Egress = false,
            CidrBlock = "10.0.0.0/8", IcmpTypeCode = new IcmpTypeCode { Type = 8, Code = -1 },
        }, Ct);
        await _ec2.ReplaceNetworkAclEntryAsync(new ReplaceNetworkAclEntryRequest
        {
            NetworkAclId = acl.NetworkAclId, RuleNumber = 100, Protocol = "6", RuleAction = RuleAction.Deny, Egress = false,
            CidrBlock = "0.0.0.0/0", PortRange = new PortRange { From = 80, To = 80 },
        }, Ct);
        var replaced = await _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest
        {
            AssociationId = association.NetworkAclAssociationId,
            NetworkAclId = acl.NetworkAclId,
        }, Ct);
        Assert.StartsWith("aclassoc-", replaced.NewAssociationId, StringComparison.Ordinal);

        var custom = Assert.Single((await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { NetworkAclIds = [acl.NetworkAclId] }, Ct)).NetworkAcls);
        var web = Assert.Single(custom.Entries, e => e.RuleNumber == 100);
        Assert.Equal(RuleAction.Deny, web.RuleAction);
        Assert.Equal(80, web.PortRange.From);
        Assert.Equal("6", web.Protocol);
        Assert.Null(web.IcmpTypeCode);
        var icmp = Assert.Single(custom.Entries, e => e.RuleNumber == 110);
        Assert.Equal(8, icmp.IcmpTypeCode.Type);
        Assert.Equal(-1, icmp.IcmpTypeCode.Code);
        Assert.Null(icmp.PortRange);
        Assert.Equal(subnet.SubnetId, Assert.Single(custom.Associations).SubnetId);

        await _ec2.DeleteNetworkAclEntryAsync(new DeleteNetworkAclEntryRequest { NetworkAclId = acl.NetworkAclId, RuleNumber = 110, Egress = false }, Ct);
        var inUse = await Fails(() => _ec2.DeleteNetworkAclAsync(new DeleteNetworkAclRequest { NetworkAclId = acl.NetworkAclId }, Ct));
        Assert.Equal("DependencyViolation", inUse.ErrorCode);
        var back = Assert.Single(custom.Associations).NetworkAclAssociationId;
        await _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = back, NetworkAclId = defaultAcl.NetworkAclId }, Ct);
        await _ec2.DeleteNetworkAclAsync(new DeleteNetworkAclRequest { NetworkAclId = acl.NetworkAclId }, Ct);
    }

    [Fact]
    public async Task ModifySecurityGroupRules_ExistingRule_ReplacedKeepingItsId()
    {
        var vpc = await NewVpc();
        var groupId = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "m", Description = "m", VpcId = vpc.VpcId }, Ct)).GroupId;
        var rule = Assert.Single((await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
        }, Ct)).SecurityGroupRules);

        var modified = await _ec2.ModifySecurityGroupRulesAsync(new ModifySecurityGroupRulesRequest
        {
            GroupId = groupId,
            SecurityGroupRules =
            [
                new SecurityGroupRuleUpdate
                {
                    SecurityGroupRuleId = rule.SecurityGroupRuleId,
                    SecurityGroupRule = new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 443, ToPort = 443, CidrIpv4 = "10.1.0.0/16", Description = "https" },
                },
            ],
        }, Ct);
        Assert.True(modified.Return);

        var after = Assert.Single((await _ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest
        {
            SecurityGroupRuleIds = [rule.SecurityGroupRuleId],
        }, Ct)).SecurityGroupRules);
        Assert.Equal(443, after.FromPort);
        Assert.Equal("10.1.0.0/16", after.CidrIpv4);
        Assert.Equal("https", after.Description);
    }

    [Fact]
    public async Task DescribeAccountAttributes_NewAccount_ListsPlatformAndDefaultVpc()
    {
        var all = (await _ec2.DescribeAccountAttributesAsync(new DescribeAccountAttributesRequest(), Ct)).AccountAttributes;
        Assert.Equal(
            new[] { "vpc-max-security-groups-per-interface", "max-instances", "supported-platforms", "default-vpc", "max-elastic-ips", "vpc-max-elastic-ips" },
            all.Select(a => a.AttributeName));
        var named = (await _ec2.DescribeAccountAttributesAsync(new DescribeAccountAttributesRequest { AttributeNames = ["supported-platforms", "default-vpc"] }, Ct)).AccountAttributes;
        Assert.Equal("VPC", Assert.Single(named, a => a.AttributeName == "supported-platforms").AttributeValues.Single().AttributeValue);
        // The server creates the Region's default VPC on an account's first call (as AWS has one); "none" without it.
        var defaultVpc = Assert.Single(named, a => a.AttributeName == "default-vpc").AttributeValues.Single().AttributeValue;
        var described = (await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("is-default", ["true"])] }, Ct)).Vpcs;
        Assert.Equal(described.Count == 0 ? "none" : described[0].VpcId, defaultVpc);
    }

    [Fact]
    public async Task UpdateSecurityGroupRuleDescriptions_ByPermissionOrRuleId_UpdatesDescription()
    {
        var vpc = await NewVpc();
        var groupId = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "d", Description = "d", VpcId = vpc.VpcId }, Ct)).GroupId;
        var ssh = new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8", Description = "old" }] };
        var rule = Assert.Single((await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = [ssh] }, Ct)).SecurityGroupRules);

        ssh.Ipv4Ranges[0].Description = "bastion";
        var byPermission = await _ec2.UpdateSecurityGroupRuleDescriptionsIngressAsync(new UpdateSecurityGroupRuleDescriptionsIngressRequest { GroupId = groupId, IpPermissions = [ssh] }, Ct);
        Assert.True(byPermission.Return);
        Assert.Equal("bastion", await RuleDescription(rule.SecurityGroupRuleId));

        var egressRule = Assert.Single((await _ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest
        {
            Filters = [new Filter("group-id", [groupId]), new Filter("is-egress", ["true"])],
        }, Ct)).SecurityGroupRules);
        await _ec2.UpdateSecurityGroupRuleDescriptionsEgressAsync(new UpdateSecurityGroupRuleDescriptionsEgressRequest
        {
            GroupId = groupId,
            SecurityGroupRuleDescriptions = [new SecurityGroupRuleDescription { SecurityGroupRuleId = egressRule.SecurityGroupRuleId, Description = "anywhere" }],
        }, Ct);
        Assert.Equal("anywhere", await RuleDescription(egressRule.SecurityGroupRuleId));

        var missing = await Fails(() => _ec2.UpdateSecurityGroupRuleDescriptionsIngressAsync(new UpdateSecurityGroupRuleDescriptionsIngressRequest
        {
            GroupId = groupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 23, ToPort = 23, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
        }, Ct));
        Assert.Equal("InvalidPermission.NotFound", missing.ErrorCode);
    }

    private async Task<string> RuleDescription(string ruleId) =>
        Assert.Single((await _ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { SecurityGroupRuleIds = [ruleId] }, Ct)).SecurityGroupRules).Description;
}
