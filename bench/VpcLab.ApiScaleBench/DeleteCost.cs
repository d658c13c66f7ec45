using System.Globalization;
using VpcLab.Model;
using VpcLab.Server.Persistence;

/// <summary>What one delete costs at two world sizes (issue 21: a delete must cost the same at 10,000 VPCs as at 10):
/// in the two in-memory worlds of <see cref="InProcessCost"/>, each delete follows the create of what it deletes (an
/// empty VPC; a subnet, a security group and a DHCP options set in a scratch VPC), so the world keeps its size; only
/// the delete is timed, by this thread's CPU clock, through the server's path (parse, action, XML). Its deletion
/// blockers (subnets, interfaces, gateways, non-default groups, tables and ACLs, instances, endpoints of the VPC; rules
/// and interfaces naming the group) are asked of the index. Prints the median over rounds of the mean CPU µs per delete
/// at each size and the ratio small / large, the sizes alternating.
///
///   dotnet VpcLab.ApiScaleBench.dll --deletes [--small 10] [--large 10000] [--rounds 7] [--iterations 1000] [--only DeleteVpc]</summary>
internal static class DeleteCost
{
    private static readonly (string Label, string Create, string Id, string Delete)[] s_deletes =
    [
        ("DeleteVpc (an empty VPC)", "Action=CreateVpc&CidrBlock=192.168.0.0%2F24", "vpcId", "Action=DeleteVpc&VpcId={0}"),
        ("DeleteSubnet", "Action=CreateSubnet&VpcId={1}&CidrBlock=172.16.1.0%2F24&AvailabilityZone=us-east-1a", "subnetId", "Action=DeleteSubnet&SubnetId={0}"),
        ("DeleteSecurityGroup", "Action=CreateSecurityGroup&VpcId={1}&GroupName=scratch&GroupDescription=scratch", "groupId", "Action=DeleteSecurityGroup&GroupId={0}"),
        ("DeleteDhcpOptions", "Action=CreateDhcpOptions&DhcpConfiguration.1.Key=domain-name&DhcpConfiguration.1.Value.1=lab.internal", "dhcpOptionsId", "Action=DeleteDhcpOptions&DhcpOptionsId={0}"),
    ];

