using System.Globalization;
using VpcLab.ControlPlane;
using VpcLab.Model;

/// <summary>The index's share of a CreateVpc and a DeleteVpc as the world grows (issue 21): on the index of each world
/// of <see cref="InProcessCost"/>, what one CreateVpc files (a VPC, its main route table, default network ACL and
/// default security group, copies of the middle VPC's under a new VPC id, and its two tags) through one
/// <see cref="WorldIndex.Builder"/>, published, then removed the same way, each timed on this thread's CPU clock. The
/// rest of a request's cost (parse, the snapshot's maps, XML, the collector) is what <see cref="WriteCost"/> measures
/// beside it.
///
///   dotnet VpcLab.ApiScaleBench.dll --index-cost [--sizes 10,1000,10000] [--rounds 5] [--iterations 2000]</summary>
internal static class IndexCost
{
    public static int Run(string[] args)
    {
        string Arg(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        var sizes = Arg("--sizes", "10,1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var rounds = int.Parse(Arg("--rounds", "5"), CultureInfo.InvariantCulture);
        var iterations = int.Parse(Arg("--iterations", "2000"), CultureInfo.InvariantCulture);
        var worlds = sizes.Select(size =>
        {
            var built = InProcessCost.Build(size);
            Console.Error.WriteLine($"# index: world of {size} VPCs built");
            return (built.State, World: built.State.ControlPlane.World, built.Ids);
        }).ToArray();
        var samples = sizes.Select(_ => (Create: new List<double>(), Delete: new List<double>())).ToArray();
        for (var r = -1; r < rounds; r++) // round -1 warms
        {
            var order = Enumerable.Range(0, worlds.Length);
            foreach (var w in r % 2 == 0 ? order : order.Reverse())
            {
                var (create, delete) = Measure(worlds[w].World, worlds[w].Ids.Vpc, r < 0 ? iterations / 5 : iterations);
                if (r >= 0)
                {
                    samples[w].Create.Add(create);
                    samples[w].Delete.Add(delete);
                }
            }
        }
        Console.WriteLine("index work\t" + string.Join("\t", sizes.Select(s => $"CPU us at {s}")) + "\t" + string.Join("\t", sizes.Skip(1).Select(s => $"ratio {sizes[0]}/{s}")));
        foreach (var (label, pick) in new (string, Func<(List<double> Create, List<double> Delete), List<double>>)[]
            { ("a CreateVpc's postings (VPC, table, ACL, group, 2 tags)", s => s.Create), ("a DeleteVpc's postings", s => s.Delete) })
        {
            var medians = samples.Select(s => Median(pick(s))).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}\t{string.Join("\t", medians.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}\t{string.Join("\t", medians.Skip(1).Select(x => (medians[0] / x).ToString("F2", CultureInfo.InvariantCulture)))}"));
        }
        foreach (var world in worlds)
            world.State.Dispose();
        return 0;
    }

    private static (double Create, double Delete) Measure(IndexedWorld world, string vpcId, int iterations)
    {
        var n = world.Network;
        var vpc = n.Vpcs[new VpcId(vpcId)];
        var table = n.RouteTables.Values.First(t => t.VpcId == vpc.Id && t.IsMain);
        var acl = n.NetworkAcls.Values.First(a => a.VpcId == vpc.Id && a.IsDefault);
        var group = n.SecurityGroups.Values.First(g => g.VpcId == vpc.Id && g.IsDefault);
        var id = new VpcId("vpc-0123456789abcdef0");
        var newVpc = vpc with { Id = id };
        var (newTable, newAcl, newGroup) = (table with { Id = new RouteTableId("rtb-0123456789abcdef0"), VpcId = id },
            acl with { Id = new NetworkAclId("acl-0123456789abcdef0"), VpcId = id }, group with { Id = new SecurityGroupId("sg-0123456789abcdef0"), VpcId = id });
        var tags = Tags.Of(("Name", "scratch"), ("team", "t0"));
        double created = 0, deleted = 0;
        for (var i = 0; i < iterations; i++)
        {
            var t0 = ThreadCpu.Microseconds();
            var builder = world.Index.ToBuilder();
            builder.Replace(IndexedKinds.Vpc, null, newVpc);
            builder.Replace(IndexedKinds.RouteTable, null, newTable);
            builder.Replace(IndexedKinds.NetworkAcl, null, newAcl);
            builder.Replace(IndexedKinds.SecurityGroup, null, newGroup);
            builder.ReplaceTags(id.Value, null, tags);
            var after = builder.ToImmutable();
            var t1 = ThreadCpu.Microseconds();
            builder = after.ToBuilder();
            builder.ReplaceTags(id.Value, tags, null);
            builder.Replace(IndexedKinds.SecurityGroup, newGroup, null);
            builder.Replace(IndexedKinds.NetworkAcl, newAcl, null);
            builder.Replace(IndexedKinds.RouteTable, newTable, null);
            builder.Replace(IndexedKinds.Vpc, newVpc, null);
            GC.KeepAlive(builder.ToImmutable());
            deleted += ThreadCpu.Microseconds() - t1;
            created += t1 - t0;
        }
        return (created / iterations, deleted / iterations);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
