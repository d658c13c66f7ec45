using System.Collections.Immutable;
using System.Globalization;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.Server.Persistence;

/// <summary>What the requests whose lookups used to scan a whole kind cost at two world sizes (issue 21): a security
/// group rule by id, has-internet-gateway, the quota counts, the Amazon IPv6 /56 allocation, a subnet's CIDR
/// reservations, a route table association, an endpoint service by name. The two in-memory worlds of
/// <see cref="InProcessCost"/> get, beside each VPC, an attached internet gateway and a CIDR reservation in its subnet
/// (so the old scans had something to scan). Each request runs through the server's path, timed on this thread's CPU
/// clock; what it creates is deleted untimed, so the world keeps its size. Prints the median over rounds of the mean CPU
/// µs per request at each size, then the old scans alone, timed on the same worlds.
///
///   dotnet VpcLab.ApiScaleBench.dll --scans [--small 10] [--large 10000] [--rounds 5] [--iterations 500]</summary>
internal static class ScanCost
{
    private sealed record World(ServerState State, WorldIds Ids, string Rule, string ScratchVpc, string ScratchSubnet, Network Services);

    /// <summary>A measured request: the untimed requests before it, returning the timed form; the untimed clean-up after.</summary>
    private sealed record Case(string Label, Func<World, string> Before, Action<World, string> After);

