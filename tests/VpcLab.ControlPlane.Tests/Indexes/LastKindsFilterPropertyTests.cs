using CsCheck;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests;

/// <summary>The describes of the kinds indexed last (issue 21, docs/semantics.md#filter-indexes) select through the index
/// as the first kinds do. AWS's filter rules (names AND-ed, values OR-ed, '*' and '?' wildcards, tag:KEY, tag-key,
/// tag-value: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Filtering.html) and each action's filter names
/// (DescribeVolumes, DescribeKeyPairs, DescribeLaunchTemplates — which has no launch-template-id filter —,
/// DescribeVpcEndpointServiceConfigurations) must answer as a scan does; the ids and names asked (KeyName, KeyPairId,
/// LaunchTemplateName, ELBv2's Names and ARNs) as the scans they replaced did, NotFound included. Over random worlds of
/// two accounts.</summary>
public sealed class LastKindsFilterPropertyTests
{
    private static readonly RequestContext A = TestLab.Ctx;
    private static readonly RequestContext B = RequestContext.For("222222222222");

    private static readonly (string Action, string[] Names)[] s_actions =
    [
        ("DescribeVolumes", ["volume-id", "attachment.instance-id", "attachment.status", "status", "availability-zone", "snapshot-id", "size",
            "volume-type", "encrypted", "attachment.device", "attachment.delete-on-termination"]),
        ("DescribeKeyPairs", ["key-pair-id", "key-name", "fingerprint", "key-type"]),
        ("DescribeLaunchTemplates", ["launch-template-name", "create-time", "launch-template-id"]),
        ("DescribeVpcEndpointServiceConfigurations", ["service-id", "service-name", "service-state", "supported-ip-address-types"]),
    ];

    private static readonly string[] s_tagNames = ["tag:env", "tag:team", "tag-key", "tag-value"];

