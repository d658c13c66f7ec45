using System.Collections.Immutable;
using CsCheck;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

/// <summary>The lookups operations make of their neighbours, answered from the index (docs/semantics.md#filter-indexes),
/// must answer what the scans they replaced answered: AWS's quotas (VPCs, interfaces, gateways, groups, Elastic IPs,
/// prefix lists per Region; tables, ACLs, egress-only gateways per VPC; gateway endpoints per Region:
/// https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html), "a VPC has at most one internet gateway"
/// and has-internet-gateway, a security group rule found by its id (sgr-…), a subnet's CIDR reservations, the Amazon
/// IPv6 /56 blocks already handed out, and an endpoint service by name. Over the random worlds of
/// <see cref="FilterIndexPropertyTests"/> (two accounts), each lookup is compared with its scan for every record.</summary>
public sealed class IndexedLookupPropertyTests
{
    private static readonly AccountId[] s_accounts = [TestLab.Ctx.Account, new("222222222222")];

    // Region quotas: the caller's records of a kind in its Region, counted from the owner-scope list.
    private static readonly (string Name, Func<IndexedWorld, AccountId, int> Index, Func<Network, AccountId, int> Scan)[] s_regionCounts =
    [
        ("VPCs", (w, a) => Scope(w, IndexedKinds.Vpc, a), (n, a) => n.Vpcs.Values.Count(v => Mine(a, v.OwnerId, v.Region))),
        ("interfaces", (w, a) => Scope(w, IndexedKinds.NetworkInterface, a), (n, a) => n.NetworkInterfaces.Values.Count(e => Mine(a, e.OwnerId, e.Region))),
        ("internet gateways", (w, a) => Scope(w, IndexedKinds.InternetGateway, a), (n, a) => n.InternetGateways.Values.Count(g => Mine(a, g.OwnerId, g.Region))),
        ("egress-only gateways", (w, a) => Scope(w, IndexedKinds.EgressOnlyInternetGateway, a), (n, a) => n.EgressOnlyInternetGateways.Values.Count(g => Mine(a, g.OwnerId, g.Region))),
        ("security groups", (w, a) => Scope(w, IndexedKinds.SecurityGroup, a), (n, a) => n.SecurityGroups.Values.Count(g => Mine(a, g.OwnerId, g.Region))),
        ("Elastic IPs", (w, a) => Scope(w, IndexedKinds.ElasticIp, a), (n, a) => n.ElasticIps.Values.Count(e => Mine(a, e.OwnerId, e.Region))),
        ("prefix lists", (w, a) => Scope(w, IndexedKinds.PrefixList, a), (n, a) => n.PrefixLists.Values.Count(p => p.OwnerId == a.Value && p.Region == TestLab.Ctx.Region)),
        ("gateway endpoints", (w, a) => w.Count(IndexedKinds.VpcEndpoint, IndexedKinds.GatewayEndpointScopeLink, IndexedKind<VpcEndpoint>.Scope(a, TestLab.Ctx.Region)),
            (n, a) => n.VpcEndpoints.Values.Count(e => e.IsGateway && Mine(a, e.OwnerId, e.Region))),
    ];

    // Per-VPC questions: quotas, the internet gateway, and the VPC's neighbours the operations read.
    private static readonly (string Name, Func<IndexedWorld, Vpc, string> Index, Func<Network, Vpc, string> Scan)[] s_perVpc =
    [
        ("route tables", (w, v) => Text(w.Count(IndexedKinds.RouteTable, "vpc-id", v.Id.Value)), (n, v) => Text(n.RouteTables.Values.Count(t => t.VpcId == v.Id))),
        ("network ACLs", (w, v) => Text(w.Count(IndexedKinds.NetworkAcl, "vpc-id", v.Id.Value)), (n, v) => Text(n.NetworkAcls.Values.Count(a => a.VpcId == v.Id))),
        ("egress-only gateways", (w, v) => Text(w.Count(IndexedKinds.EgressOnlyInternetGateway, "attachment.vpc-id", v.Id.Value)),
            (n, v) => Text(n.EgressOnlyInternetGateways.Values.Count(g => g.VpcId == v.Id))),
        ("has an internet gateway", (w, v) => Text(w.HasInternetGateway(v.Id)), (n, v) => Text(n.InternetGateways.Values.Any(g => g.AttachedVpcId == v.Id))),
        ("its IPv6 /56 blocks are taken", (w, v) => Text(v.Ipv6CidrBlocks.All(b => w.Any(IndexedKinds.Vpc, "ipv6-cidr-block-association.ipv6-cidr-block", b.Cidr.ToString()))),
            (n, v) => Text(v.Ipv6CidrBlocks.All(b => n.Vpcs.Values.Any(o => o.Ipv6CidrBlocks.Any(x => x.Cidr == b.Cidr))))),
        ("its peerings", (w, v) => Ids(w.Where(IndexedKinds.VpcPeeringConnection, "requester-vpc-info.vpc-id", v.Id.Value)
                .Concat(w.Where(IndexedKinds.VpcPeeringConnection, "accepter-vpc-info.vpc-id", v.Id.Value)).Select(p => p.Id.Value)),
            (n, v) => Ids(n.VpcPeeringConnections.Values.Where(p => p.Requester.VpcId == v.Id || p.Accepter.VpcId == v.Id).Select(p => p.Id.Value))),
        ("the default VPC", (w, v) => Text(w.Where(IndexedKinds.Vpc, "is-default", "true").Any(x => x.Id == v.Id)), (n, v) => Text(v.IsDefault)),
    ];