    public static int Run(string[] args)
    {
        int Int(string name, int fallback) =>
            Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        var (small, large, rounds, iterations) = (Int("--small", 10), Int("--large", 10_000), Int("--rounds", 7), Int("--iterations", 1000));
        var worlds = new[] { InProcessCost.Build(small).State, InProcessCost.Build(large).State };
        var scratch = worlds.Select(s => InProcessCost.Element(InProcessCost.Execute(s, "Action=CreateVpc&CidrBlock=172.16.0.0%2F16"), "vpcId")).ToArray();
        Console.WriteLine($"delete\tCPU us/req at {small}\tat {large}\tratio {small}/{large}\tGC pause us/req at {small}\tat {large}");
        var only = Array.IndexOf(args, "--only") is var o and >= 0 && o + 1 < args.Length ? args[o + 1] : "";
        foreach (var (label, create, id, delete) in s_deletes.Where(d => d.Label.StartsWith(only, StringComparison.Ordinal)))
        {
            var samples = new[] { new List<double>(), new List<double>() };
            var pauses = new[] { new List<double>(), new List<double>() };
            for (var w = 0; w < 2; w++)
                _ = Measure(worlds[w], scratch[w], create, id, delete, iterations); // warm
            for (var r = 0; r < rounds; r++)
            {
                foreach (var w in r % 2 == 0 ? new[] { 0, 1 } : [1, 0])
                {
                    var (cpu, pause) = Measure(worlds[w], scratch[w], create, id, delete, iterations);
                    samples[w].Add(cpu);
                    pauses[w].Add(pause);
                }
            }
            var (s, l) = (samples[0].Order().ElementAt(rounds / 2), samples[1].Order().ElementAt(rounds / 2));
            var (ps, pl) = (pauses[0].Order().ElementAt(rounds / 2), pauses[1].Order().ElementAt(rounds / 2));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}\t{s:F1}\t{l:F1}\t{s / l:F2}\t{ps:F1}\t{pl:F1}"));
        }
        // Before: the scans the blockers replaced, on a fresh empty VPC, subnet and group of each world (median of 5).
        Console.WriteLine($"the blockers as scans (before)\tCPU us at {small}\tat {large}\tratio {small}/{large}");
        var fresh = worlds.Select((s, w) => (
            Vpc: new VpcId(InProcessCost.Element(InProcessCost.Execute(s, "Action=CreateVpc&CidrBlock=192.168.0.0%2F24"), "vpcId")),
            Subnet: new SubnetId(InProcessCost.Element(InProcessCost.Execute(s, $"Action=CreateSubnet&VpcId={scratch[w]}&CidrBlock=172.16.2.0%2F24&AvailabilityZone=us-east-1a"), "subnetId")),
            Group: new SecurityGroupId(InProcessCost.Element(InProcessCost.Execute(s, $"Action=CreateSecurityGroup&VpcId={scratch[w]}&GroupName=fresh&GroupDescription=fresh"), "groupId")))).ToArray();
        foreach (var (label, scan) in new (string, Func<Network, int, double>)[]
        {
            ("DeleteVpc's 10 blockers", (n, w) => ScannedBlockers.Vpc(n, fresh[w].Vpc)),
            ("DeleteSubnet's 3 blockers", (n, w) => ScannedBlockers.Subnet(n, fresh[w].Subnet)),
            ("DeleteSecurityGroup's 3 blockers", (n, w) => ScannedBlockers.SecurityGroup(n, fresh[w].Group)),
        })
        {
            var (s, l) = (Median(Enumerable.Range(0, 5).Select(_ => scan(worlds[0].ControlPlane.Network, 0))),
                Median(Enumerable.Range(0, 5).Select(_ => scan(worlds[1].ControlPlane.Network, 1))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}\t{s:F1}\t{l:F1}\t{s / l:F2}"));
        }
        foreach (var world in worlds)
            world.Dispose();
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Mean CPU µs of <paramref name="iterations"/> deletes, each after the (untimed) create of its resource, and
    /// the mean time the runtime paused for garbage collection during them (wall µs).</summary>
    private static (double Cpu, double GcPause) Measure(ServerState state, string scratchVpc, string create, string id, string delete, int iterations)
    {
        double spent = 0;
        var paused = TimeSpan.Zero;
        for (var i = 0; i < iterations; i++)
        {
            var created = InProcessCost.Element(InProcessCost.Execute(state, string.Format(CultureInfo.InvariantCulture, create, "", scratchVpc)), id);
            var form = string.Format(CultureInfo.InvariantCulture, delete, created);
            var (before, pauseBefore) = (ThreadCpu.Microseconds(), GC.GetTotalPauseDuration());
            InProcessCost.Execute(state, form);
            spent += ThreadCpu.Microseconds() - before;
            paused += GC.GetTotalPauseDuration() - pauseBefore;
        }
        return (spent / iterations, paused.TotalMicroseconds / iterations);
    }
}

/// <summary>The deletion blockers as they were before they asked the index (scans of the whole snapshot), timed on the
/// same worlds for the same resources, so the bench shows what a delete saved: what a VPC's, a subnet's and a security
/// group's blockers cost by scanning at each size.</summary>
internal static class ScannedBlockers
{
    public static double Vpc(Network n, VpcId v) => Time(() =>
        n.Subnets.Values.Any(s => s.VpcId == v) || n.InternetGateways.Values.Any(g => g.AttachedVpcId == v)
        || n.EgressOnlyInternetGateways.Values.Any(g => g.VpcId == v) || n.NatGateways.Values.Any(g => g.VpcId == v && g.State != NatGatewayState.Deleted)
        || n.NetworkInterfaces.Values.Any(e => e.VpcId == v) || n.SecurityGroups.Values.Any(g => g.VpcId == v && !g.IsDefault)
        || n.RouteTables.Values.Any(t => t.VpcId == v && !t.IsMain) || n.NetworkAcls.Values.Any(a => a.VpcId == v && !a.IsDefault)
        || n.Instances.Values.Any(i => i.VpcId == v && i.State != InstanceState.Terminated) || n.VpcEndpoints.Values.Any(e => e.VpcId == v));

    public static double Subnet(Network n, SubnetId s) => Time(() =>
        n.NetworkInterfaces.Values.Any(e => e.SubnetId == s) || n.NatGateways.Values.Any(g => g.SubnetId == s && g.State != NatGatewayState.Deleted)
        || n.Instances.Values.Any(i => i.SubnetId == s && i.State != InstanceState.Terminated));

    public static double SecurityGroup(Network n, SecurityGroupId g) => Time(() =>
        n.SecurityGroups.Values.Any(o => o.Id != g && o.Rules.Any(r => r.Peer is SecurityGroupPeer p && p.GroupId == g))
        || n.NetworkInterfaces.Values.Any(e => e.Groups.Contains(g)) || n.VpcEndpoints.Values.Any(e => e.Groups.Contains(g)));

    /// <summary>Mean CPU µs of one evaluation (the answer is false: nothing blocks, so every scan runs to its end).</summary>
    private static double Time(Func<bool> scan)
    {
        const int Runs = 20;
        var before = ThreadCpu.Microseconds();
        for (var i = 0; i < Runs; i++)
        {
            if (scan())
                throw new InvalidOperationException("a blocker holds: not the case measured");
        }
        return (ThreadCpu.Microseconds() - before) / Runs;
    }
}
