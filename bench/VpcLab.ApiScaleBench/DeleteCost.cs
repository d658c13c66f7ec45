using System.Globalization;
using VpcLab.Server.Persistence;

/// <summary>What one delete costs at two world sizes (issue 21: a delete must cost the same at 10,000 VPCs as at 10):
/// in the two in-memory worlds of <see cref="InProcessCost"/>, each delete follows the create of what it deletes (an
/// empty VPC; a subnet, a security group and a DHCP options set in a scratch VPC), so the world keeps its size; only
/// the delete is timed, by this thread's CPU clock, through the server's path (parse, action, XML). Its deletion
/// blockers (subnets, interfaces, gateways, non-default groups, tables and ACLs, instances, endpoints of the VPC; rules
/// and interfaces naming the group) are asked of the index. Prints the median over rounds of the mean CPU µs per delete
/// at each size and the ratio small / large, the sizes alternating.
///
///   dotnet VpcLab.ApiScaleBench.dll --deletes [--small 10] [--large 10000] [--rounds 7] [--iterations 1000]</summary>
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
        Console.WriteLine($"delete\tCPU us/req at {small}\tat {large}\tratio {small}/{large}");
        foreach (var (label, create, id, delete) in s_deletes)
        {
            var samples = new[] { new List<double>(), new List<double>() };
            for (var w = 0; w < 2; w++)
                Measure(worlds[w], scratch[w], create, id, delete, iterations); // warm
            for (var r = 0; r < rounds; r++)
            {
                foreach (var w in r % 2 == 0 ? new[] { 0, 1 } : [1, 0])
                    samples[w].Add(Measure(worlds[w], scratch[w], create, id, delete, iterations));
            }
            var (s, l) = (samples[0].Order().ElementAt(rounds / 2), samples[1].Order().ElementAt(rounds / 2));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}\t{s:F1}\t{l:F1}\t{s / l:F2}"));
        }
        foreach (var world in worlds)
            world.Dispose();
        return 0;
    }

    /// <summary>Mean CPU µs of <paramref name="iterations"/> deletes, each after the (untimed) create of its resource.</summary>
    private static double Measure(ServerState state, string scratchVpc, string create, string id, string delete, int iterations)
    {
        double spent = 0;
        for (var i = 0; i < iterations; i++)
        {
            var created = InProcessCost.Element(InProcessCost.Execute(state, string.Format(CultureInfo.InvariantCulture, create, "", scratchVpc)), id);
            var form = string.Format(CultureInfo.InvariantCulture, delete, created);
            var before = ThreadCpu.Microseconds();
            InProcessCost.Execute(state, form);
            spent += ThreadCpu.Microseconds() - before;
        }
        return spent / iterations;
    }
}
