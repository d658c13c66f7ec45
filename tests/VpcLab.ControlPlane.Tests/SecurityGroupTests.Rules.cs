using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

public sealed partial class SecurityGroupTests
{
    private static IpPermission Tcp(int from, int to, string cidr) =>
        new() { IpProtocol = "tcp", FromPort = from, ToPort = to, IpRanges = [new IpRange { CidrIp = cidr }] };

    private static AuthorizeSecurityGroupIngressResult Ingress(TestLab lab, SecurityGroup group, params IpPermission[] permissions) =>
        lab.Cp.AuthorizeSecurityGroupIngress(Ctx, new AuthorizeSecurityGroupIngressRequest { GroupId = group.Id.Value, IpPermissions = permissions });

    // AWS: each peer of a permission becomes one rule with its own sgr- id.
    [Fact]
    public void AuthorizeIngress_FourKindsOfPeer_OneRuleEach()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var group = lab.Group(vpc);
        var other = lab.Group(vpc, "other");
        var result = Ingress(lab, group, new IpPermission
        {
            IpProtocol = "tcp",
            FromPort = 443,
            ToPort = 443,
            IpRanges = [new IpRange { CidrIp = "10.0.0.7/16", Description = "office" }],
            Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }],
            PrefixListIds = [new PrefixListIdEntry { PrefixListId = "pl-63a5400a" }],
            UserIdGroupPairs = [new UserIdGroupPair { GroupId = other.Id.Value }],
        });
        Assert.Equal(4, result.SecurityGroupRules.Count);
        Assert.Equal(4, result.SecurityGroupRules.Select(r => r.Rule.Id).Distinct().Count());
        var peers = lab.N.SecurityGroups[group.Id].Ingress.Select(r => r.Peer).ToList();
        Assert.Contains(new CidrPeer(Cidr.Parse("10.0.0.0/16")), peers); // canonicalised
        Assert.Contains(new CidrPeer(Cidr.AnyV6), peers);
        Assert.Contains(new PrefixListPeer(new PrefixListId("pl-63a5400a")), peers);
        Assert.Contains(new SecurityGroupPeer(other.Id, ControlPlaneOptions.DefaultAccount, null), peers);
    }

    // AWS: a rule identical but for its description is InvalidPermission.Duplicate (also within one request).
    [Fact]
    public void AuthorizeIngress_SameRuleTwice_InvalidPermissionDuplicate()
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        Ingress(lab, group, Tcp(22, 22, "10.0.0.0/8"));
        lab.Fails(SecurityGroupErrors.InvalidPermissionDuplicate, () => Ingress(lab, lab.N.SecurityGroups[group.Id], Tcp(22, 22, "10.0.0.0/8") with
        {
            IpRanges = [new IpRange { CidrIp = "10.0.0.0/8", Description = "different text" }],
        }));
        lab.Fails(SecurityGroupErrors.InvalidPermissionDuplicate, () => Ingress(lab, group, Tcp(80, 80, "1.0.0.0/8"), Tcp(80, 80, "1.0.0.0/8")));
    }

    // AWS: the new group's default egress rule is itself a duplicate of "-1 to 0.0.0.0/0".
    [Fact]
    public void AuthorizeEgress_DefaultRuleAgain_InvalidPermissionDuplicate()
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        lab.Fails(SecurityGroupErrors.InvalidPermissionDuplicate, () => lab.Cp.AuthorizeSecurityGroupEgress(Ctx, new AuthorizeSecurityGroupEgressRequest
        {
            GroupId = group.Id.Value, IpPermissions = [new IpPermission { IpProtocol = "-1", IpRanges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        }));
    }

    // AWS: protocol/port rules: TCP/UDP need 0–65535 with from ≤ to; ICMP type/code −1..255; others ignore ports.
    [Theory]
    [InlineData("tcp", 80, 79, "InvalidParameterValue")]
    [InlineData("tcp", null, 80, "InvalidParameterValue")]
    [InlineData("udp", 0, 65536, "InvalidParameterValue")]
    [InlineData("icmp", 300, -1, "InvalidParameterValue")]
    [InlineData("icmp", -1, 4, "InvalidParameterValue")]
    [InlineData("banana", 1, 2, "InvalidPermission.Malformed")]
    public void AuthorizeIngress_BadPorts_Refused(string protocol, int? from, int? to, string code)
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        var before = lab.N;
        var error = Assert.Throws<Ec2Exception>(() => Ingress(lab, group, new IpPermission
        {
            IpProtocol = protocol, FromPort = from, ToPort = to, IpRanges = [new IpRange { CidrIp = "0.0.0.0/0" }],
        }));
        Assert.Equal(code, error.Code.Code);
        Assert.Same(before, lab.N);
    }

    [Theory]
    [InlineData("6", 22, 22, "tcp", 22, 22)]
    [InlineData("icmp", 8, -1, "icmp", 8, -1)]
    [InlineData("50", 1, 2, "50", -1, -1)] // ESP: ports ignored
    [InlineData("-1", 5, 6, "-1", -1, -1)]
    public void AuthorizeIngress_ProtocolForms_Normalised(string protocol, int from, int to, string name, int storedFrom, int storedTo)
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        var rule = Ingress(lab, group, new IpPermission { IpProtocol = protocol, FromPort = from, ToPort = to, IpRanges = [new IpRange { CidrIp = "0.0.0.0/0" }] })
            .SecurityGroupRules[0].Rule;
        Assert.Equal((name, storedFrom, storedTo), (rule.Protocol.Name, rule.FromPort, rule.ToPort));
    }

    // The legacy flat form (IpProtocol, FromPort, ToPort, CidrIp) authorises one rule.
    [Fact]
    public void AuthorizeIngress_LegacyFlatForm_OneRule()
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        lab.Cp.AuthorizeSecurityGroupIngress(Ctx, new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.Id.Value, IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIp = "192.0.2.0/24",
        });
        Assert.Single(lab.N.SecurityGroups[group.Id].Ingress);
    }

    // Without peering, a referenced group must be in the same VPC; unknown groups are InvalidGroup.NotFound.
    [Fact]
    public void AuthorizeIngress_GroupOfOtherVpc_InvalidParameter()
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        var foreign = lab.Group(lab.Vpc("10.1.0.0/16"), "foreign");
        lab.Fails(Ec2Errors.InvalidParameterCode, () => Ingress(lab, group, new IpPermission
        {
            IpProtocol = "-1", UserIdGroupPairs = [new UserIdGroupPair { GroupId = foreign.Id.Value }],
        }));
        lab.Fails(ResourceIdErrors.InvalidGroupNotFound, () => Ingress(lab, group, new IpPermission
        {
            IpProtocol = "-1", UserIdGroupPairs = [new UserIdGroupPair { GroupId = "sg-0123456789abcdef0" }],
        }));
    }

    // AWS: 60 inbound rules per group by default (RulesPerSecurityGroupLimitExceeded), IPv4 and IPv6 counted apart.
    [Fact]
    public void AuthorizeIngress_QuotaReached_RulesPerSecurityGroupLimitExceeded()
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        Ingress(lab, group, [.. Enumerable.Range(1, 60).Select(p => Tcp(p, p, "0.0.0.0/0"))]);
        lab.Fails(SecurityGroupErrors.RulesPerSecurityGroupLimitExceededCode, () => Ingress(lab, lab.N.SecurityGroups[group.Id], Tcp(100, 100, "0.0.0.0/0")));
        Ingress(lab, lab.N.SecurityGroups[group.Id], new IpPermission { IpProtocol = "tcp", FromPort = 100, ToPort = 100, Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }] });
    }

    // AWS: revoke by permission (InvalidPermission.NotFound when absent) or by rule id.
    [Fact]
    public void RevokeIngress_ByPermission_RemovedAndMissingIsNotFound()
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        Ingress(lab, group, Tcp(22, 22, "10.0.0.0/8"));
        var revoked = lab.Cp.RevokeSecurityGroupIngress(Ctx, new RevokeSecurityGroupIngressRequest { GroupId = group.Id.Value, IpPermissions = [Tcp(22, 22, "10.0.0.0/8")] });
        Assert.Single(revoked.RevokedSecurityGroupRules);
        Assert.Empty(lab.N.SecurityGroups[group.Id].Ingress);
        lab.Fails(SecurityGroupErrors.InvalidPermissionNotFound, () => lab.Cp.RevokeSecurityGroupIngress(Ctx,
            new RevokeSecurityGroupIngressRequest { GroupId = group.Id.Value, IpPermissions = [Tcp(22, 22, "10.0.0.0/8")] }));
    }

    [Fact]
    public void RevokeEgress_ByRuleId_RemovedAndUnknownIsNotFound()
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        var ruleId = group.Egress.Single().Id.Value;
        lab.Cp.RevokeSecurityGroupEgress(Ctx, new RevokeSecurityGroupEgressRequest { GroupId = group.Id.Value, SecurityGroupRuleIds = [ruleId] });
        Assert.Empty(lab.N.SecurityGroups[group.Id].Egress);
        lab.Fails(ResourceIdErrors.InvalidSecurityGroupRuleIdNotFound, () => lab.Cp.RevokeSecurityGroupEgress(Ctx,
            new RevokeSecurityGroupEgressRequest { GroupId = group.Id.Value, SecurityGroupRuleIds = [ruleId] }));
    }

    // An ingress rule id does not revoke through RevokeSecurityGroupEgress.
    [Fact]
    public void RevokeEgress_IngressRuleId_NotFound()
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        var ruleId = Ingress(lab, group, Tcp(22, 22, "10.0.0.0/8")).SecurityGroupRules[0].Rule.Id.Value;
        lab.Fails(ResourceIdErrors.InvalidSecurityGroupRuleIdNotFound, () => lab.Cp.RevokeSecurityGroupEgress(Ctx,
            new RevokeSecurityGroupEgressRequest { GroupId = group.Id.Value, SecurityGroupRuleIds = [ruleId] }));
    }

    // AWS: DescribeSecurityGroupRules lists rules with their group; filter by group-id.
    [Fact]
    public void DescribeSecurityGroupRules_FilterGroupId_RulesOfThatGroup()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var group = lab.Group(vpc);
        Ingress(lab, group, Tcp(22, 22, "10.0.0.0/8"));
        var rules = lab.Cp.DescribeSecurityGroupRules(Ctx, new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", group.Id.Value)] }).SecurityGroupRules;
        Assert.Equal(2, rules.Count);
        Assert.All(rules, r => Assert.Equal(group.Id.Value, r.GroupId));
        var byId = lab.Cp.DescribeSecurityGroupRules(Ctx, new DescribeSecurityGroupRulesRequest { SecurityGroupRuleIds = [rules[0].Rule.Id.Value] });
        Assert.Single(byId.SecurityGroupRules);
    }

    // TagSpecifications of type security-group-rule tag each new rule.
    [Fact]
    public void AuthorizeIngress_TagSpecifications_TagsEachRule()
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        var result = lab.Cp.AuthorizeSecurityGroupIngress(Ctx, new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.Id.Value,
            IpPermissions = [Tcp(22, 22, "10.0.0.0/8")],
            TagSpecifications = TagSpecification.Named("security-group-rule", "ssh"),
        });
        Assert.Equal("ssh", lab.N.TagsOf(result.SecurityGroupRules[0].Rule.Id.Value).Name);
    }

    // AWS: ModifySecurityGroupRules replaces a rule in place, keeping its id.
    [Fact]
    public void ModifySecurityGroupRules_ByRuleId_ReplacedKeepingId()
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        var rule = Ingress(lab, group, Tcp(22, 22, "10.0.0.0/8")).SecurityGroupRules[0].Rule;
        lab.Cp.ModifySecurityGroupRules(Ctx, new ModifySecurityGroupRulesRequest
        {
            GroupId = group.Id.Value,
            SecurityGroupRules = [new SecurityGroupRuleUpdate
            {
                SecurityGroupRuleId = rule.Id.Value,
                SecurityGroupRule = new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 443, ToPort = 443, CidrIpv4 = "192.0.2.0/24", Description = "https" },
            }],
        });
        var updated = lab.N.SecurityGroups[group.Id].Ingress.Single();
        Assert.Equal((rule.Id, 443, (RulePeer)new CidrPeer(Cidr.Parse("192.0.2.0/24")), "https"), (updated.Id, updated.FromPort, updated.Peer, updated.Description));
    }

    [Theory]
    [InlineData("sgr-0123456789abcdef0", "InvalidSecurityGroupRuleId.NotFound")]
    [InlineData("sgr-1", "InvalidSecurityGroupRuleId.Malformed")]
    [InlineData("DUPLICATE", "InvalidPermission.Duplicate")]
    public void ModifySecurityGroupRules_Bad_Refused(string ruleId, string code)
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        var rules = Ingress(lab, group, Tcp(22, 22, "10.0.0.0/8"), Tcp(80, 80, "10.0.0.0/8")).SecurityGroupRules;
        var id = ruleId == "DUPLICATE" ? rules[1].Rule.Id.Value : ruleId;
        var before = lab.N;
        var error = Assert.Throws<Ec2Exception>(() => lab.Cp.ModifySecurityGroupRules(Ctx, new ModifySecurityGroupRulesRequest
        {
            GroupId = group.Id.Value,
            SecurityGroupRules = [new SecurityGroupRuleUpdate { SecurityGroupRuleId = id, SecurityGroupRule = new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIpv4 = "10.0.0.0/8" } }],
        }));
        Assert.Equal(code, error.Code.Code);
        Assert.Same(before, lab.N);
    }

    // AWS (API SecurityGroupRuleRequest): "When you modify a rule, you cannot change the rule type" (choice of code:
    // InvalidParameterValue); a rule id of another group is not found in this one; GroupId, the updates and each
    // update's rule id are required (MissingParameter). Nothing changes on any refusal.
    [Theory]
    [InlineData("ipv4-to-ipv6", "InvalidParameterValue")]
    [InlineData("ipv4-to-group", "InvalidParameterValue")]
    [InlineData("ipv4-to-prefix-list", "InvalidParameterValue")]
    [InlineData("rule-of-other-group", "InvalidSecurityGroupRuleId.NotFound")]
    [InlineData("no-group-id", "MissingParameter")]
    [InlineData("no-updates", "MissingParameter")]
    [InlineData("no-rule-id", "MissingParameter")]
    [InlineData("two-peers", "InvalidParameterCombination")]
    public void ModifySecurityGroupRules_InvalidUpdate_RefusedAsAws(string update, string code)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var group = lab.Group(vpc);
        var other = lab.Group(vpc, "other");
        var rule = Ingress(lab, group, Tcp(22, 22, "10.0.0.0/8")).SecurityGroupRules[0].Rule.Id.Value;
        var foreign = Ingress(lab, other, Tcp(22, 22, "10.0.0.0/8")).SecurityGroupRules[0].Rule.Id.Value;
        var spec = update switch
        {
            "ipv4-to-ipv6" => new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIpv6 = "::/0" },
            "ipv4-to-group" => new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 22, ToPort = 22, ReferencedGroupId = other.Id.Value },
            "ipv4-to-prefix-list" => new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 22, ToPort = 22, PrefixListId = "pl-63a5400a" },
            "two-peers" => new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIpv4 = "10.1.0.0/16", CidrIpv6 = "::/0" },
            _ => new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 2222, ToPort = 2222, CidrIpv4 = "10.0.0.0/8" },
        };
        var request = new ModifySecurityGroupRulesRequest
        {
            GroupId = update == "no-group-id" ? null : group.Id.Value,
            SecurityGroupRules = update == "no-updates" ? null :
            [
                new SecurityGroupRuleUpdate
                {
                    SecurityGroupRuleId = update switch { "no-rule-id" => null, "rule-of-other-group" => foreign, _ => rule },
                    SecurityGroupRule = spec,
                },
            ],
        };
        var before = lab.N;
        lab.FailsWith(code, () => lab.Cp.ModifySecurityGroupRules(Ctx, request));
        Assert.Same(before, lab.N);
    }

    // AWS (amazon-vpc-limits; security-group-rules "Security group size"): a rule moved to a larger customer-managed
    // prefix list counts its new maximum entries, so ModifySecurityGroupRules can exceed the quota too.
    [Fact]
    public void ModifySecurityGroupRules_ToLargerPrefixList_RulesPerSecurityGroupLimitExceeded()
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        ManagedPrefixList List(string name, int max) => lab.Cp.CreateManagedPrefixList(Ctx, new CreateManagedPrefixListRequest
        {
            PrefixListName = name, AddressFamily = "IPv4", MaxEntries = max,
        }).PrefixList;
        var small = List("small", 1);
        var large = List("large", 2);
        Ingress(lab, group, [.. Enumerable.Range(1, 59).Select(p => Tcp(p, p, "10.0.0.0/8"))]);
        var rule = Ingress(lab, lab.N.SecurityGroups[group.Id], new IpPermission
        {
            IpProtocol = "tcp", FromPort = 443, ToPort = 443, PrefixListIds = [new PrefixListIdEntry { PrefixListId = small.Id.Value }],
        }).SecurityGroupRules[0].Rule.Id.Value;
        var before = lab.N;
        lab.Fails(SecurityGroupErrors.RulesPerSecurityGroupLimitExceededCode, () => lab.Cp.ModifySecurityGroupRules(Ctx, new ModifySecurityGroupRulesRequest
        {
            GroupId = group.Id.Value,
            SecurityGroupRules = [new SecurityGroupRuleUpdate
            {
                SecurityGroupRuleId = rule,
                SecurityGroupRule = new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 443, ToPort = 443, PrefixListId = large.Id.Value },
            }],
        }));
        Assert.Same(before, lab.N);
    }
}
