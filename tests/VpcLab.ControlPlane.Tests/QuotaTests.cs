using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>The per-resource quotas as AWS counts them (VPC User Guide, "Amazon VPC quotas",
/// https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html, and "Security group size" of
/// security-group-rules): each refusal is AWS's error code, and changes nothing.</summary>
public sealed class QuotaTests
{
    private static readonly RequestContext Ctx = TestLab.Ctx;

    // AWS's default for each quota the lab models, as the quota page gives it.
    [Theory]
    [InlineData(nameof(Ec2Quotas.VpcsPerRegion), 5)]
    [InlineData(nameof(Ec2Quotas.SubnetsPerVpc), 200)]
    [InlineData(nameof(Ec2Quotas.Ipv4CidrBlocksPerVpc), 5)]
    [InlineData(nameof(Ec2Quotas.Ipv6CidrBlocksPerVpc), 5)]
    [InlineData(nameof(Ec2Quotas.ElasticIpsPerRegion), 5)]
    [InlineData(nameof(Ec2Quotas.InternetGatewaysPerRegion), 5)]
    [InlineData(nameof(Ec2Quotas.EgressOnlyInternetGatewaysPerRegion), 5)]
    [InlineData(nameof(Ec2Quotas.EgressOnlyInternetGatewaysPerVpc), 1)] // "attach only one ... to a VPC at a time"
    [InlineData(nameof(Ec2Quotas.NatGatewaysPerAvailabilityZone), 5)]
    [InlineData(nameof(Ec2Quotas.PrefixListsPerRegion), 100)]
    [InlineData(nameof(Ec2Quotas.NetworkAclsPerVpc), 200)]
    [InlineData(nameof(Ec2Quotas.NetworkAclRulesPerDirection), 20)]
    [InlineData(nameof(Ec2Quotas.NetworkInterfacesPerRegion), 5000)]
    [InlineData(nameof(Ec2Quotas.RouteTablesPerVpc), 200)]
    [InlineData(nameof(Ec2Quotas.RoutesPerRouteTable), 500)] // the current page's default (it was 50)
    [InlineData(nameof(Ec2Quotas.SecurityGroupsPerRegion), 2500)]
    [InlineData(nameof(Ec2Quotas.RulesPerSecurityGroup), 60)]
    [InlineData(nameof(Ec2Quotas.SecurityGroupsPerNetworkInterface), 5)]
    [InlineData(nameof(Ec2Quotas.ActiveVpcPeeringConnectionsPerVpc), 50)]
    [InlineData(nameof(Ec2Quotas.OutstandingVpcPeeringConnectionRequests), 25)]
    [InlineData(nameof(Ec2Quotas.GatewayEndpointsPerRegion), 20)]
    [InlineData(nameof(Ec2Quotas.InterfaceEndpointsPerVpc), 50)]
    public void AwsDefaults_EachQuota_IsAwsDefault(string quota, int expected) =>
        Assert.Equal(expected, (int)typeof(Ec2Quotas).GetProperty(quota)!.GetValue(Ec2Quotas.AwsDefaults)!);

    // AWS: rules per security group times security groups per interface cannot exceed 1,000.
    [Fact]
    public void AwsDefaults_RulesTimesGroupsPerInterface_AtMostThousand() =>
        Assert.True(Ec2Quotas.AwsDefaults.RulesPerSecurityGroup * Ec2Quotas.AwsDefaults.SecurityGroupsPerNetworkInterface <= 1000);

    private static IpPermission Rule(string kind, int port, string? peer = null) => kind switch
    {
        "ipv4" => new() { IpProtocol = "tcp", FromPort = port, ToPort = port, IpRanges = [new IpRange { CidrIp = "10.9.0.0/16" }] },
        "ipv6" => new() { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "2001:db8::/32" }] },
        "group" => new() { IpProtocol = "tcp", FromPort = port, ToPort = port, UserIdGroupPairs = [new UserIdGroupPair { GroupId = peer }] },
        _ => new() { IpProtocol = "tcp", FromPort = port, ToPort = port, PrefixListIds = [new PrefixListIdEntry { PrefixListId = peer }] },
    };

    private static void Ingress(TestLab lab, SecurityGroup group, IEnumerable<IpPermission> permissions) =>
        lab.Cp.AuthorizeSecurityGroupIngress(Ctx, new AuthorizeSecurityGroupIngressRequest { GroupId = group.Id.Value, IpPermissions = [.. permissions] });

    // AWS (amazon-vpc-limits): 60 inbound rules, IPv4 and IPv6 apart; (security-group-rules, "Security group size",
    // and the quota page) a rule referencing a group counts against both the IPv4 and the IPv6 quota.
    [Theory]
    [InlineData("ipv4", "ipv4", true)]
    [InlineData("ipv4", "ipv6", false)]
    [InlineData("ipv6", "ipv6", true)]
    [InlineData("ipv6", "ipv4", false)]
    [InlineData("group", "ipv4", true)]
    [InlineData("group", "ipv6", true)]
    [InlineData("ipv4", "group", true)]
    [InlineData("ipv6", "group", true)]
    public void AuthorizeIngress_SixtyRulesOfAFamily_NextRuleCountingInItRefused(string filled, string next, bool refused)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var group = lab.Group(vpc);
        var peer = lab.Group(vpc, "peer").Id.Value;
        Ingress(lab, group, Enumerable.Range(1, 60).Select(p => Rule(filled, p, peer)));
        var before = lab.N;
        if (refused)
        {
            lab.Fails(SecurityGroupErrors.RulesPerSecurityGroupLimitExceededCode, () => Ingress(lab, lab.N.SecurityGroups[group.Id], [Rule(next, 1000, peer)]));
            Assert.Same(before, lab.N);
            return;
        }
        Ingress(lab, lab.N.SecurityGroups[group.Id], [Rule(next, 1000, peer)]);
        Assert.Equal(61, lab.N.SecurityGroups[group.Id].Ingress.Count());
    }

    // AWS (amazon-vpc-limits): inbound and outbound rules are limited separately.
    [Fact]
    public void AuthorizeEgress_SixtyInboundRules_OutboundStillFree()
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        Ingress(lab, group, Enumerable.Range(1, 60).Select(p => Rule("ipv4", p)));
        lab.Cp.AuthorizeSecurityGroupEgress(Ctx, new AuthorizeSecurityGroupEgressRequest { GroupId = group.Id.Value, IpPermissions = [Rule("ipv4", 5432)] });
        Assert.Equal(2, lab.N.SecurityGroups[group.Id].Egress.Count());
    }

    private static ManagedPrefixList PrefixList(TestLab lab, string family, int max) =>
        lab.Cp.CreateManagedPrefixList(Ctx, new CreateManagedPrefixListRequest
        {
            PrefixListName = $"list-{family}-{max}", AddressFamily = family, MaxEntries = max,
        }).PrefixList;

    // AWS (security-group-rules, "Security group size"; quota page, customer-managed prefix lists): a rule naming a
    // customer-managed list counts as its maximum entries in the list's family; an AWS-managed list counts its weight
    // (working-with-aws-managed-prefix-lists: S3 weighs 1).
    [Theory]
    [InlineData("IPv4", 20, 40, false)] // 40 + 20 = 60
    [InlineData("IPv4", 20, 41, true)]
    [InlineData("IPv6", 20, 60, false)] // the IPv6 family has its own 60
    [InlineData("s3", 0, 59, false)]    // weight 1: 59 + 1 = 60
    [InlineData("s3", 0, 60, true)]
    public void AuthorizeIngress_PrefixListRule_CountsMaxEntriesOrWeight(string list, int maxEntries, int ipv4RulesBefore, bool refused)
    {
        var lab = new TestLab();
        var group = lab.Group(lab.Vpc());
        string id = list == "s3"
            ? lab.N.PrefixLists.Values.Single(p => p.Name == "com.amazonaws.us-east-1.s3").Id.Value
            : PrefixList(lab, list, maxEntries).Id.Value;
        if (ipv4RulesBefore > 0)
            Ingress(lab, group, Enumerable.Range(1, ipv4RulesBefore).Select(p => Rule("ipv4", p)));
        var before = lab.N;
        if (refused)
        {
            lab.Fails(SecurityGroupErrors.RulesPerSecurityGroupLimitExceededCode, () => Ingress(lab, group, [Rule("pl", 443, id)]));
            Assert.Same(before, lab.N);
        }
        else
        {
            Ingress(lab, group, [Rule("pl", 443, id)]);
        }
    }

    // AWS (work-with-cust-managed-prefix-lists, "Modify a prefix list"): a larger maximum counts against every
    // resource that references the list; if one cannot take it, the modification fails and nothing changes.
    [Theory]
    [InlineData("security-group", "RulesPerSecurityGroupLimitExceeded")]
    [InlineData("route-table", "RouteLimitExceeded")]
    public void ModifyManagedPrefixList_LargerMaxOverAReferencingResourceQuota_Refused(string referencedBy, string code)
    {
        var lab = new TestLab(quotas: Ec2Quotas.AwsDefaults with { RoutesPerRouteTable = 5 });
        var vpc = lab.Vpc();
        var list = PrefixList(lab, "IPv4", 1);
        if (referencedBy == "security-group")
        {
            var group = lab.Group(vpc);
            Ingress(lab, group, [.. Enumerable.Range(1, 59).Select(p => Rule("ipv4", p)), Rule("pl", 443, list.Id.Value)]);
        }
        else
        {
            var igw = lab.AttachedIgw(vpc);
            var table = lab.MainTable(vpc).Id.Value;
            foreach (var destination in new[] { "100.1.0.0/16", "100.2.0.0/16", "100.3.0.0/16", "100.4.0.0/16" })
                lab.Cp.CreateRoute(Ctx, new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = destination, GatewayId = igw.Id.Value });
            lab.Cp.CreateRoute(Ctx, new CreateRouteRequest { RouteTableId = table, DestinationPrefixListId = list.Id.Value, GatewayId = igw.Id.Value });
        }
        var before = lab.N;
        lab.FailsWith(code, () => lab.Cp.ModifyManagedPrefixList(Ctx, new ModifyManagedPrefixListRequest { PrefixListId = list.Id.Value, MaxEntries = 2 }));
        Assert.Same(before, lab.N);
    }

    // AWS (amazon-vpc-limits, route tables; weight page): routes per table are counted per family, a prefix-list
    // destination by its maximum entries.
    [Theory]
    [InlineData(3, "100.9.0.0/16", false)] // 3 + 1 = 4
    [InlineData(4, "100.9.0.0/16", true)]  // 4 + 1 = 5... of a quota of 4
    [InlineData(4, "2001:db8::/32", false)] // the IPv6 family has its own count
    public void CreateRoute_PrefixListDestination_CountsItsMaxEntries(int maxEntries, string next, bool refused)
    {
        var lab = new TestLab(quotas: Ec2Quotas.AwsDefaults with { RoutesPerRouteTable = 4 });
        var vpc = lab.Vpc(ipv6: true);
        var igw = lab.AttachedIgw(vpc);
        var table = lab.MainTable(vpc).Id.Value;
        var list = PrefixList(lab, "IPv4", maxEntries);
        lab.Cp.CreateRoute(Ctx, new CreateRouteRequest { RouteTableId = table, DestinationPrefixListId = list.Id.Value, GatewayId = igw.Id.Value });
        var request = next.Contains(':', StringComparison.Ordinal)
            ? new CreateRouteRequest { RouteTableId = table, DestinationIpv6CidrBlock = next, GatewayId = igw.Id.Value }
            : new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = next, GatewayId = igw.Id.Value };
        var before = lab.N;
        if (refused)
        {
            lab.Fails(RouteTableErrors.RouteLimitExceededCode, () => lab.Cp.CreateRoute(Ctx, request));
            Assert.Same(before, lab.N);
            return;
        }
        lab.Cp.CreateRoute(Ctx, request);
    }

    // AWS (amazon-vpc-limits, "Rules per network ACL"): one-way, IPv4 and IPv6 apart, the default deny rule (32767 /
    // 32768) included: a custom ACL takes 19 numbered rules per direction and family; the default ACL of an IPv6 VPC
    // already holds rule 100 (and 101 for ::/0) in each direction, so 18 more.
    [Theory]
    [InlineData(false, false, false, 19)]
    [InlineData(false, true, false, 19)]
    [InlineData(false, false, true, 19)]
    [InlineData(false, true, true, 19)]
    [InlineData(true, false, false, 18)]
    [InlineData(true, true, true, 18)]
    public void CreateNetworkAclEntry_FamilyAndDirectionFull_NetworkAclEntryLimitExceeded(bool defaultAcl, bool egress, bool ipv6, int room)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var acl = defaultAcl ? lab.N.NetworkAcls.Values.Single(a => a.VpcId == vpc.Id && a.IsDefault)
            : lab.Cp.CreateNetworkAcl(Ctx, new CreateNetworkAclRequest { VpcId = vpc.Id.Value }).NetworkAcl;
        CreateNetworkAclEntryRequest Entry(int number, bool v6) => new()
        {
            NetworkAclId = acl.Id.Value, RuleNumber = number, Protocol = "-1", RuleAction = "allow", Egress = egress,
            CidrBlock = v6 ? null : "10.9.0.0/16", Ipv6CidrBlock = v6 ? "2001:db8::/32" : null,
        };
        for (int i = 1; i <= room; i++)
            lab.Cp.CreateNetworkAclEntry(Ctx, Entry(i, ipv6));
        var before = lab.N;
        lab.Fails(NetworkAclErrors.NetworkAclEntryLimitExceededCode, () => lab.Cp.CreateNetworkAclEntry(Ctx, Entry(room + 1, ipv6)));
        Assert.Same(before, lab.N);
        lab.Cp.CreateNetworkAclEntry(Ctx, Entry(room + 1, !ipv6)); // the other family has its own count
    }

    // AWS (amazon-vpc-limits, "Rules per network ACL"): a rule replaced by one of the other family counts there.
    [Fact]
    public void ReplaceNetworkAclEntry_IntoAFullFamily_NetworkAclEntryLimitExceeded()
    {
        var lab = new TestLab();
        var vpc = lab.Vpc(ipv6: true);
        var acl = lab.Cp.CreateNetworkAcl(Ctx, new CreateNetworkAclRequest { VpcId = vpc.Id.Value }).NetworkAcl;
        for (int i = 1; i <= 19; i++)
        {
            lab.Cp.CreateNetworkAclEntry(Ctx, new CreateNetworkAclEntryRequest
            {
                NetworkAclId = acl.Id.Value, RuleNumber = i, Protocol = "-1", RuleAction = "allow", Egress = false, Ipv6CidrBlock = "2001:db8::/32",
            });
        }
        lab.Cp.CreateNetworkAclEntry(Ctx, new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl.Id.Value, RuleNumber = 100, Protocol = "-1", RuleAction = "allow", Egress = false, CidrBlock = "10.9.0.0/16",
        });
        var before = lab.N;
        lab.Fails(NetworkAclErrors.NetworkAclEntryLimitExceededCode, () => lab.Cp.ReplaceNetworkAclEntry(Ctx, new ReplaceNetworkAclEntryRequest
        {
            NetworkAclId = acl.Id.Value, RuleNumber = 100, Protocol = "-1", RuleAction = "allow", Egress = false, Ipv6CidrBlock = "2001:db9::/32",
        }));
        Assert.Same(before, lab.N);
    }

    // AWS (amazon-vpc-limits): at most 5 security groups per network interface (SecurityGroupsPerInterfaceLimitExceeded).
    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void CreateNetworkInterface_GroupCount_AtMostFive(int groups, bool refused)
    {
        var lab = new TestLab();
        var vpc = lab.Vpc();
        var subnet = lab.Subnet(vpc);
        var ids = Enumerable.Range(1, groups).Select(i => lab.Group(vpc, $"g{i}").Id.Value).ToList();
        var request = new CreateNetworkInterfaceRequest { SubnetId = subnet.Id.Value, Groups = ids };
        var before = lab.N;
        if (refused)
        {
            lab.Fails(SecurityGroupErrors.SecurityGroupsPerInterfaceLimitExceededCode, () => lab.Cp.CreateNetworkInterface(Ctx, request));
            Assert.Same(before, lab.N);
            return;
        }
        Assert.Equal(groups, lab.Cp.CreateNetworkInterface(Ctx, request).NetworkInterface.Groups.Length);
    }

    // The count-per-scope quotas: at the quota, the next resource is refused with AWS's code and nothing changes
    // (quota set to 2 so each row stays small; AwsDefaults_EachQuota_IsAwsDefault checks the defaults).
    [Theory]
    [InlineData(nameof(Ec2Quotas.VpcsPerRegion), "VpcLimitExceeded", 1)]
    [InlineData(nameof(Ec2Quotas.SubnetsPerVpc), "SubnetLimitExceeded", 0)]
    [InlineData(nameof(Ec2Quotas.Ipv4CidrBlocksPerVpc), "CidrLimitExceeded", 1)] // the primary counts
    [InlineData(nameof(Ec2Quotas.Ipv6CidrBlocksPerVpc), "CidrLimitExceeded", 1)]
    [InlineData(nameof(Ec2Quotas.InternetGatewaysPerRegion), "InternetGatewayLimitExceeded", 0)]
    [InlineData(nameof(Ec2Quotas.RouteTablesPerVpc), "RouteTableLimitExceeded", 1)] // the main table counts
    [InlineData(nameof(Ec2Quotas.NetworkAclsPerVpc), "NetworkAclLimitExceeded", 1)] // the default ACL counts
    [InlineData(nameof(Ec2Quotas.SecurityGroupsPerRegion), "SecurityGroupLimitExceeded", 1)] // the default group counts
    [InlineData(nameof(Ec2Quotas.PrefixListsPerRegion), "PrefixListLimitExceeded", 0)] // AWS-managed lists do not
    [InlineData(nameof(Ec2Quotas.ElasticIpsPerRegion), "AddressLimitExceeded", 0)]
    [InlineData(nameof(Ec2Quotas.EgressOnlyInternetGatewaysPerRegion), "EgressOnlyInternetGatewayLimitExceeded", 0)]
    public void Create_AtQuota_RefusedWithAwsCode(string quota, string code, int existing)
    {
        var quotas = Ec2Quotas.AwsDefaults with { };
        typeof(Ec2Quotas).GetProperty(quota)!.SetValue(quotas, 2);
        var lab = new TestLab(quotas: quotas);
        var vpc = lab.Vpc("10.0.0.0/16", ipv6: true);
        var others = quota == nameof(Ec2Quotas.EgressOnlyInternetGatewaysPerRegion) ? [lab.Vpc("10.1.0.0/16"), lab.Vpc("10.2.0.0/16"), lab.Vpc("10.3.0.0/16")] : new List<Vpc>();
        int n = 0;
        Func<object> next = quota switch
        {
            nameof(Ec2Quotas.VpcsPerRegion) => () => lab.Vpc($"10.{++n}.0.0/16"),
            nameof(Ec2Quotas.SubnetsPerVpc) => () => lab.Subnet(vpc, $"10.0.{++n}.0/24"),
            nameof(Ec2Quotas.Ipv4CidrBlocksPerVpc) => () => lab.Cp.AssociateVpcCidrBlock(Ctx, new AssociateVpcCidrBlockRequest { VpcId = vpc.Id.Value, CidrBlock = $"10.{++n}.0.0/16" }),
            nameof(Ec2Quotas.Ipv6CidrBlocksPerVpc) => () => lab.Cp.AssociateVpcCidrBlock(Ctx, new AssociateVpcCidrBlockRequest { VpcId = vpc.Id.Value, AmazonProvidedIpv6CidrBlock = true }),
            nameof(Ec2Quotas.InternetGatewaysPerRegion) => () => lab.Cp.CreateInternetGateway(Ctx, new CreateInternetGatewayRequest()),
            nameof(Ec2Quotas.RouteTablesPerVpc) => () => lab.Cp.CreateRouteTable(Ctx, new CreateRouteTableRequest { VpcId = vpc.Id.Value }),
            nameof(Ec2Quotas.NetworkAclsPerVpc) => () => lab.Cp.CreateNetworkAcl(Ctx, new CreateNetworkAclRequest { VpcId = vpc.Id.Value }),
            nameof(Ec2Quotas.SecurityGroupsPerRegion) => () => lab.Group(vpc, $"g{++n}"),
            nameof(Ec2Quotas.PrefixListsPerRegion) => () => PrefixList(lab, "IPv4", ++n),
            nameof(Ec2Quotas.EgressOnlyInternetGatewaysPerRegion) => () => lab.Cp.CreateEgressOnlyInternetGateway(Ctx,
                new CreateEgressOnlyInternetGatewayRequest { VpcId = others[n++].Id.Value }),
            _ => () => lab.Eip(),
        };
        for (int i = existing; i < 2; i++)
            next();
        var before = lab.N;
        lab.FailsWith(code, next);
        Assert.Same(before, lab.N);
    }
}
