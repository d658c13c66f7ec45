using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Net;
using VpcLab.Server.Elb;
using VpcLab.Server.Persistence;

/// <summary>What the requests whose lookups used to scan a whole kind cost at two world sizes (issue 21): a security
/// group rule by id, has-internet-gateway, the quota counts, the Amazon IPv6 /56 allocation, a subnet's CIDR
/// reservations, a route table association, an endpoint service by name; then (the last kinds' describes) a volume
/// and a launch template by a filter, a target group by name with its load balancers, CreateListener's "one load
/// balancer per target group", a dualstack gateway endpoint's route table check, the endpoint services a consumer may
/// use (DescribeVpcEndpointServices) and an IP target's zone (DescribeTargetHealth). The two in-memory worlds of
/// <see cref="InProcessCost"/> get, beside each VPC, an attached internet gateway, a CIDR reservation in its subnet, a
/// volume, a launch template, and a Network Load Balancer whose listener forwards to a target group (so the old
/// scans had something to scan). Each request runs through the server's path, timed on this thread's CPU
/// clock; what it creates is deleted untimed, so the world keeps its size. Prints the median over rounds of the mean CPU
/// µs per request at each size, then the old scans alone, timed on the same worlds.
///
///   dotnet VpcLab.ApiScaleBench.dll --scans [--small 10] [--large 10000] [--rounds 5] [--iterations 500]</summary>
internal static class ScanCost
{
    private sealed record World(ServerState State, WorldIds Ids, string Rule, string ScratchVpc, string ScratchSubnet, Network Services,
        Elb Elb, string Volume, int Size);

    /// <summary>The middle VPC's Network Load Balancer, a target group of its VPC no listener uses yet, and the middle
    /// group's name.</summary>
    private sealed record Elb(string LoadBalancer, string FreeGroup, string MiddleGroupName);

    /// <summary>A measured request: the untimed requests before it, returning the timed form; the untimed clean-up after;
    /// how it runs (default: the EC2 Query path; ELBv2 requests call the control plane and its shapes).</summary>
    private sealed record Case(string Label, Func<World, string> Before, Action<World, string> After, Func<World, string, string>? Run = null);

    private static readonly RequestContext s_caller = RequestContext.For("111111111111");