    [Fact]
    public void Describe_AnyWorldAnyFilters_IndexAnswersAsScan()
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        var present = new HashSet<string>(StringComparer.Ordinal);
        // Long enough that load balancers, then endpoint services on them, appear in most worlds.
        var steps = Gen.Select(Gen.Int[0, 17], Gen.Int[0, 99], Gen.Int[0, 99]).Array[25, 60];
        var filter = Gen.Select(Gen.Int[0, 99], Gen.Int[0, 9999].Array[0, 3]);
        var probes = Gen.Select(Gen.Int[0, s_actions.Length - 1], Gen.Bool, filter.Array[0, 2], Gen.Int[0, 9999].Array[0, 2]).Array[10, 30];
        Gen.Select(steps, probes).Sample((random, questions) =>
        {
            // Every kind present before the random steps (a volume, a key pair, a launch template, a load balancer and
            // a service on it), so each describe has something to answer in every world.
            (int, int, int)[] world = [(0, 0, 1), (3, 0, 1), (5, 0, 1), (8, 0, 1), (13, 0, 1), .. random];
            var indexed = LaterIndexedKindsPropertyTests.Build(world, indexedFilters: true);
            var scanned = LaterIndexedKindsPropertyTests.Build(world, indexedFilters: false);
            var pool = Pool(indexed.Network);
            // Most values are ones some record is filed under for that filter, the rest anything of the pool.
            var filed = indexed.Index.Keys.GroupBy(k => k.Name).ToDictionary(g => g.Key, g => g.Select(k => k.Value).Distinct().Order(StringComparer.Ordinal).ToList());
            foreach (var (action, accountB, filters, named) in questions)
            {
                var (name, names) = s_actions[action];
                var asked = filters.Select(f =>
                {
                    var filterName = f.Item1 < 75 ? names[f.Item1 % names.Length] : s_tagNames[f.Item1 % s_tagNames.Length];
                    var own = filed.GetValueOrDefault(filterName.StartsWith("tag:", StringComparison.Ordinal) ? "tag-value" : filterName, pool);
                    return new Filter(filterName, [.. f.Item2.Select(v => v % 2 == 0 ? pool[v / 2 % pool.Count] : own[v / 2 % own.Count])]);
                }).ToList();
                // Ids or names asked now and then (a quarter of the probes), so most probes select through the filters.
                var ids = named.Length > 0 && named[0] % 4 == 0 ? named.Select(v => pool[v % pool.Count]).ToList() : [];
                var ctx = accountB ? B : A;
                var answer = Ask(indexed, name, ctx, asked, ids);
                Assert.Equal(Ask(scanned, name, ctx, asked, ids), answer);
                if (answer.Length > 0 && !answer.StartsWith("error", StringComparison.Ordinal) && asked.Count > 0)
                    held.Add(name);
            }
            // And each describe by its first filter over every value filed under it (the random probes above may miss
            // a rare kind in a whole run): the same answer both ways, and one that is not empty when the caller has any.
            foreach (var (name, names) in s_actions)
            {
                var everything = Ask(indexed, name, A, [], []);
                if (everything.Length > 0 && !everything.StartsWith("error", StringComparison.Ordinal))
                    present.Add(name);
                // Ids are looked up, not filed: the id filters take the ids the caller has.
                var values = filed.GetValueOrDefault(names[0])
                    ?? (present.Contains(name) ? [.. everything.Split(',')] : []);
                if (values.Count == 0)
                    continue;
                List<Filter> all = [new Filter(names[0], [.. values])];
                var answer = Ask(indexed, name, A, all, []);
                Assert.Equal(Ask(scanned, name, A, all, []), answer);
                if (answer.Length > 0 && !answer.StartsWith("error", StringComparison.Ordinal))
                    held.Add(name);
            }
        }, iter: 30);
        // Each describe answered something through a filter wherever the caller had any of its records: one never seen
        // would pass vacuously.
        Assert.Subset(held, present);
        Assert.Subset(present, new HashSet<string>(StringComparer.Ordinal) { "DescribeVolumes", "DescribeKeyPairs", "DescribeLaunchTemplates" });
    }

    // The names and ids asked are looked up, not scanned for: the answers (and the first name or id not found) are the
    // ones a scan of the caller's records gives. AWS: key pair, launch template, load balancer and target group names are
    // unique per account and Region.
    [Fact]
    public void Describe_AnyWorldAnyNames_LookupsAnswerAsScans()
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        var steps = Gen.Select(Gen.Int[0, 17], Gen.Int[0, 99], Gen.Int[0, 99]).Array[10, 60];
        var probes = Gen.Select(Gen.Int[0, 5], Gen.Bool, Gen.Int[0, 9999].Array[0, 3], Gen.Int[0, 9999].Array[0, 2]).Array[10, 30];
        Gen.Select(steps, probes).Sample((random, questions) =>
        {
            // A target group behind a listener of a load balancer before the random steps, so the per-load-balancer
            // probes have something to answer in every world.
            var cp = LaterIndexedKindsPropertyTests.Build([(7, 0, 1), (8, 0, 1), (9, 0, 1), .. random]);
            var n = cp.Network;
            var pool = Pool(n);
            // And each question once with nothing named, as the caller (the random ones above may miss a rare kind in a
            // whole run): the caller's whole list, or the first load balancer with a listener's.
            var everything = Enumerable.Range(0, 6).Select(what => (what, false, Array.Empty<int>(), Array.Empty<int>()));
            foreach (var (what, accountB, first, second) in questions.Concat(everything))
            {
                var ctx = accountB ? B : A;
                var xs = first.Select(v => pool[v % pool.Count]).ToList();
                var ys = second.Select(v => pool[v % pool.Count]).ToList();
                var (label, actual, expected) = what switch
                {
                    0 => ("key pairs", Answer(() => cp.DescribeKeyPairs(ctx, new DescribeKeyPairsRequest { KeyNames = xs, KeyPairIds = ys }).KeyPairs.Select(k => k.Id)),
                        Answer(() => OldKeyPairs(n, ctx, xs, ys))),
                    1 => ("launch templates", Answer(() => cp.LaunchTemplates.Queries.DescribeLaunchTemplates(ctx,
                            new DescribeLaunchTemplatesRequest { LaunchTemplateNames = xs, LaunchTemplateIds = ys.Where(y => y.StartsWith("lt-", StringComparison.Ordinal)).ToList() })
                            .LaunchTemplates.Select(t => t.Id)),
                        Answer(() => OldLaunchTemplates(n, ctx, xs, [.. ys.Where(y => y.StartsWith("lt-", StringComparison.Ordinal))]))),
                    2 => ("load balancers", Answer(() => cp.LoadBalancers.DescribeLoadBalancers(ctx, new DescribeLoadBalancersRequest { Names = xs, LoadBalancerArns = ys }).Select(l => l.Arn.Value)),
                        Answer(() => OldSelect(Mine(n.LoadBalancers.Values, ctx, l => (l.OwnerId, l.Region)), ys, xs, l => l.Arn.Value, l => l.Name, "LoadBalancerNotFound"))),
                    3 => ("target groups", Answer(() => cp.TargetGroups.DescribeTargetGroups(ctx, new DescribeTargetGroupsRequest { Names = xs, TargetGroupArns = ys }).Select(g => g.Arn.Value)),
                        Answer(() => OldSelect(Mine(n.TargetGroups.Values, ctx, g => (g.OwnerId, g.Region)), ys, xs, g => g.Arn.Value, g => g.Name, "TargetGroupNotFound"))),
                    4 => ("a load balancer's target groups", Answer(() => cp.TargetGroups.DescribeTargetGroups(ctx,
                            new DescribeTargetGroupsRequest { LoadBalancerArn = LoadBalancer(n, first), Names = xs.Skip(1).ToList() }).Select(g => g.Arn.Value)),
                        Answer(() =>
                        {
                            var lb = RequireLoadBalancer(n, ctx, first);
                            return OldSelect(Mine(n.TargetGroups.Values, ctx, g => (g.OwnerId, g.Region)).Where(g => UsedBy(n, lb, g)),
                                [], [.. xs.Skip(1)], g => g.Arn.Value, g => g.Name, "TargetGroupNotFound");
                        })),
                    _ => ("a load balancer's listeners", Answer(() => cp.Listeners.DescribeListeners(ctx,
                            new DescribeListenersRequest { LoadBalancerArn = LoadBalancer(n, first), ListenerArns = ys }).Select(l => l.Arn.Value)),
                        Answer(() =>
                        {
                            var lb = RequireLoadBalancer(n, ctx, first);
                            return OldSelect(Mine(n.Listeners.Values, ctx, l => (l.OwnerId, l.Region)).Where(l => l.LoadBalancerArn.Value == lb),
                                ys, [], l => l.Arn.Value, l => l.Arn.Value, "ListenerNotFound").OrderBy(l => l.Port);
                        })),
                };
                Assert.Equal(expected, actual);
                if (actual.Length > 0 && !actual.StartsWith("error", StringComparison.Ordinal))
                    held.Add(label);
            }
            // A target group's load balancers through its listeners' postings, as the scan of every listener found them.
            foreach (var group in n.TargetGroups.Values)
            {
                Assert.Equal(n.Listeners.Values.Where(l => l.DefaultTargetGroupArn == group.Arn).Select(l => l.LoadBalancerArn).Distinct()
                        .Where(n.LoadBalancers.ContainsKey).Select(a => a.Value).Order(StringComparer.Ordinal),
                    TargetGroupLoadBalancers.Of(cp.World, group).Select(l => l.Arn.Value).Order(StringComparer.Ordinal));
            }
        }, iter: 25);
        Assert.Subset(held, new HashSet<string>(StringComparer.Ordinal)
        {
            "key pairs", "launch templates", "load balancers", "target groups", "a load balancer's target groups", "a load balancer's listeners",
        });
    }

    // The checks that scanned the world now read the index; their rules are unchanged. AWS: a subnet uses its explicitly
    // associated route table, else its VPC's main table (the rule's one place: SubnetAssociations), so a gateway
    // endpoint's IP address type is checked against those subnets; a subnet's available IPv4 count is its block − 5
    // reserved − the private IPv4s its interfaces hold (spec §2).
    [Fact]
    public void Checks_AnyWorld_IndexAnswersAsScan()
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        Gen.Select(Gen.Int[0, FilterIndexPropertyTests.LastStep], Gen.Int[0, 99], Gen.Int[0, 99]).Array[10, 80].Sample(steps =>
        {
            var cp = FilterIndexPropertyTests.Build(steps, indexedFilters: true);
            var world = cp.World;
            var n = world.Network;
            var associations = SubnetAssociations.Of(n);
            foreach (var table in n.RouteTables.Values)
            {
                var expected = n.Subnets.Values.Where(s => s.VpcId == table.VpcId && associations.RouteTableOf(s)?.Id == table.Id)
                    .Select(s => s.Id.Value).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(expected, EndpointIpAddressTypes.SubnetsUsing(world, table).Select(s => s.Id.Value));
                if (expected.Count > 0)
                    held.Add(table.IsMain ? "main" : "explicit");
            }
            foreach (var subnet in n.Subnets.Values)
            {
                long used = n.NetworkInterfaces.Values.Where(e => e.SubnetId == subnet.Id).Sum(e => (long)e.PrivateIpAddresses.Length);
                Assert.Equal(SubnetAddressCount.Available(subnet, used), SubnetAddressCount.Available(world, subnet));
                if (used > 0)
                    held.Add("used addresses");
            }
        }, iter: 25);
        Assert.Subset(held, new HashSet<string>(StringComparer.Ordinal) { "main", "explicit", "used addresses" });
    }

    /// <summary>Values the filters and lookups are asked with: every id, name, state and zone of these kinds, tags,
    /// wildcards and misses.</summary>
    private static List<string> Pool(Network n)
    {
        var values = new SortedSet<string>(StringComparer.Ordinal)
        {
            "*", "vol-*", "nm?", "n*", "nothing", "available", "in-use", "attached", "us-east-1a", "us-east-1b", "", "gp2", "gp3", "8",
            "false", "true", "rsa", "ed25519", "Available", "ipv4", "env", "team", "v0", "v1", "v2", "nm0", "nm1", "nm2",
        };
        values.UnionWith(n.Volumes.Keys);
        values.UnionWith(n.Volumes.Values.Select(v => v.Attachment?.InstanceId.Value ?? "i-none"));
        values.UnionWith(n.Instances.Keys.Select(i => i.Value));
        values.UnionWith(n.KeyPairs.Values.SelectMany(k => new[] { k.Id, k.Fingerprint }));
        values.UnionWith(n.LaunchTemplates.Keys);
        values.UnionWith(n.VpcEndpointServiceConfigurations.Values.SelectMany(s => new[] { s.Id.Value, s.ServiceName }));
        values.UnionWith(n.LoadBalancers.Keys.Select(k => k.Value));
        values.UnionWith(n.TargetGroups.Keys.Select(k => k.Value));
        values.UnionWith(n.Listeners.Keys.Select(k => k.Value));
        return [.. values];
    }

    private static string Ask(Ec2ControlPlane cp, string action, RequestContext ctx, List<Filter> filters, List<string> named) => Answer(() => action switch
    {
        "DescribeVolumes" => cp.Volumes.DescribeVolumes(ctx, new DescribeVolumesRequest { Filters = filters, VolumeIds = named }).Volumes.Select(v => v.Id),
        "DescribeKeyPairs" => cp.DescribeKeyPairs(ctx, new DescribeKeyPairsRequest { Filters = filters, KeyNames = named }).KeyPairs.Select(k => k.Id),
        "DescribeLaunchTemplates" => cp.LaunchTemplates.Queries.DescribeLaunchTemplates(ctx, new DescribeLaunchTemplatesRequest { Filters = filters, LaunchTemplateNames = named })
            .LaunchTemplates.Select(t => t.Id),
        _ => cp.EndpointServiceConfigurations.DescribeVpcEndpointServiceConfigurations(ctx,
            new DescribeVpcEndpointServiceConfigurationsRequest { Filters = filters, ServiceIds = named }).ServiceConfigurations.Select(s => s.Service.Id.Value),
    });

    /// <summary>The answer as text: the ids in order, or the error code.</summary>
    private static string Answer(Func<IEnumerable<string>> ask)
    {
        try
        {
            return string.Join(",", ask());
        }
        catch (Ec2Exception e)
        {
            return "error " + e.Code.Code;
        }
    }

    private static string Answer<T>(Func<IEnumerable<T>> ask) where T : notnull =>
        Answer(() => ask().Select(x => x switch
        {
            KeyPair k => k.Id,
            LaunchTemplate t => t.Id,
            LoadBalancer l => l.Arn.Value,
            TargetGroup g => g.Arn.Value,
            Listener l => l.Arn.Value,
            _ => x.ToString()!,
        }));

    private static IEnumerable<T> Mine<T>(IEnumerable<T> all, RequestContext ctx, Func<T, (AccountId Owner, string Region)> owner) =>
        all.Where(x => owner(x) == (ctx.Account, ctx.Region));

    private static string LoadBalancer(Network n, int[] pick)
    {
        // The load balancers with listeners when there are any, so the per-load-balancer probes answer something often
        // enough for the check that each was answered (random worlds seldom have a listener on every load balancer).
        var listened = n.Listeners.Values.Select(l => l.LoadBalancerArn.Value).ToHashSet(StringComparer.Ordinal);
        var all = n.LoadBalancers.Keys.Select(k => k.Value).Where(a => listened.Count == 0 || listened.Contains(a)).Order(StringComparer.Ordinal).ToList();
        return all.Count == 0 ? "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/none/0" : all[(pick.FirstOrDefault()) % all.Count];
    }

    /// <summary>The load balancer a request names: the caller's, else LoadBalancerNotFound (before any other check).</summary>
    private static string RequireLoadBalancer(Network n, RequestContext ctx, int[] pick)
    {
        var arn = LoadBalancer(n, pick);
        return n.LoadBalancers.TryGetValue(new LoadBalancerArn(arn), out var l) && l.OwnerId == ctx.Account && l.Region == ctx.Region
            ? arn : throw new Ec2Exception(new Ec2ErrorCode("LoadBalancerNotFound"), arn);
    }

    private static bool UsedBy(Network n, string lb, TargetGroup g) =>
        n.Listeners.Values.Any(x => x.LoadBalancerArn.Value == lb && x.DefaultTargetGroupArn == g.Arn);

    // The scans the lookups replaced, as they were.

    private static IEnumerable<KeyPair> OldKeyPairs(Network n, RequestContext ctx, List<string> names, List<string> ids)
    {
        var mine = Mine(n.KeyPairs.Values, ctx, k => (k.OwnerId, k.Region)).OrderBy(k => k.Name, StringComparer.Ordinal).ToList();
        IEnumerable<KeyPair> selected = mine;
        if (names.Count > 0)
        {
            foreach (var name in names.Where(x => mine.All(k => k.Name != x)))
                throw new Ec2Exception(new Ec2ErrorCode("InvalidKeyPair.NotFound"), name);
            selected = selected.Where(k => names.Contains(k.Name));
        }
        if (ids.Count > 0)
        {
            foreach (var id in ids.Where(i => mine.All(k => k.Id != i)))
                throw new Ec2Exception(new Ec2ErrorCode("InvalidKeyPair.NotFound"), id);
            selected = selected.Where(k => ids.Contains(k.Id));
        }
        return selected;
    }

    private static IEnumerable<LaunchTemplate> OldLaunchTemplates(Network n, RequestContext ctx, List<string> names, List<string> ids)
    {
        IEnumerable<LaunchTemplate> selected = Mine(n.LaunchTemplates.Values, ctx, t => (t.OwnerId, t.Region)).ToList();
        if (ids.Count > 0)
        {
            selected = [.. ids.Distinct(StringComparer.Ordinal).Select(id => n.LaunchTemplates.TryGetValue(id, out var t) && t.OwnerId == ctx.Account && t.Region == ctx.Region
                ? t : throw new Ec2Exception(new Ec2ErrorCode("InvalidLaunchTemplateId.NotFound"), id))];
        }
        if (names.Count > 0)
        {
            foreach (var name in names.Where(x => selected.All(t => t.Name != x)))
                throw new Ec2Exception(new Ec2ErrorCode("InvalidLaunchTemplateName.NotFoundException"), name);
            selected = selected.Where(t => names.Contains(t.Name));
        }
        return selected.OrderBy(t => t.Id, StringComparer.Ordinal);
    }

    private static IEnumerable<T> OldSelect<T>(IEnumerable<T> all, List<string> arns, List<string> names, Func<T, string> arnOf, Func<T, string> nameOf,
        string notFound)
    {
        var list = all.ToList();
        if (arns.Count > 0 && names.Count > 0)
            throw new Ec2Exception(new Ec2ErrorCode("ValidationError"), "both");
        var (wanted, key) = arns.Count > 0 ? (arns, arnOf) : names.Count > 0 ? (names, nameOf) : (null, arnOf);
        if (wanted is null)
            return list.OrderBy(arnOf, StringComparer.Ordinal);
        if (wanted.Any(w => !list.Any(x => key(x) == w)))
            throw new Ec2Exception(new Ec2ErrorCode(notFound), "missing");
        var set = wanted.ToHashSet(StringComparer.Ordinal);
        return list.Where(x => set.Contains(key(x))).OrderBy(arnOf, StringComparer.Ordinal);
    }
}
