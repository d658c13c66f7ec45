using CsCheck;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>AWS: Describe* filters AND their names and OR their values, '*' and '?' are wildcards, tag:KEY, tag-key
/// and tag-value work on every resource (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Filtering.html).
/// The index (docs/semantics.md#filter-indexes) must change nothing of that: over random worlds of two accounts,
/// built and torn down by the same operations, every filter combination answers exactly what a scan answers.</summary>
public sealed class FilterIndexPropertyTests
{
    private static readonly RequestContext A = TestLab.Ctx;
    private static readonly RequestContext B = RequestContext.For("222222222222");

    /// <summary>The filters each Describe* is probed with: indexed ones, ones that read other resources, tags.</summary>
    private static readonly (string Action, string[] Names)[] s_actions =
    [
        ("DescribeVpcs", ["vpc-id", "cidr", "cidr-block-association.cidr-block", "cidr-block-association.state", "is-default", "state", "owner-id", "has-internet-gateway", "dhcp-options-id"]),
        ("DescribeSubnets", ["subnet-id", "vpc-id", "cidr-block", "cidr", "availability-zone", "default-for-az", "state", "available-ip-address-count"]),
        ("DescribeSecurityGroups", ["group-id", "group-name", "vpc-id", "ip-permission.cidr", "ip-permission.group-id", "egress.ip-permission.cidr", "description"]),
        ("DescribeNetworkInterfaces", ["network-interface-id", "subnet-id", "vpc-id", "group-id", "private-ip-address", "addresses.private-ip-address", "status", "attachment.instance-id", "group-name", "availability-zone", "association.public-ip"]),
        ("DescribeRouteTables", ["route-table-id", "vpc-id", "association.subnet-id", "association.main", "route.destination-cidr-block", "route.gateway-id", "route.state"]),
        ("DescribeNetworkAcls", ["network-acl-id", "vpc-id", "default", "association.subnet-id", "entry.cidr", "entry.rule-number"]),
        ("DescribeInternetGateways", ["internet-gateway-id", "attachment.vpc-id", "attachment.state", "owner-id"]),
        ("DescribeInstances", ["instance-id", "subnet-id", "vpc-id", "instance-state-name", "private-ip-address", "reservation-id"]),
        ("DescribeAddresses", ["allocation-id", "public-ip", "network-interface-id", "private-ip-address", "association-id", "instance-id"]),
        ("DescribeEgressOnlyInternetGateways", ["egress-only-internet-gateway-id", "attachment.vpc-id", "attachment.state"]),
        ("DescribeManagedPrefixLists", ["prefix-list-id", "prefix-list-name", "owner-id", "state", "address-family"]),
        ("DescribeVpcPeeringConnections", ["vpc-peering-connection-id", "accepter-vpc-info.vpc-id", "requester-vpc-info.vpc-id",
            "accepter-vpc-info.owner-id", "requester-vpc-info.owner-id", "requester-vpc-info.cidr-block", "status-code"]),
        ("DescribeVpcEndpoints", ["vpc-endpoint-id", "vpc-id", "service-name", "vpc-endpoint-state", "vpc-endpoint-type", "ip-address-type", "service-region"]),
        ("DescribeFlowLogs", ["flow-log-id", "resource-id", "log-group-name", "traffic-type", "log-destination-type", "deliver-log-status"]),
        ("DescribeDhcpOptions", ["dhcp-options-id", "key", "value", "owner-id"]),
        ("DescribePrefixLists", ["prefix-list-id", "prefix-list-name"]),
        ("DescribeTags", ["key", "value", "resource-id", "resource-type"]),
    ];

    private static readonly string[] s_tagNames = ["tag:env", "tag:team", "tag-key", "tag-value"];