    [Fact]
    public void Lookups_AnyWorld_IndexAnswersAsScan()
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        Gen.Select(Gen.Int[0, FilterIndexPropertyTests.LastStep], Gen.Int[0, 99], Gen.Int[0, 99]).Array[20, 80].Sample(steps =>
        {
            var world = FilterIndexPropertyTests.Build(steps, indexedFilters: true).World;
            var n = world.Network;
            foreach (var account in s_accounts)
            {
                foreach (var (name, index, scan) in s_regionCounts)
                {
                    var expected = scan(n, account);
                    Assert.Equal(expected, index(world, account));
                    if (expected > 0)
                        held.Add(name);
                }
            }
            foreach (var vpc in n.Vpcs.Values)
            {
                foreach (var (name, index, scan) in s_perVpc)
                {
                    var expected = scan(n, vpc);
                    Assert.Equal(expected, index(world, vpc));
                    if (expected is not ("0" or "false" or ""))
                        held.Add("VPC: " + name);
                }
            }
            CheckRules(world, held);
            foreach (var subnet in n.Subnets.Values)
            {
                var expected = Ids(n.SubnetCidrReservations.Values.Where(r => r.SubnetId == subnet.Id).Select(r => r.Id));
                Assert.Equal(expected, Ids(SubnetCidrReservationOperations.Of(world, subnet.Id).Select(r => r.Id)));
                if (expected.Length > 0)
                    held.Add("subnet: its reservations");
            }
        }, iter: 40);
        // The worlds make each lookup answer something somewhere: one never seen non-empty would pass vacuously.
        Assert.Subset(held, new HashSet<string>(StringComparer.Ordinal)
        {
            "VPCs", "interfaces", "internet gateways", "egress-only gateways", "security groups", "Elastic IPs", "prefix lists", "gateway endpoints",
            "VPC: route tables", "VPC: network ACLs", "VPC: egress-only gateways", "VPC: has an internet gateway", "VPC: its IPv6 /56 blocks are taken",
            "VPC: its peerings", "rule: found by id", "subnet: its reservations",
        });
    }

    /// <summary>Every rule of every group is found by its id through the index, as a scan of all groups finds it; an id
    /// that names no rule finds nothing either way.</summary>
    private static void CheckRules(IndexedWorld world, HashSet<string> held)
    {
        var kind = ResourceKinds.SecurityGroupRule;
        foreach (var rule in world.Network.SecurityGroups.Values.SelectMany(g => g.Rules))
        {
            var id = rule.Id.Value;
            Assert.Equal(kind.Get(world.Network, id)?.Id, kind.Get(world, id)?.Id);
            Assert.NotNull(kind.Get(world, id));
            held.Add("rule: found by id");
        }
        Assert.Null(kind.Get(world, "sgr-0123456789abcdef0"));
    }

    /// <summary>AWS (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroupRules.html): the
    /// caller's rules, by SecurityGroupRuleId or filtered by group-id, security-group-rule-id and is-egress. Answered from
    /// the groups the index names (the literal filter's, else the caller's), it must list what a scan of every group
    /// lists, in group-id then rule order; an id of no rule of the caller's is InvalidSecurityGroupRuleId.NotFound.</summary>
    [Fact]
    public void DescribeSecurityGroupRules_AnyWorldAnyFilters_AnswersAsScan()
    {
        var steps = Gen.Select(Gen.Int[0, FilterIndexPropertyTests.LastStep], Gen.Int[0, 99], Gen.Int[0, 99]).Array[10, 60];
        var probe = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 999].Array[1, 3], Gen.Bool);
        Gen.Select(steps, probe.Array[5, 15]).Sample((plan, probes) =>
        {
            var cp = FilterIndexPropertyTests.Build(plan, indexedFilters: true);
            var n = cp.Network;
            var groups = n.SecurityGroups.Values.OrderBy(g => g.Id.Value, StringComparer.Ordinal).ToList();
            var ruleIds = groups.SelectMany(g => g.Rules.Select(r => r.Id.Value)).Append("sgr-0123456789abcdef0").ToList();
            var groupIds = groups.Select(g => g.Id.Value).Append("sg-0123456789abcdef0").ToList();
            foreach (var (what, picks, accountB) in probes)
            {
                var ctx = accountB ? FilterIndexPropertyTests.Owner(s_accounts[1]) : TestLab.Ctx;
                var values = what == 1 ? picks.Select(i => groupIds[i % groupIds.Count]).ToList() : picks.Select(i => ruleIds[i % ruleIds.Count]).ToList();
                var request = what switch
                {
                    0 => new DescribeSecurityGroupRulesRequest { SecurityGroupRuleIds = values },
                    1 => new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", [.. values])] },
                    2 => new DescribeSecurityGroupRulesRequest { Filters = [new Filter("security-group-rule-id", [.. values]), new Filter("is-egress", ["false"])] },
                    _ => new DescribeSecurityGroupRulesRequest(),
                };
                var mine = groups.Where(g => g.OwnerId == ctx.Account && g.Region == ctx.Region)
                    .SelectMany(g => g.Rules.Select(r => (Group: g.Id.Value, Rule: r))).ToList();
                string expected = what switch
                {
                    0 => values.Distinct().All(v => mine.Any(m => m.Rule.Id.Value == v))
                        ? Rules(values.Distinct().Select(v => mine.First(m => m.Rule.Id.Value == v)))
                        : "error InvalidSecurityGroupRuleId.NotFound",
                    1 => Rules(mine.Where(m => values.Contains(m.Group))),
                    2 => Rules(mine.Where(m => values.Contains(m.Rule.Id.Value) && !m.Rule.IsEgress)),
                    _ => Rules(mine),
                };
                string actual;
                try
                {
                    actual = Rules(cp.DescribeSecurityGroupRules(ctx, request).SecurityGroupRules.Select(e => (e.GroupId, e.Rule)));
                }
                catch (Ec2Exception e)
                {
                    actual = "error " + e.Code.Code;
                }
                Assert.Equal(expected, actual);
            }
        }, iter: 40);
    }

    private static string Rules(IEnumerable<(string Group, SecurityGroupRule Rule)> rules) =>
        string.Join(",", rules.Select(r => $"{r.Group}/{r.Rule.Id}"));

    /// <summary>AWS: a consumer names a provider's endpoint service by its service name (com.amazonaws.vpce.REGION.vpce-svc-…,
    /// https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html). The lookup by the id the name
    /// ends with finds what a scan of every service finds, for names of services, their ids in another Region's name, and
    /// names of nothing.</summary>
    [Fact]
    public void EndpointServiceNamed_AnyServices_FindsWhatAScanFinds()
    {
        string[] regions = ["us-east-1", "eu-west-1"];
        var service = Gen.Select(Gen.Int[0, 40], Gen.Int[0, 1]);
        Gen.Select(service.Array[0, 12], Gen.Int[0, 40].Array[1, 10], Gen.Int[0, 1].Array[1, 10]).Sample((services, askIds, askRegions) =>
        {
            var configurations = services.DistinctBy(s => s.Item1).ToImmutableDictionary(
                s => new VpcEndpointServiceId(ServiceId(s.Item1)),
                s => new VpcEndpointServiceConfiguration(new VpcEndpointServiceId(ServiceId(s.Item1)), new AccountId("111111111111"), regions[s.Item2],
                    false, [], [], null, PrivateDnsVerificationState.Verified, "", "", DateTimeOffset.UnixEpoch));
            var network = Network.Empty with { VpcEndpointServiceConfigurations = configurations };
            var names = askIds.Zip(askRegions, (i, r) => $"com.amazonaws.vpce.{regions[r]}.{ServiceId(i)}")
                .Concat(configurations.Values.Select(c => c.ServiceName)).Append("com.amazonaws.us-east-1.s3").Append("vpce-svc").Append("");
            foreach (var name in names)
                Assert.Equal(configurations.Values.FirstOrDefault(c => c.ServiceName == name)?.Id, network.EndpointServiceNamed(name)?.Id);
        }, iter: 200);
    }

    private static string ServiceId(int i) => $"vpce-svc-{i:x17}";

    private static int Scope<T>(IndexedWorld world, IndexedKind<T> kind, AccountId account) =>
        world.Count(kind, WorldIndex.ScopeName, IndexedKind<T>.Scope(account, TestLab.Ctx.Region));

    private static bool Mine(AccountId account, AccountId owner, string region) => owner == account && region == TestLab.Ctx.Region;

    private static string Text(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(bool value) => value ? "true" : "false";

    private static string Ids(IEnumerable<string> ids) => string.Join(",", ids.Distinct().Order(StringComparer.Ordinal));
}
