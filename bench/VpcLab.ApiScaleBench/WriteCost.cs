using System.Globalization;
using VpcLab.Server.Persistence;

/// <summary>What a create and a delete cost as the world grows (issue 21: creates and deletes flat): in the in-memory
/// worlds of <see cref="InProcessCost"/> at each size (10, 1,000, 10,000 VPCs by default), each pair runs through the
/// server's path (parse, action, XML), the create and the delete each timed on this thread's CPU clock, so the world
/// keeps its size. CreateTags is timed twice: with the tag the VPC already has (nothing changes) and with a new value.
/// The sizes alternate by round; prints the median over rounds of the mean CPU µs per request at each size, and the
/// ratio of the smallest size's cost to each larger one's.
///
///   dotnet VpcLab.ApiScaleBench.dll --writes [--sizes 10,1000,10000] [--rounds 5] [--iterations 400]</summary>
internal static class WriteCost
{
    private sealed record World(ServerState State, string Vpc, string ScratchVpc, string ScratchSubnet);

    /// <summary>A measured pair: the create (its form from the world), the element of the id it returns, the delete.</summary>
    private static readonly (string Label, Func<World, string> Create, string Id, string Delete)[] s_pairs =
    [
        ("CreateVpc (tagged; its table, ACL, group) / DeleteVpc", _ => "Action=CreateVpc&CidrBlock=192.168.0.0%2F24&TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=scratch",
            "vpcId", "Action=DeleteVpc&VpcId={0}"),
        ("CreateSubnet / DeleteSubnet", w => $"Action=CreateSubnet&VpcId={w.ScratchVpc}&CidrBlock=172.16.2.0%2F24&AvailabilityZone=us-east-1a",
            "subnetId", "Action=DeleteSubnet&SubnetId={0}"),
        ("CreateSecurityGroup / DeleteSecurityGroup", w => $"Action=CreateSecurityGroup&VpcId={w.ScratchVpc}&GroupName=scratch&GroupDescription=scratch",
            "groupId", "Action=DeleteSecurityGroup&GroupId={0}"),
        ("CreateNetworkInterface / DeleteNetworkInterface", w => $"Action=CreateNetworkInterface&SubnetId={w.ScratchSubnet}",
            "networkInterfaceId", "Action=DeleteNetworkInterface&NetworkInterfaceId={0}"),
    ];

    public static int Run(string[] args)
    {
        string Arg(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        var sizes = Arg("--sizes", "10,1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var rounds = int.Parse(Arg("--rounds", "5"), CultureInfo.InvariantCulture);
        var iterations = int.Parse(Arg("--iterations", "400"), CultureInfo.InvariantCulture);
        var worlds = sizes.Select(Build).ToArray();
        var measures = new List<(string Label, Func<World, int, double> Run)>();
        foreach (var (label, create, id, delete) in s_pairs)
        {
            // One pair per iteration; the create's and the delete's CPU kept apart.
            var split = new Dictionary<World, double>();
            measures.Add((label.Split(" / ")[0], (w, n) =>
            {
                double created = 0, deleted = 0;
                for (var i = 0; i < n; i++)
                {
                    var t0 = ThreadCpu.Microseconds();
                    var xml = InProcessCost.Execute(w.State, create(w));
                    var t1 = ThreadCpu.Microseconds();
                    InProcessCost.Execute(w.State, string.Format(CultureInfo.InvariantCulture, delete, InProcessCost.Element(xml, id)));
                    deleted += ThreadCpu.Microseconds() - t1;
                    created += t1 - t0;
                }
                split[w] = deleted / n;
                return created / n;
            }));
            measures.Add((label.Split(" / ")[1], (w, _) => split[w]));
        }
        measures.Add(("CreateTags (the tag it has: no change)", (w, n) => Time(w, n, _ => $"Action=CreateTags&ResourceId.1={w.Vpc}&Tag.1.Key=bench&Tag.1.Value=on")));
        measures.Add(("CreateTags (a new value)", (w, n) => Time(w, n, i => $"Action=CreateTags&ResourceId.1={w.Vpc}&Tag.1.Key=bench&Tag.1.Value=v{i % 2}")));
        Console.WriteLine("request\t" + string.Join("\t", sizes.Select(s => $"CPU us at {s}")) + "\t" + string.Join("\t", sizes.Skip(1).Select(s => $"ratio {sizes[0]}/{s}")));
        var samples = measures.Select(_ => sizes.Select(_ => new List<double>()).ToArray()).ToArray();
        for (var w = 0; w < worlds.Length; w++)
        {
            foreach (var (_, run) in measures)
                run(worlds[w], iterations / 5); // warm
        }
        for (var r = 0; r < rounds; r++)
        {
            var order = Enumerable.Range(0, worlds.Length);
            foreach (var w in r % 2 == 0 ? order : order.Reverse())
            {
                for (var m = 0; m < measures.Count; m++)
                    samples[m][w].Add(measures[m].Run(worlds[w], iterations));
            }
        }
        for (var m = 0; m < measures.Count; m++)
        {
            var medians = samples[m].Select(Median).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{measures[m].Label}\t{string.Join("\t", medians.Select(x => x.ToString("F1", CultureInfo.InvariantCulture)))}\t{string.Join("\t", medians.Skip(1).Select(x => (medians[0] / x).ToString("F2", CultureInfo.InvariantCulture)))}"));
        }
        foreach (var world in worlds)
            world.State.Dispose();
        return 0;
    }

    private static World Build(int vpcs)
    {
        var built = InProcessCost.Build(vpcs);
        string Call(string form, string element) => InProcessCost.Element(InProcessCost.Execute(built.State, form), element);
        var scratch = Call("Action=CreateVpc&CidrBlock=172.16.0.0%2F16", "vpcId");
        var subnet = Call($"Action=CreateSubnet&VpcId={scratch}&CidrBlock=172.16.1.0%2F24&AvailabilityZone=us-east-1a", "subnetId");
        InProcessCost.Execute(built.State, $"Action=CreateTags&ResourceId.1={built.Ids.Vpc}&Tag.1.Key=bench&Tag.1.Value=on");
        Console.Error.WriteLine($"# writes: world of {vpcs} VPCs built");
        return new World(built.State, built.Ids.Vpc, scratch, subnet);
    }

    /// <summary>Mean CPU µs of <paramref name="iterations"/> requests.</summary>
    private static double Time(World world, int iterations, Func<int, string> form)
    {
        double spent = 0;
        for (var i = 0; i < iterations; i++)
        {
            var f = form(i);
            var before = ThreadCpu.Microseconds();
            InProcessCost.Execute(world.State, f);
            spent += ThreadCpu.Microseconds() - before;
        }
        return spent / iterations;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
