using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Server.Persistence;
using VpcLab.Server.Protocol;

/// <summary>The server's own cost of one filtered describe at two world sizes, without HTTP or the machine's other
/// load between them: two in-memory servers (<see cref="ServerState"/>) hold worlds of <c>small</c> and <c>large</c>
/// VPCs (built as the HTTP builder builds them), and each request runs the server's path (form → parameters, the
/// action, the XML answer) on one thread, the sizes alternating batch by batch in rounds. Prints per request and size
/// the median over rounds of the CPU time per request (the whole process: GC and the JIT included), then the ratio
/// small / large (1.00: flat). CPU time, not wall time: on a loaded machine the thread waits for a core.
///
///   dotnet VpcLab.ApiScaleBench.dll --in-process [--small 10] [--large 10000] [--rounds 7] [--iterations 20000]</summary>
internal sealed class InProcessCost
{
    private static readonly RequestContext s_caller = RequestContext.For("111111111111");

    private readonly ServerState _state;

    private InProcessCost(ServerState state, WorldIds ids)
    {
        _state = state;
        Ids = ids;
    }

    public WorldIds Ids { get; }

    /// <summary>The in-memory server holding the world.</summary>
    public ServerState State => _state;

    public static int Run(string[] args)
    {
        int Int(string name, int fallback) =>
            Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        var (small, large, rounds, iterations) = (Int("--small", 10), Int("--large", 10_000), Int("--rounds", 7), Int("--iterations", 20000));
        var clock = Stopwatch.StartNew();
        var worlds = new[] { Build(small), Build(large) };
        Console.Error.WriteLine($"# in-process: worlds of {small} and {large} VPCs built in {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"request\tCPU us/req at {small}\tat {large}\tratio {small}/{large}");
        foreach (var (label, form) in Probes.For(worlds[0].Ids).Zip(Probes.For(worlds[1].Ids), (a, b) => (a.Label, (a.Form, b.Form))))
        {
            var samples = new[] { new List<double>(), new List<double>() };
            var forms = new[] { form.Item1, form.Item2 };
            for (var w = 0; w < 2; w++)
                worlds[w].Measure(forms[w], iterations); // warm: the JIT tiers the path up
            for (var r = 0; r < rounds; r++)
            {
                // Alternate which size goes first, so a change of the machine's load falls on both alike.
                foreach (var w in r % 2 == 0 ? new[] { 0, 1 } : [1, 0])
                    samples[w].Add(worlds[w].Measure(forms[w], iterations));
            }
            var (s, l) = (Median(samples[0]), Median(samples[1]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}\t{s:F1}\t{l:F1}\t{s / l:F2}"));
        }
        foreach (var world in worlds)
            world._state.Dispose();
        return 0;
    }

    /// <summary>A world of <paramref name="vpcs"/> VPCs, each with a subnet and an interface, tagged as the HTTP
    /// builder tags them.</summary>
    internal static InProcessCost Build(int vpcs)
    {
        var state = ServerState.Open(null, Ec2Quotas.Generous);
        string Call(string form, string element) => Element(Execute(state, form), element);
        Execute(state, "Action=DescribeAvailabilityZones");
        var ids = new WorldIds[vpcs];
        for (var i = 0; i < vpcs; i++)
        {
            var cidr = Uri.EscapeDataString(WorldIds.CidrOf(i));
            var vpc = Call($"Action=CreateVpc&CidrBlock={cidr}&TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=vpc-{i}&TagSpecification.1.Tag.2.Key=team&TagSpecification.1.Tag.2.Value=t{i % 10}", "vpcId");
            var subnet = Call($"Action=CreateSubnet&VpcId={vpc}&CidrBlock={cidr}&AvailabilityZone=us-east-1a&TagSpecification.1.ResourceType=subnet&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=subnet-{i}", "subnetId");
            var eni = Call($"Action=CreateNetworkInterface&SubnetId={subnet}", "networkInterfaceId");
            ids[i] = new WorldIds(vpc, subnet, "", eni, WorldIds.CidrOf(i), $"vpc-{i}");
        }
        var middle = ids[vpcs / 2];
        var group = Call($"Action=DescribeSecurityGroups&Filter.1.Name=vpc-id&Filter.1.Value.1={middle.Vpc}", "groupId");
        return new InProcessCost(state, middle with { Group = group });
    }

    /// <summary>CPU microseconds per request over <paramref name="iterations"/> runs of the server's path.</summary>
    private double Measure(string form, int iterations)
    {
        var fields = Fields(form);
        var output = new ArrayBufferWriter<byte>(4096);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < iterations; i++)
        {
            var request = Ec2QueryParser.Default.Parse(fields);
            var result = _state.Execute(s_caller, request.Operation.Name, request.Parameters);
            output.ResetWrittenCount();
            Ec2XmlSerializer.Default.WriteResponse(output, request.Operation, result, "00000000-0000-0000-0000-000000000000");
        }
        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / iterations;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static List<KeyValuePair<string, string?>> Fields(string form) =>
        [.. (form + "&Version=2016-11-15").Split('&').Select(pair => pair.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string?>(Uri.UnescapeDataString(kv[0]), Uri.UnescapeDataString(kv[1])))];

    internal static string Execute(ServerState state, string form)
    {
        var request = Ec2QueryParser.Default.Parse(Fields(form));
        var output = new ArrayBufferWriter<byte>();
        Ec2XmlSerializer.Default.WriteResponse(output, request.Operation, state.Execute(s_caller, request.Operation.Name, request.Parameters), "0");
        return System.Text.Encoding.UTF8.GetString(output.WrittenSpan);
    }

    internal static string Element(string xml, string name)
    {
        var start = xml.IndexOf($"<{name}>", StringComparison.Ordinal);
        return start < 0 ? throw new InvalidOperationException($"no <{name}> in {xml}")
            : xml[(start + name.Length + 2)..xml.IndexOf($"</{name}>", start, StringComparison.Ordinal)];
    }
}