    [Fact]
    public void Describe_AnyWorldAnyFilters_IndexAnswersAsScan()
    {
        var steps = Gen.Select(Gen.Int[0, LastStep], Gen.Int[0, 99], Gen.Int[0, 99]).Array[10, 80];
        var filter = Gen.Select(Gen.Int[0, 99], Gen.Int[0, 9999].Array[0, 3]);
        var probes = Gen.Select(Gen.Int[0, s_actions.Length - 1], Gen.Bool, filter.Array[0, 3]).Array[10, 30];
        Gen.Select(steps, probes).Sample((world, questions) =>
        {
            var indexed = Build(world, indexedFilters: true);
            var scanned = Build(world, indexedFilters: false);
            Assert.Equal(indexed.Network.Vpcs.Count, scanned.Network.Vpcs.Count);
            var pool = ValuePool(indexed.Network);
            var held = indexed.Index.Keys.GroupBy(k => k.Name).ToDictionary(g => g.Key, g => g.Select(k => k.Value).Distinct().Order(StringComparer.Ordinal).ToList());
            foreach (var (action, accountB, filters) in questions)
            {
                var (name, names) = s_actions[action];
                var asked = filters.Select(f =>
                {
                    var filterName = f.Item1 < 75 || name == "DescribeTags" ? names[f.Item1 % names.Length] : s_tagNames[f.Item1 % s_tagNames.Length];
                    // Most values are ones some record has for that filter (any kind), the rest anything of the world.
                    var own = held.GetValueOrDefault(filterName.StartsWith("tag:", StringComparison.Ordinal) ? "tag-value" : filterName, pool);
                    return new Filter(filterName, [.. f.Item2.Select(v => v % 2 == 0 ? pool[v / 2 % pool.Count] : own[v / 2 % own.Count])]);
                }).ToList();
                var ctx = accountB ? B : A;
                Assert.Equal(Ask(scanned, name, ctx, asked), Ask(indexed, name, ctx, asked));
            }
        }, iter: 60);
    }