    public static int Run(string[] args)
    {
        int Int(string name, int fallback) =>
            Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        var (small, large, rounds, iterations) = (Int("--small", 10), Int("--large", 10_000), Int("--rounds", 5), Int("--iterations", 500));
        var worlds = new[] { Build(small), Build(large) };
        string Call(World w, string form, string element) => InProcessCost.Element(InProcessCost.Execute(w.State, form), element);
        var cases = new Case[]
        {
            new("DescribeSecurityGroupRules SecurityGroupRuleId", w => $"Action=DescribeSecurityGroupRules&SecurityGroupRuleId.1={w.Rule}", (_, _) => { }),
            new("CreateTags on a rule (sgr-)", w => $"Action=CreateTags&ResourceId.1={w.Rule}&Tag.1.Key=k&Tag.1.Value=v", (_, _) => { }),
            new("DescribeVpcs vpc-id + has-internet-gateway", w => $"Action=DescribeVpcs&Filter.1.Name=vpc-id&Filter.1.Value.1={w.Ids.Vpc}&Filter.2.Name=has-internet-gateway&Filter.2.Value.1=true", (_, _) => { }),
            new("CreateVpc (quota counts)", _ => "Action=CreateVpc&CidrBlock=192.168.0.0%2F24",
                (w, xml) => InProcessCost.Execute(w.State, $"Action=DeleteVpc&VpcId={InProcessCost.Element(xml, "vpcId")}")),
            new("CreateVpc with an Amazon IPv6 /56", _ => "Action=CreateVpc&CidrBlock=192.168.0.0%2F24&AmazonProvidedIpv6CidrBlock=true",
                (w, xml) => InProcessCost.Execute(w.State, $"Action=DeleteVpc&VpcId={InProcessCost.Element(xml, "vpcId")}")),
            new("CreateNetworkInterface (reservations skipped)", w => $"Action=CreateNetworkInterface&SubnetId={w.ScratchSubnet}",
                (w, xml) => InProcessCost.Execute(w.State, $"Action=DeleteNetworkInterface&NetworkInterfaceId={InProcessCost.Element(xml, "networkInterfaceId")}")),
            new("AssociateRouteTable (a subnet)", w => $"Action=AssociateRouteTable&SubnetId={w.ScratchSubnet}&RouteTableId={Call(w, $"Action=CreateRouteTable&VpcId={w.ScratchVpc}", "routeTableId")}",
                (w, xml) =>
                {
                    var association = InProcessCost.Element(xml, "associationId");
                    var table = w.State.ControlPlane.Network.RouteTables.Values.First(t => t.Associations.Any(a => a.Id.Value == association)).Id.Value;
                    InProcessCost.Execute(w.State, $"Action=DisassociateRouteTable&AssociationId={association}");
                    InProcessCost.Execute(w.State, $"Action=DeleteRouteTable&RouteTableId={table}");
                }),
        };
        Console.WriteLine($"request\tCPU us/req at {small}\tat {large}\tratio {small}/{large}");
        foreach (var c in cases)
        {
            var samples = new[] { new List<double>(), new List<double>() };
            for (var w = 0; w < 2; w++)
                _ = Measure(worlds[w], c, iterations / 5); // warm
            for (var r = 0; r < rounds; r++)
            {
                foreach (var w in r % 2 == 0 ? new[] { 0, 1 } : [1, 0])
                    samples[w].Add(Measure(worlds[w], c, iterations));
            }
            var (s, l) = (Median(samples[0]), Median(samples[1]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Label}\t{s:F1}\t{l:F1}\t{s / l:F2}"));
        }
        Console.WriteLine($"the old scans alone (before)\tCPU us at {small}\tat {large}\tratio {small}/{large}");
        foreach (var (label, scan) in s_oldScans)
        {
            var (s, l) = (Median([.. Enumerable.Range(0, 5).Select(_ => Time(() => scan(worlds[0])))]),
                Median([.. Enumerable.Range(0, 5).Select(_ => Time(() => scan(worlds[1])))]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}\t{s:F1}\t{l:F1}\t{s / l:F2}"));
        }
        foreach (var world in worlds)
            world.State.Dispose();
        return 0;
    }

    /// <summary>The lookups as they were (scans of the snapshot), each on the world's own records.</summary>
    private static readonly (string, Func<World, object?>)[] s_oldScans =
    [
        ("a rule by id (every group's rules)", w => w.State.ControlPlane.Network.SecurityGroups.Values.FirstOrDefault(g => g.Rules.Any(r => r.Id.Value == w.Rule))),
        ("has-internet-gateway (every gateway)", w => w.State.ControlPlane.Network.InternetGateways.Values.Any(g => g.AttachedVpcId == new VpcId(w.Ids.Vpc))),
        ("the VPC quota (every VPC counted)", w => w.State.ControlPlane.Network.Vpcs.Values.Count(v => v.OwnerId.Value == "111111111111" && v.Region == "us-east-1")),
        ("the taken IPv6 /56 blocks (every VPC)", w => w.State.ControlPlane.Network.Vpcs.Values.SelectMany(v => v.Ipv6CidrBlocks).Select(b => b.Cidr).ToHashSet()),
        ("is one address reserved (every reservation)", w => w.State.ControlPlane.Network.SubnetCidrReservations.Values
            .Where(r => r.SubnetId == new SubnetId(w.ScratchSubnet)).Any(r => r.Cidr.Contains(IpAddress.Parse("172.16.1.4")))),
        ("is a subnet associated (every route table)", w => w.State.ControlPlane.Network.RouteTables.Values.Any(t => t.Associations.Any(a => a.SubnetId == new SubnetId(w.ScratchSubnet)))),
        ("an endpoint service by name: scan (as many services as VPCs)", w => ScanServices(w.Services, Last(w.Services))),
        ("an endpoint service by name: by its id (after)", w => w.Services.EndpointServiceNamed(Last(w.Services))),
    ];

    /// <summary>The name of the middle service (its place in the map's order is arbitrary: a scan meets it halfway on average).</summary>
    private static string Last(Network n) =>
        string.Create(CultureInfo.InvariantCulture, $"com.amazonaws.vpce.us-east-1.vpce-svc-{n.VpcEndpointServiceConfigurations.Count / 2:x17}");

    private static VpcEndpointServiceConfiguration? ScanServices(Network n, string name)
    {
        foreach (var service in n.VpcEndpointServiceConfigurations.Values)
        {
            if (service.ServiceName == name)
                return service;
        }
        return null;
    }

    /// <summary>A snapshot holding <paramref name="count"/> endpoint services (the bench world has none).</summary>
    private static Network Services(int count) => Network.Empty with
    {
        VpcEndpointServiceConfigurations = Enumerable.Range(0, count).ToImmutableDictionary(
            i => new VpcEndpointServiceId($"vpce-svc-{i:x17}"),
            i => new VpcEndpointServiceConfiguration(new VpcEndpointServiceId($"vpce-svc-{i:x17}"), new AccountId("111111111111"), "us-east-1",
                false, [], [], null, PrivateDnsVerificationState.Verified, "", "", DateTimeOffset.UnixEpoch)),
    };

    /// <summary>The world of <see cref="InProcessCost.Build"/>, each VPC with an attached internet gateway and a
    /// reservation (the last /28) in its subnet, a scratch VPC and subnet for the creates, and a rule of the middle group.</summary>
    private static World Build(int vpcs)
    {
        var built = InProcessCost.Build(vpcs);
        var state = built.State;
        string Call(string form, string element) => InProcessCost.Element(InProcessCost.Execute(state, form), element);
        var n = state.ControlPlane.Network;
        foreach (var vpc in n.Vpcs.Values.Where(v => !v.IsDefault)) // the default VPC has its gateway
        {
            var igw = Call("Action=CreateInternetGateway", "internetGatewayId");
            InProcessCost.Execute(state, $"Action=AttachInternetGateway&InternetGatewayId={igw}&VpcId={vpc.Id}");
        }
        foreach (var subnet in n.Subnets.Values)
        {
            var last = Uri.EscapeDataString(subnet.CidrBlock!.Value.Subnet(28, 15).ToString());
            InProcessCost.Execute(state, $"Action=CreateSubnetCidrReservation&SubnetId={subnet.Id}&Cidr={last}&ReservationType=explicit");
        }
        var scratch = Call("Action=CreateVpc&CidrBlock=172.16.0.0%2F16", "vpcId");
        var scratchSubnet = Call($"Action=CreateSubnet&VpcId={scratch}&CidrBlock=172.16.1.0%2F24&AvailabilityZone=us-east-1a", "subnetId");
        InProcessCost.Execute(state, $"Action=CreateSubnetCidrReservation&SubnetId={scratchSubnet}&Cidr=172.16.1.0%2F28&ReservationType=explicit");
        var rule = state.ControlPlane.Network.SecurityGroups[new SecurityGroupId(built.Ids.Group)].Rules[0].Id.Value;
        Console.Error.WriteLine($"# scans: world of {vpcs} VPCs built");
        return new World(state, built.Ids, rule, scratch, scratchSubnet, Services(vpcs));
    }

    /// <summary>Mean CPU µs of <paramref name="iterations"/> timed requests, each between its untimed set-up and clean-up.</summary>
    private static double Measure(World world, Case c, int iterations)
    {
        double spent = 0;
        for (var i = 0; i < iterations; i++)
        {
            var form = c.Before(world);
            var before = ThreadCpu.Microseconds();
            var xml = InProcessCost.Execute(world.State, form);
            spent += ThreadCpu.Microseconds() - before;
            c.After(world, xml);
        }
        return spent / iterations;
    }

    /// <summary>Mean CPU µs of one evaluation of a scan.</summary>
    private static double Time(Func<object?> scan)
    {
        const int Runs = 20;
        var before = ThreadCpu.Microseconds();
        for (var i = 0; i < Runs; i++)
            GC.KeepAlive(scan());
        return (ThreadCpu.Microseconds() - before) / Runs;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
