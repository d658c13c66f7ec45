using Amazon.EC2;
using Amazon.EC2.Model;
using static VpcLab.Server.Tests.TerraformReplays.ProviderReplay;

namespace VpcLab.Server.Tests.TerraformReplays;

/// <summary>The calls of aws_security_group, aws_vpc_security_group_ingress_rule/_egress_rule, aws_network_acl and
/// aws_network_acl_rule (provider source: internal/service/ec2/vpc_security_group.go,
/// vpc_security_group_ingress_rule.go (shared by the egress rule), vpc_network_acl.go, vpc_network_acl_rule.go).</summary>
internal static class SecurityReplays
{
    public static async Task<SecurityGroup> ReadSecurityGroupAsync(ProviderReplay r, string id)
    {
        var g = Assert.Single((await r.Client.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [id] }, r.Ct)).SecurityGroups);
        Present(g.GroupName, "GroupName");
        Present(g.Description, "Description");
        Present(g.OwnerId, "OwnerId");
        Present(g.VpcId, "VpcId");
        foreach (var p in g.IpPermissions.Concat(g.IpPermissionsEgress))
            Present(p.IpProtocol, "IpPermissions.IpProtocol");
        return g;
    }

    // aws_security_group with one ingress and one egress block: CreateSecurityGroup, waitSecurityGroupCreated,
    // the default egress rule revoked (the provider removes it so the configured egress is the only one),
    // AuthorizeSecurityGroupIngress/Egress, read; delete: Lambda ENIs by group-id, DeleteSecurityGroup, gone.
    public static async Task AwsSecurityGroup(ProviderReplay r)
    {
        var vpc = await VpcResourceReplays.CreateVpcAsync(r, "10.30.0.0/16");
        var id = (await r.Client.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = "replay-web",
            Description = "Managed by Terraform",
            VpcId = vpc.VpcId,
            TagSpecifications = Tags(ResourceType.SecurityGroup, "replay"),
        }, r.Ct)).GroupId;
        await ReadSecurityGroupAsync(r, id);
        await r.Client.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest
        {
            GroupId = id,
            IpPermissions = [new IpPermission { IpProtocol = "-1", FromPort = 0, ToPort = 0, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        }, r.Ct);
        await r.Client.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = id,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
        }, r.Ct);
        await r.Client.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest
        {
            GroupId = id,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, Ipv4Ranges = [new IpRange { CidrIp = "10.30.0.0/16" }] }],
        }, r.Ct);
        var read = await ReadSecurityGroupAsync(r, id);
        Assert.Equal(443, Assert.Single(read.IpPermissions).FromPort);
        Assert.Equal(5432, Assert.Single(read.IpPermissionsEgress).ToPort);
        Assert.Empty((await r.Client.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter("group-id", [id]), new Filter("description", ["AWS Lambda VPC ENI*"])],
        }, r.Ct)).NetworkInterfaces);
        await r.Client.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = id }, r.Ct);
        await r.GoneAsync("aws_security_group", async () =>
            (await r.Client.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [id] }, r.Ct)).SecurityGroups.Count,
            "InvalidGroup.NotFound");
        await VpcResourceReplays.DeleteVpcAsync(r, vpc.VpcId);
    }

    // aws_vpc_security_group_ingress_rule and _egress_rule: Authorize with TagSpecifications (security-group-rule),
    // the rule id from SecurityGroupRules[0]; read: DescribeSecurityGroupRules by id; delete: Revoke by rule id.
    public static async Task AwsVpcSecurityGroupRules(ProviderReplay r)
    {
        var vpc = await VpcResourceReplays.CreateVpcAsync(r, "10.31.0.0/16");
        var group = (await r.Client.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "rules", Description = "rules", VpcId = vpc.VpcId }, r.Ct)).GroupId;
        var ingress = Assert.Single((await r.Client.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8", Description = "web" }] }],
            TagSpecifications = Tags(ResourceType.SecurityGroupRule, "replay"),
        }, r.Ct)).SecurityGroupRules).SecurityGroupRuleId;
        var egress = Assert.Single((await r.Client.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest
        {
            GroupId = group,
            IpPermissions = [new IpPermission { IpProtocol = "udp", FromPort = 53, ToPort = 53, Ipv4Ranges = [new IpRange { CidrIp = "10.31.0.2/32" }] }],
            TagSpecifications = Tags(ResourceType.SecurityGroupRule, "replay"),
        }, r.Ct)).SecurityGroupRules).SecurityGroupRuleId;
        foreach (var (ruleId, isEgress) in new[] { (ingress, false), (egress, true) })
        {
            var rule = Assert.Single((await r.Client.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { SecurityGroupRuleIds = [ruleId] }, r.Ct)).SecurityGroupRules);
            Assert.Equal(isEgress, rule.IsEgress);
            Assert.Equal(group, rule.GroupId);
            Present(rule.SecurityGroupRuleArn, "SecurityGroupRuleArn");
            Present(rule.CidrIpv4, "CidrIpv4");
            Present(rule.IpProtocol, "IpProtocol");
            Present(rule.FromPort, "FromPort");
            Present(rule.ToPort, "ToPort");
            Assert.Equal("replay", Assert.Single(rule.Tags).Value);
        }
        await r.Client.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = group, SecurityGroupRuleIds = [ingress] }, r.Ct);
        await r.Client.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = group, SecurityGroupRuleIds = [egress] }, r.Ct);
        await r.GoneAsync("aws_vpc_security_group_ingress_rule", async () =>
            (await r.Client.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { SecurityGroupRuleIds = [ingress] }, r.Ct)).SecurityGroupRules.Count,
            "InvalidSecurityGroupRuleId.NotFound");
        await r.Client.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group }, r.Ct);
        await VpcResourceReplays.DeleteVpcAsync(r, vpc.VpcId);
    }

    public static async Task<NetworkAcl> DescribeNetworkAclAsync(ProviderReplay r, string id)
    {
        var acl = Assert.Single((await r.Client.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { NetworkAclIds = [id] }, r.Ct)).NetworkAcls);
        Present(acl.OwnerId, "OwnerId");
        Present(acl.VpcId, "VpcId");
        foreach (var e in acl.Entries)
        {
            Present(e.RuleNumber, "Entries.RuleNumber");
            Present(e.Egress, "Entries.Egress");
            Present(e.Protocol, "Entries.Protocol");
            Present(e.RuleAction?.Value, "Entries.RuleAction");
        }
        return acl;
    }

    // aws_network_acl with a subnet and an aws_network_acl_rule: CreateNetworkAcl, found by id, the subnet's current
    // association (association.subnet-id) replaced, CreateNetworkAclEntry, the rule read back by
    // NetworkAclId + entry.egress + entry.rule-number; delete: entry deleted, subnet back to the default ACL
    // (default + vpc-id), DeleteNetworkAcl.
    public static async Task AwsNetworkAclAndRule(ProviderReplay r)
    {
        var vpc = await VpcResourceReplays.CreateVpcAsync(r, "10.32.0.0/16");
        var subnet = await VpcResourceReplays.CreateSubnetAsync(r, vpc.VpcId, "10.32.1.0/24", "us-east-1a");
        var acl = (await r.Client.CreateNetworkAclAsync(new CreateNetworkAclRequest
        {
            VpcId = vpc.VpcId,
            TagSpecifications = Tags(ResourceType.NetworkAcl, "replay"),
        }, r.Ct)).NetworkAcl;
        await DescribeNetworkAclAsync(r, acl.NetworkAclId);
        await MoveSubnetAsync(r, subnet.SubnetId, acl.NetworkAclId);
        await r.Client.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl.NetworkAclId, RuleNumber = 200, Egress = false, Protocol = "6", RuleAction = RuleAction.Allow,
            CidrBlock = "0.0.0.0/0", PortRange = new PortRange { From = 443, To = 443 },
        }, r.Ct);
        var entry = Assert.Single(Assert.Single((await r.Client.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
        {
            NetworkAclIds = [acl.NetworkAclId],
            Filters = [new Filter("entry.egress", ["false"]), new Filter("entry.rule-number", ["200"])],
        }, r.Ct)).NetworkAcls).Entries, e => e.RuleNumber == 200 && e.Egress == false);
        Assert.Equal(443, entry.PortRange.From);
        Assert.Equal(subnet.SubnetId, Assert.Single((await DescribeNetworkAclAsync(r, acl.NetworkAclId)).Associations).SubnetId);

        await r.Client.DeleteNetworkAclEntryAsync(new DeleteNetworkAclEntryRequest { NetworkAclId = acl.NetworkAclId, RuleNumber = 200, Egress = false }, r.Ct);
        var defaultAcl = Assert.Single((await r.Client.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
        {
            Filters = [new Filter("default", ["true"]), new Filter("vpc-id", [vpc.VpcId])],
        }, r.Ct)).NetworkAcls);
        await MoveSubnetAsync(r, subnet.SubnetId, defaultAcl.NetworkAclId);
        await r.Client.DeleteNetworkAclAsync(new DeleteNetworkAclRequest { NetworkAclId = acl.NetworkAclId }, r.Ct);
        await r.GoneAsync("aws_network_acl", async () =>
            (await r.Client.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { NetworkAclIds = [acl.NetworkAclId] }, r.Ct)).NetworkAcls.Count,
            "InvalidNetworkAclID.NotFound");
        await VpcResourceReplays.DeleteSubnetAsync(r, subnet.SubnetId);
        await VpcResourceReplays.DeleteVpcAsync(r, vpc.VpcId);
    }

    private static async Task MoveSubnetAsync(ProviderReplay r, string subnetId, string aclId)
    {
        var current = Assert.Single((await r.Client.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
        {
            Filters = [new Filter("association.subnet-id", [subnetId])],
        }, r.Ct)).NetworkAcls);
        var association = current.Associations.Single(a => a.SubnetId == subnetId).NetworkAclAssociationId;
        await r.Client.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = association, NetworkAclId = aclId }, r.Ct);
    }
}