    // The worlds reach every kind the index files: a kind the steps never create would pass the property vacuously.
    [Fact]
    public void Build_RandomWorlds_ReachEveryIndexedKind()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Gen.Select(Gen.Int[0, LastStep], Gen.Int[0, 99], Gen.Int[0, 99]).Array[40, 80].Sample(world =>
        {
            var cp = Build(world, indexedFilters: true);
            seen.UnionWith(cp.Index.Keys.Where(k => k.Name == WorldIndex.ScopeName).Select(k => k.Kind));
        }, iter: 30);
        Assert.Subset(seen, new HashSet<string>(StringComparer.Ordinal) { "vpc", "subnet", "sg", "eni", "rtb", "acl", "igw", "i", "eipalloc", "eigw", "pl", "pcx", "vpce", "fl", "dopt", "scr" });
    }

    // The index is kept by the mutations themselves: after any sequence, it equals an index built from scratch.
    [Fact]
    public void Index_AnySequenceOfMutations_EqualsIndexRebuiltFromSnapshot()
    {
        Gen.Select(Gen.Int[0, LastStep], Gen.Int[0, 99], Gen.Int[0, 99]).Array[5, 60].Sample(world =>
        {
            var cp = Build(world, indexedFilters: true);
            var rebuilt = WorldIndex.Build(cp.Network);
            var kept = cp.Index;
            foreach (var key in rebuilt.Keys.Concat(kept.Keys).Distinct())
                Assert.Equal(rebuilt.Ids(key.Kind, key.Name, key.Value), kept.Ids(key.Kind, key.Name, key.Value));
        }, iter: 40);
    }

    /// <summary>The highest step of <see cref="Step"/> (0–11 create, 12 deletes, 13–19 the kinds indexed later).</summary>
    internal const int LastStep = 19;

    internal static Ec2ControlPlane Build((int Op, int A, int B)[] steps, bool indexedFilters, Action<Ec2ControlPlane>? afterEach = null)
    {
        var cp = new Ec2ControlPlane(new ControlPlaneOptions { IdSeed = 7, Quotas = Ec2Quotas.Generous, IndexedFilters = indexedFilters });
        foreach (var (op, a, b) in steps)
        {
            try
            {
                Step(cp, op, a, b);
            }
            catch (Ec2Exception)
            {
                // Refused steps (overlaps, dependencies, duplicates) leave the world as it was, in both worlds alike.
            }
            afterEach?.Invoke(cp);
        }
        return cp;
    }

    private static void Step(Ec2ControlPlane cp, int op, int a, int b)
    {
        var ctx = b % 4 == 0 ? B : A;
        var n = cp.Network;
        T Pick<T>(IEnumerable<T> items)
        {
            var list = items.ToList();
            return list.Count == 0 ? throw Ec2Errors.MissingParameter("nothing to pick") : list[a % list.Count];
        }
        string? Id(string prefix) => Pick(n.Vpcs.Keys.Select(k => k.Value).Concat(n.Subnets.Keys.Select(k => k.Value))
            .Concat(n.SecurityGroups.Keys.Select(k => k.Value)).Concat(n.NetworkInterfaces.Keys.Select(k => k.Value))
            .Concat(n.RouteTables.Keys.Select(k => k.Value)).Concat(n.InternetGateways.Keys.Select(k => k.Value))
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        List<Tag> Tags() => [new Tag(b % 2 == 0 ? "env" : "team", "v" + (a % 3).ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var vpc = () => Pick(n.Vpcs.Values.OrderBy(v => v.Id.Value, StringComparer.Ordinal));
        var subnet = () => Pick(n.Subnets.Values.OrderBy(s => s.Id.Value, StringComparer.Ordinal));
        switch (op)
        {
            case 0:
                cp.CreateVpc(ctx, new CreateVpcRequest
                {
                    CidrBlock = $"10.{a % 4}.0.0/16",
                    TagSpecifications = b % 3 == 0 ? [new TagSpecification { ResourceType = "vpc", Tags = Tags() }] : null,
                });
                break;
            case 1:
                var v = vpc();
                cp.CreateSubnet(Owner(v.OwnerId), new CreateSubnetRequest { VpcId = v.Id.Value, CidrBlock = v.PrimaryCidr.Subnet(24, (UInt128)(b % 8)).ToString(), AvailabilityZone = b % 2 == 0 ? "us-east-1a" : "us-east-1b" });
                break;
            case 2:
                var g = vpc();
                var group = cp.CreateSecurityGroup(Owner(g.OwnerId), new CreateSecurityGroupRequest { GroupName = "g" + (b % 5), Description = "d" + (a % 2), VpcId = g.Id.Value }).SecurityGroup!;
                cp.AuthorizeSecurityGroupIngress(Owner(g.OwnerId), new AuthorizeSecurityGroupIngressRequest { GroupId = group.Id.Value, IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIp = $"10.{b % 3}.0.0/16" });
                break;
            case 3:
                var s = subnet();
                var groups = n.SecurityGroups.Values.Where(x => x.VpcId == s.VpcId).OrderBy(x => x.Id.Value, StringComparer.Ordinal).Take(1 + (b % 2)).Select(x => x.Id.Value).ToList();
                cp.CreateNetworkInterface(Owner(s.OwnerId), new CreateNetworkInterfaceRequest { SubnetId = s.Id.Value, Groups = groups });
                break;
            case 4:
                cp.CreateTags(ctx, new CreateTagsRequest { Resources = [Id(b % 2 == 0 ? "vpc-" : b % 3 == 0 ? "subnet-" : "eni-")!], Tags = Tags() });
                break;
            case 5:
                cp.DeleteTags(ctx, new DeleteTagsRequest { Resources = [Id(b % 2 == 0 ? "vpc-" : "eni-")!] });
                break;
            case 6:
                cp.DeleteNetworkInterface(ctx, new DeleteNetworkInterfaceRequest { NetworkInterfaceId = Id("eni-") });
                break;
            case 7:
                var igw = cp.CreateInternetGateway(ctx, new CreateInternetGatewayRequest()).InternetGateway;
                if (b % 2 == 0)
                    cp.AttachInternetGateway(ctx, new AttachInternetGatewayRequest { InternetGatewayId = igw.Id.Value, VpcId = Pick(n.Vpcs.Values.Where(x => x.OwnerId == ctx.Account).OrderBy(x => x.Id.Value, StringComparer.Ordinal)).Id.Value });
                break;
            case 8:
                var si = subnet();
                cp.RunInstances(Owner(si.OwnerId), new RunInstancesRequest { SubnetId = si.Id.Value, MinCount = 1, MaxCount = 1 + (b % 2) });
                break;
            case 9:
                var eip = cp.AllocateAddress(ctx, new AllocateAddressRequest()).Address!;
                var eni = Pick(n.NetworkInterfaces.Values.Where(x => x.OwnerId == ctx.Account).OrderBy(x => x.Id.Value, StringComparer.Ordinal));
                cp.AssociateAddress(ctx, new AssociateAddressRequest { AllocationId = eip.AllocationId.Value, NetworkInterfaceId = eni.Id.Value });
                break;
            case 10:
                var st = subnet();
                var table = cp.CreateRouteTable(Owner(st.OwnerId), new CreateRouteTableRequest { VpcId = st.VpcId.Value }).RouteTable;
                if (b % 2 == 0)
                    cp.AssociateRouteTable(Owner(st.OwnerId), new AssociateRouteTableRequest { RouteTableId = table.Id.Value, SubnetId = st.Id.Value });
                break;
            case 11:
                var va = vpc();
                cp.CreateNetworkAcl(Owner(va.OwnerId), new CreateNetworkAclRequest { VpcId = va.Id.Value });
                break;
            case >= 13:
                LaterKinds.Step(cp, op, ctx, a, b, Owner);
                break;
            default:
                if (b % 3 == 0)
                    cp.DeleteSubnet(ctx, new DeleteSubnetRequest { SubnetId = Id("subnet-") });
                else if (b % 3 == 1)
                    cp.DeleteSecurityGroup(ctx, new DeleteSecurityGroupRequest { GroupId = Id("sg-") });
                else
                    cp.DeleteVpc(ctx, new DeleteVpcRequest { VpcId = Id("vpc-") });
                break;
        }
    }

    internal static RequestContext Owner(AccountId owner) => owner == B.Account ? B : A;

    /// <summary>Values the filters are asked with: every id, CIDR, address, tag and state of the world, wildcards and misses.</summary>
    internal static List<string> ValuePool(Network n)
    {
        var values = new SortedSet<string>(StringComparer.Ordinal)
        {
            "*", "vpc-*", "subnet-?*", "10.0.*", "10.?.0.0/16", "v*", "nothing", "true", "available", "env", "vpc", "g1", "0.0.0.0/0",
        };
        values.UnionWith(n.Vpcs.Keys.Select(k => k.Value));
        values.UnionWith(n.Subnets.Values.SelectMany(s => new[] { s.Id.Value, s.CidrBlock!.Value.ToString() }));
        values.UnionWith(n.SecurityGroups.Keys.Select(k => k.Value));
        values.UnionWith(n.NetworkInterfaces.Values.SelectMany(e => new[] { e.Id.Value, e.PrimaryPrivateIp.ToString() }));
        values.UnionWith(n.NetworkInterfaces.Values.SelectMany(e => e.PrivateIpAddresses).Select(p => p.AutoAssignedPublicIp?.ToString()).OfType<string>());
        values.UnionWith(n.RouteTables.Keys.Select(k => k.Value));
        values.UnionWith(n.NetworkAcls.Keys.Select(k => k.Value));
        values.UnionWith(n.InternetGateways.Keys.Select(k => k.Value));
        values.UnionWith(n.Instances.Values.SelectMany(i => new[] { i.Id.Value, i.ReservationId }));
        values.UnionWith(n.ElasticIps.Values.SelectMany(e => new[] { e.AllocationId.Value, e.PublicIp.ToString(), e.AssociationId ?? "x" }));
        values.UnionWith(n.Tags.Values.SelectMany(t => t.Items.Values));
        values.UnionWith(LaterKinds.Values(n));
        return [.. values];
    }

    /// <summary>The answer as text: the ids in order, or the error code.</summary>
    internal static string Ask(Ec2ControlPlane cp, string action, RequestContext ctx, List<Filter> filters)
    {
        try
        {
            IEnumerable<string> ids = action switch
            {
                "DescribeVpcs" => cp.DescribeVpcs(ctx, new DescribeVpcsRequest { Filters = filters }).Vpcs.Select(x => x.Id.Value),
                "DescribeSubnets" => cp.DescribeSubnets(ctx, new DescribeSubnetsRequest { Filters = filters }).Subnets.Select(x => x.Id.Value),
                "DescribeSecurityGroups" => cp.DescribeSecurityGroups(ctx, new DescribeSecurityGroupsRequest { Filters = filters }).SecurityGroups.Select(x => x.Id.Value),
                "DescribeNetworkInterfaces" => cp.DescribeNetworkInterfaces(ctx, new DescribeNetworkInterfacesRequest { Filters = filters }).NetworkInterfaces.Select(x => x.Id.Value),
                "DescribeRouteTables" => cp.DescribeRouteTables(ctx, new DescribeRouteTablesRequest { Filters = filters }).RouteTables.Select(x => x.Id.Value),
                "DescribeNetworkAcls" => cp.DescribeNetworkAcls(ctx, new DescribeNetworkAclsRequest { Filters = filters }).NetworkAcls.Select(x => x.Id.Value),
                "DescribeInternetGateways" => cp.DescribeInternetGateways(ctx, new DescribeInternetGatewaysRequest { Filters = filters }).InternetGateways.Select(x => x.Id.Value),
                "DescribeInstances" => cp.DescribeInstances(ctx, new DescribeInstancesRequest { Filters = filters }).Reservations.SelectMany(r => r.Instances).Select(x => x.Id.Value),
                "DescribeAddresses" => cp.DescribeAddresses(ctx, new DescribeAddressesRequest { Filters = filters }).Addresses.Select(x => x.AllocationId.Value),
                "DescribeEgressOnlyInternetGateways" => cp.DescribeEgressOnlyInternetGateways(ctx, new DescribeEgressOnlyInternetGatewaysRequest { Filters = filters }).EgressOnlyInternetGateways.Select(x => x.Id.Value),
                "DescribeManagedPrefixLists" => cp.DescribeManagedPrefixLists(ctx, new DescribeManagedPrefixListsRequest { Filters = filters }).PrefixLists.Select(x => x.Id.Value),
                "DescribeVpcPeeringConnections" => cp.DescribeVpcPeeringConnections(ctx, new DescribeVpcPeeringConnectionsRequest { Filters = filters }).VpcPeeringConnections.Select(x => $"{x.Id} {x.State}"),
                "DescribeVpcEndpoints" => cp.DescribeVpcEndpoints(ctx, new DescribeVpcEndpointsRequest { Filters = filters }).VpcEndpoints.Select(x => x.Endpoint.Id.Value),
                "DescribeDhcpOptions" => cp.DescribeDhcpOptions(ctx, new DescribeDhcpOptionsRequest { Filters = filters }).DhcpOptions.Select(x => x.Id),
                "DescribePrefixLists" => cp.DescribePrefixLists(ctx, new DescribePrefixListsRequest { Filters = filters }).PrefixLists.Select(x => x.Id.Value),
                "DescribeFlowLogs" => cp.DescribeFlowLogs(ctx, new DescribeFlowLogsRequest { Filter = filters }).FlowLogs.Select(x => x.Id.Value),
                _ => cp.DescribeTags(ctx, new DescribeTagsRequest { Filters = filters }).Tags.Select(t => $"{t.ResourceId} {t.ResourceType} {t.Key}={t.Value}"),
            };
            return string.Join(",", ids);
        }
        catch (Ec2Exception e)
        {
            return "error " + e.Code.Code;
        }
    }
}