    /// <summary>An account allowed on the middle endpoint service only.</summary>
    private static readonly RequestContext s_consumer = RequestContext.For("333333333333");

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
            new("DescribeVolumes volume-id (a filter)", w => $"Action=DescribeVolumes&Filter.1.Name=volume-id&Filter.1.Value.1={w.Volume}", (_, _) => { }),
            new("DescribeLaunchTemplates launch-template-name", w => $"Action=DescribeLaunchTemplates&Filter.1.Name=launch-template-name&Filter.1.Value.1=lt-{w.Size / 2}", (_, _) => { }),
            new("DescribeTargetGroups Names.1 (with its LoadBalancerArns)", w => w.Elb.MiddleGroupName, (_, _) => { },
                (w, name) => ElbActions.Read(w.State.ControlPlane, s_caller, "DescribeTargetGroups", new JsonObject { ["Names"] = new JsonArray(name) })!.ToJsonString()),
            new("CreateListener (one load balancer per target group)", w => w.Elb.FreeGroup,
                (w, arn) => w.State.ControlPlane.Listeners.DeleteListener(s_caller, new DeleteListenerRequest { ListenerArn = arn }),
                (w, group) => w.State.ControlPlane.Listeners.CreateListener(s_caller, new CreateListenerRequest
                {
                    LoadBalancerArn = w.Elb.LoadBalancer, Protocol = "TCP", Port = 81,
                    DefaultActions = [new ListenerAction { Type = "forward", TargetGroupArn = group }],
                }).Arn.Value),
            new("CreateVpcEndpoint gateway dualstack (its table's subnets)",
                w => $"Action=CreateVpcEndpoint&VpcEndpointType=Gateway&ServiceName=com.amazonaws.us-east-1.s3&VpcId={w.ScratchVpc}&IpAddressType=dualstack&RouteTableId.1={Call(w, $"Action=CreateRouteTable&VpcId={w.ScratchVpc}", "routeTableId")}",
                (w, xml) =>
                {
                    var endpoint = InProcessCost.Element(xml, "vpcEndpointId");
                    var table = w.State.ControlPlane.Network.VpcEndpoints[new VpcEndpointId(endpoint)].RouteTableIds[0].Value;
                    InProcessCost.Execute(w.State, $"Action=DeleteVpcEndpoints&VpcEndpointId.1={endpoint}");
                    InProcessCost.Execute(w.State, $"Action=DeleteRouteTable&RouteTableId={table}");
                }),
            new("DescribeVpcEndpointServices (a consumer allowed on one service)", _ => "", (_, _) => { },
                (w, _) => w.State.ControlPlane.DescribeVpcEndpointServices(s_consumer, new DescribeVpcEndpointServicesRequest()).ProviderServices.Count
                    .ToString(CultureInfo.InvariantCulture)),
            new("DescribeTargetHealth (an IP target's zone)", w => w.Elb.FreeGroup, (_, _) => { },
                (w, group) => w.State.ControlPlane.TargetGroups.DescribeTargetHealth(s_caller, new TargetsRequest { TargetGroupArn = group }).Targets[0].AvailabilityZone ?? ""),
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
        ("a target group's load balancers (every listener)", w =>
        {
            var n = w.State.ControlPlane.Network;
            var group = new TargetGroupArn(w.Elb.FreeGroup);
            return n.Listeners.Values.Where(l => l.DefaultTargetGroupArn == group).Select(l => l.LoadBalancerArn).Distinct()
                .Where(n.LoadBalancers.ContainsKey).Select(a => n.LoadBalancers[a]).ToList();
        }),
        ("the subnets using a route table (every table and subnet)", w =>
        {
            var n = w.State.ControlPlane.Network;
            var associations = SubnetAssociations.Of(n);
            var vpc = new VpcId(w.ScratchVpc);
            return n.Subnets.Values.Where(s => s.VpcId == vpc).Count(s => associations.RouteTableOf(s)?.Id == n.MainRouteTable(vpc).Id);
        }),
        ("the caller's volumes filtered (every volume)", w => w.State.ControlPlane.Network.Volumes.Values.Where(v => v.Id == w.Volume).ToList()),
        ("the endpoint services a consumer may use (every service)", w => w.State.ControlPlane.Network.VpcEndpointServiceConfigurations.Values
            .Where(s => s.Region == "us-east-1" && s.Supports("us-east-1") && s.Allows(s_consumer.Account)).ToList()),
        ("an IP target's subnet (every subnet)", w =>
        {
            var n = w.State.ControlPlane.Network;
            var group = n.TargetGroups[new TargetGroupArn(w.Elb.FreeGroup)];
            var ip = IpAddress.Parse(group.Targets[0].Id);
            return n.Subnets.Values.FirstOrDefault(s => s.VpcId == group.VpcId && s.CidrBlock?.Contains(ip) == true);
        }),
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
        // The last kinds: a volume and a launch template per VPC, and in each VPC's subnet a Network Load Balancer whose
        // listener forwards to a target group of its own.
        var cp = state.ControlPlane;
        var middleVolume = "";
        for (var i = 0; i < vpcs; i++)
        {
            var volume = cp.Volumes.CreateVolume(s_caller, new CreateVolumeRequest { AvailabilityZone = "us-east-1a", Size = 8 });
            if (i == vpcs / 2)
                middleVolume = volume.Id;
            InProcessCost.Execute(state, $"Action=CreateLaunchTemplate&LaunchTemplateName=lt-{i}&LaunchTemplateData.InstanceType=t3.micro");
        }
        string Group(string name, string vpc) => cp.TargetGroups.CreateTargetGroup(s_caller, new CreateTargetGroupRequest
        {
            Name = name, Protocol = "TCP", Port = 80, VpcId = vpc, TargetType = "ip",
        }).Arn.Value;
        var balancers = new List<string>();
        foreach (var subnet in n.Subnets.Values.Where(s => n.Vpcs[s.VpcId] is { IsDefault: false } && s.CidrBlock is not null)
            .OrderBy(s => s.Id.Value, StringComparer.Ordinal))
        {
            var i = balancers.Count;
            var lb = cp.LoadBalancers.CreateLoadBalancer(s_caller, new CreateLoadBalancerRequest { Name = $"nlb-{i}", Type = "network", Scheme = "internal", Subnets = [subnet.Id.Value] });
            cp.Listeners.CreateListener(s_caller, new CreateListenerRequest
            {
                LoadBalancerArn = lb.Arn.Value, Protocol = "TCP", Port = 80,
                DefaultActions = [new ListenerAction { Type = "forward", TargetGroupArn = Group($"tg-{i}", subnet.VpcId.Value) }],
            });
            balancers.Add(lb.Arn.Value);
        }
        var middleLb = cp.Network.LoadBalancers[new LoadBalancerArn(balancers[balancers.Count / 2])];
        var elb = new Elb(middleLb.Arn.Value, Group("free", middleLb.VpcId.Value), $"tg-{balancers.Count / 2}");
        // An endpoint service on each load balancer, the caller's; a consumer account is allowed on the middle one only.
        // And an IP target in the free group, in its VPC's subnet (its zone is that subnet's).
        for (var i = 0; i < balancers.Count; i++)
        {
            var service = cp.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(s_caller,
                new CreateVpcEndpointServiceConfigurationRequest { NetworkLoadBalancerArns = [balancers[i]] }).ServiceConfiguration.Service.Id.Value;
            if (i == balancers.Count / 2)
            {
                cp.EndpointConnections.ModifyVpcEndpointServicePermissions(s_caller, new ModifyVpcEndpointServicePermissionsRequest
                {
                    ServiceId = service, AddAllowedPrincipals = [$"arn:aws:iam::{s_consumer.Account.Value}:root"],
                });
            }
        }
        var middleSubnet = cp.Network.Subnets[middleLb.Nodes[0].SubnetId];
        cp.TargetGroups.RegisterTargets(s_caller, new TargetsRequest
        {
            TargetGroupArn = elb.FreeGroup, Targets = [new TargetDescription { Id = middleSubnet.CidrBlock!.Value.AddressAt(20).ToString() }],
        });
        Console.Error.WriteLine($"# scans: world of {vpcs} VPCs built");
        return new World(state, built.Ids, rule, scratch, scratchSubnet, Services(vpcs), elb, middleVolume, vpcs);
    }

    /// <summary>Mean CPU µs of <paramref name="iterations"/> timed requests, each between its untimed set-up and clean-up.</summary>
    private static double Measure(World world, Case c, int iterations)
    {
        double spent = 0;
        for (var i = 0; i < iterations; i++)
        {
            var form = c.Before(world);
            var before = ThreadCpu.Microseconds();
            var xml = c.Run is { } run ? run(world, form) : InProcessCost.Execute(world.State, form);
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
