using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Tests;

public sealed partial class RouteTableTests
{
    /// <summary>A VPC with IPv6, two subnets, an attached IGW, an EIGW, a NAT gateway, an ENI and an instance.</summary>
    private sealed class World
    {
        public World()
        {
            (Lab, Vpc, Subnet, Table) = Setup(ipv6: true);
            Igw = Lab.AttachedIgw(Vpc);
            Eigw = Lab.Cp.CreateEgressOnlyInternetGateway(Ctx, new CreateEgressOnlyInternetGatewayRequest { VpcId = Vpc.Id.Value }).EgressOnlyInternetGateway;
            Second = Lab.Subnet(Vpc, "10.0.2.0/24", ipv6: TestLab.Ipv6Subnet(Vpc, 1));
            Nat = Lab.Nat(Subnet);
            Eni = Lab.Eni(Second);
            Instance = Lab.Instance(Second);
        }

        public TestLab Lab { get; }
        public Vpc Vpc { get; }
        public Subnet Subnet { get; }
        public Subnet Second { get; }
        public RouteTable Table { get; }
        public InternetGateway Igw { get; }
        public EgressOnlyInternetGateway Eigw { get; }
        public NatGateway Nat { get; }
        public NetworkInterface Eni { get; }
        public Instance Instance { get; }

        public string Target(string kind) => kind switch
        {
            "igw" => Igw.Id.Value,
            "eigw" => Eigw.Id.Value,
            "nat" => Nat.Id.Value,
            "eni" => Eni.Id.Value,
            "instance" => Instance.Id.Value,
            _ => kind,
        };

        public ReturnResult Create(string destination, string kind, string? tableId = null)
        {
            var target = Target(kind);
            bool v6 = Resolve(destination).Contains(':', StringComparison.Ordinal);
            bool prefixList = destination.StartsWith("pl-", StringComparison.Ordinal);
            return Lab.Cp.CreateRoute(Ctx, new CreateRouteRequest
            {
                RouteTableId = tableId ?? Table.Id.Value,
                DestinationCidrBlock = !v6 && !prefixList ? Resolve(destination) : null,
                DestinationIpv6CidrBlock = v6 ? Resolve(destination) : null,
                DestinationPrefixListId = prefixList ? destination : null,
                GatewayId = kind is "igw" || kind.StartsWith("igw-", StringComparison.Ordinal) || kind.StartsWith("vgw-", StringComparison.Ordinal) || kind.StartsWith("vpce-", StringComparison.Ordinal) ? target : null,
                EgressOnlyInternetGatewayId = kind == "eigw" ? target : null,
                NatGatewayId = kind == "nat" ? target : null,
                NetworkInterfaceId = kind == "eni" ? target : null,
                InstanceId = kind == "instance" ? target : null,
                VpcPeeringConnectionId = kind.StartsWith("pcx-", StringComparison.Ordinal) ? target : null,
            });
        }

        /// <summary>"subnet-v6" and "vpc-v6" stand for the first subnet's /64 and the VPC's /56.</summary>
        public string Resolve(string destination) => destination switch
        {
            "subnet-v6" => Subnet.Ipv6Cidr.ToString()!,
            "vpc-v6" => Vpc.Ipv6CidrBlocks[0].Cidr.ToString(),
            _ => destination,
        };
    }

    // AWS: routes to each kind of target the lab models.
    [Theory]
    [InlineData("0.0.0.0/0", "igw", RouteTargetKind.InternetGateway)]
    [InlineData("::/0", "igw", RouteTargetKind.InternetGateway)]
    [InlineData("::/0", "eigw", RouteTargetKind.EgressOnlyInternetGateway)]
    [InlineData("0.0.0.0/0", "nat", RouteTargetKind.NatGateway)]
    [InlineData("64:ff9b::/96", "nat", RouteTargetKind.NatGateway)] // NAT64
    [InlineData("192.168.0.0/16", "eni", RouteTargetKind.NetworkInterface)]
    [InlineData("172.16.0.0/12", "instance", RouteTargetKind.Instance)]
    [InlineData("10.0.0.0/8", "nat", RouteTargetKind.NatGateway)] // larger than the VPC CIDR: fine
    [InlineData("pl-63a5400a", "igw", RouteTargetKind.InternetGateway)] // AWS-managed S3 list as destination
    public void CreateRoute_ValidTarget_RouteActive(string destination, string kind, RouteTargetKind expected)
    {
        var w = new World();
        Assert.True(w.Create(destination, kind).Return);
        var table = w.Lab.Table(w.Table.Id);
        var route = table.Routes.Single(r => r.Destination.ToString() == w.Resolve(destination));
        Assert.Equal(expected, route.Target.Kind);
        Assert.Equal(RouteOrigin.CreateRoute, route.Origin);
        Assert.Equal(RouteState.Active, w.Lab.N.RouteState(table, route));
    }

    // AWS: a route equal to or more specific than the local route only for an entire subnet CIDR, and only to
    // a NAT gateway, a network interface or a GWLB endpoint.
    [Theory]
    [InlineData("10.0.2.0/24", "nat", true)]
    [InlineData("10.0.2.0/24", "eni", true)]
    [InlineData("subnet-v6", "eni", true)]
    [InlineData("10.0.2.0/24", "igw", false)]
    [InlineData("10.0.2.0/24", "instance", false)]
    [InlineData("10.0.2.0/25", "nat", false)] // not a whole subnet
    [InlineData("10.0.5.0/24", "eni", false)] // inside the VPC but no such subnet
    public void CreateRoute_MoreSpecificThanLocal_OnlyWholeSubnetToMiddlebox(string destination, string kind, bool allowed)
    {
        var w = new World();
        if (allowed)
            w.Create(destination, kind);
        else
            w.Lab.Fails(Ec2Errors.InvalidParameterValueCode, () => w.Create(destination, kind));
    }

    // AWS: RouteAlreadyExists for a destination already in the table (including the local route's).
    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.0.0.0/16")]
    [InlineData("vpc-v6")]
    public void CreateRoute_SameDestination_RouteAlreadyExists(string destination)
    {
        var w = new World();
        w.Create("0.0.0.0/0", "igw");
        var error = w.Lab.Fails(RouteTableErrors.RouteAlreadyExistsCode, () => w.Create(destination, "igw"));
        Assert.Equal($"The route identified by {w.Resolve(destination)} already exists.", error.Message);
    }

    // Family rules: EIGW is IPv6 only; NAT gateway IPv4 only (except NAT64).
    [Theory]
    [InlineData("0.0.0.0/0", "eigw")]
    [InlineData("::/0", "nat")]
    public void CreateRoute_WrongFamilyForTarget_InvalidParameterValue(string destination, string kind)
    {
        var w = new World();
        w.Lab.Fails(Ec2Errors.InvalidParameterValueCode, () => w.Create(destination, kind));
    }

    // Unknown or unmodelled targets are the target's NotFound; gateway endpoints cannot be route targets by hand.
    [Theory]
    [InlineData("igw-0123456789abcdef0", "InvalidGatewayID.NotFound")]
    [InlineData("vgw-0123456789abcdef0", "InvalidGatewayID.NotFound")]
    [InlineData("pcx-0123456789abcdef0", "InvalidVpcPeeringConnectionID.NotFound")]
    [InlineData("vpce-0123456789abcdef0", "RouteNotSupported")]
    public void CreateRoute_UnknownTarget_NotFound(string target, string code)
    {
        var w = new World();
        var before = w.Lab.N;
        w.Lab.FailsWith(code, () => w.Create("0.0.0.0/0", target));
        Assert.Same(before, w.Lab.N);
    }

    // Choice (docs/semantics.md#route-to-detached-igw): an internet gateway not attached to the table's
    // VPC is InvalidParameterValue "... belong to different networks".
    [Fact]
    public void CreateRoute_DetachedInternetGateway_InvalidParameterValue()
    {
        var w = new World();
        var loose = w.Lab.Cp.CreateInternetGateway(Ctx, new CreateInternetGatewayRequest()).InternetGateway;
        var error = w.Lab.Fails(Ec2Errors.InvalidParameterValueCode, () => w.Create("0.0.0.0/0", loose.Id.Value));
        Assert.Contains("belong to different networks", error.Message, StringComparison.Ordinal);
    }

    // AWS: exactly one destination and exactly one target.
    [Fact]
    public void CreateRoute_TwoTargets_InvalidParameterCombination()
    {
        var w = new World();
        w.Lab.Fails(Ec2Errors.InvalidParameterCombinationCode, () => w.Lab.Cp.CreateRoute(Ctx, new CreateRouteRequest
        {
            RouteTableId = w.Table.Id.Value, DestinationCidrBlock = "0.0.0.0/0", GatewayId = w.Igw.Id.Value, NatGatewayId = w.Nat.Id.Value,
        }));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("::/0")] // IPv6 text in DestinationCidrBlock
    public void CreateRoute_BadDestination_InvalidParameterValue(string destination)
    {
        var w = new World();
        var error = w.Lab.Fails(Ec2Errors.InvalidParameterValueCode, () => w.Lab.Cp.CreateRoute(Ctx, new CreateRouteRequest
        {
            RouteTableId = w.Table.Id.Value, DestinationCidrBlock = destination, GatewayId = w.Igw.Id.Value,
        }));
        Assert.Equal($"Value ({destination}) for parameter destinationCidrBlock is invalid. This is not a valid CIDR block.", error.Message);
    }

    // AWS: no routes to the link-local reserved ranges or subsets of them.
    [Theory]
    [InlineData("169.254.168.0/22")]
    [InlineData("169.254.169.0/24")]
    public void CreateRoute_LinkLocalReserved_InvalidParameterValue(string destination)
    {
        var w = new World();
        w.Lab.Fails(Ec2Errors.InvalidParameterValueCode, () => w.Create(destination, "igw"));
    }

    // AWS (amazon-vpc-limits, route tables): 500 non-propagated routes per table per family by default (RouteLimitExceeded).
    [Fact]
    public void CreateRoute_QuotaReached_RouteLimitExceeded()
    {
        var w = new World();
        Assert.Equal(500, Ec2Quotas.AwsDefaults.RoutesPerRouteTable);
        for (int i = 0; i < 500; i++)
            w.Create($"{100 + (i / 256)}.{i % 256}.0.0/16", "igw");
        w.Lab.Fails(RouteTableErrors.RouteLimitExceededCode, () => w.Create("193.0.0.0/16", "igw"));
        w.Create("2001:db8::/32", "igw"); // the IPv6 family has its own count
    }

    // AWS: DeleteRoute of an unknown destination is InvalidRoute.NotFound; the local route cannot be deleted.
    [Fact]
    public void DeleteRoute_Missing_InvalidRouteNotFound()
    {
        var w = new World();
        var error = w.Lab.Fails(RouteTableErrors.InvalidRouteNotFound, () => w.Lab.Cp.DeleteRoute(Ctx,
            new DeleteRouteRequest { RouteTableId = w.Table.Id.Value, DestinationCidrBlock = "1.0.0.0/8" }));
        Assert.Equal($"no route with destination-cidr-block 1.0.0.0/8 in route table {w.Table.Id}", error.Message);
    }

    [Fact]
    public void DeleteRoute_Local_InvalidParameterValue()
    {
        var w = new World();
        w.Lab.Fails(Ec2Errors.InvalidParameterValueCode, () => w.Lab.Cp.DeleteRoute(Ctx,
            new DeleteRouteRequest { RouteTableId = w.Table.Id.Value, DestinationCidrBlock = "10.0.0.0/16" }));
    }

    [Fact]
    public void DeleteRoute_Existing_Removed()
    {
        var w = new World();
        w.Create("0.0.0.0/0", "igw");
        w.Lab.Cp.DeleteRoute(Ctx, new DeleteRouteRequest { RouteTableId = w.Table.Id.Value, DestinationCidrBlock = "0.0.0.0/0" });
        Assert.DoesNotContain(w.Lab.Table(w.Table.Id).Routes, r => r.Destination.Cidr == Cidr.AnyV4);
    }

    // AWS: ReplaceRoute on a missing destination is InvalidParameterValue ("Use CreateRoute instead.").
    [Fact]
    public void ReplaceRoute_Missing_InvalidParameterValue()
    {
        var w = new World();
        var error = w.Lab.Fails(Ec2Errors.InvalidParameterValueCode, () => w.Lab.Cp.ReplaceRoute(Ctx,
            new ReplaceRouteRequest { RouteTableId = w.Table.Id.Value, DestinationCidrBlock = "0.0.0.0/0", NatGatewayId = w.Nat.Id.Value }));
        Assert.Equal("There is no route defined for '0.0.0.0/0' in the route table. Use CreateRoute instead.", error.Message);
    }

    [Fact]
    public void ReplaceRoute_Existing_TargetChanged()
    {
        var w = new World();
        w.Create("0.0.0.0/0", "igw");
        w.Lab.Cp.ReplaceRoute(Ctx, new ReplaceRouteRequest { RouteTableId = w.Table.Id.Value, DestinationCidrBlock = "0.0.0.0/0", NatGatewayId = w.Nat.Id.Value });
        var route = w.Lab.Table(w.Table.Id).Routes.Single(r => r.Destination.Cidr == Cidr.AnyV4);
        Assert.Equal(new RouteTarget(RouteTargetKind.NatGateway, w.Nat.Id.Value), route.Target);
    }

    // AWS: the local route's target may become a NAT gateway / ENI and be restored with LocalTarget=true.
    [Fact]
    public void ReplaceRoute_LocalToEniAndBack_Allowed()
    {
        var w = new World();
        w.Lab.Cp.ReplaceRoute(Ctx, new ReplaceRouteRequest { RouteTableId = w.Table.Id.Value, DestinationCidrBlock = "10.0.0.0/16", NetworkInterfaceId = w.Eni.Id.Value });
        Assert.Equal(RouteTargetKind.NetworkInterface, w.Lab.Table(w.Table.Id).Routes.Single(r => r.Destination.Cidr == Cidr.Parse("10.0.0.0/16")).Target.Kind);
        w.Lab.Cp.ReplaceRoute(Ctx, new ReplaceRouteRequest { RouteTableId = w.Table.Id.Value, DestinationCidrBlock = "10.0.0.0/16", LocalTarget = true });
        Assert.True(w.Lab.Table(w.Table.Id).Routes.Single(r => r.Destination.Cidr == Cidr.Parse("10.0.0.0/16")).IsLocal);
        w.Lab.Fails(Ec2Errors.InvalidParameterValueCode, () => w.Lab.Cp.ReplaceRoute(Ctx,
            new ReplaceRouteRequest { RouteTableId = w.Table.Id.Value, DestinationCidrBlock = "10.0.0.0/16", GatewayId = w.Igw.Id.Value }));
    }

    // AWS: routes whose target is gone turn blackhole: NAT gateway deleted, EIGW deleted, instance stopped.
    [Theory]
    [InlineData("0.0.0.0/0", "nat")]
    [InlineData("::/0", "eigw")]
    [InlineData("172.16.0.0/12", "instance")]
    public void Route_TargetRemoved_Blackhole(string destination, string kind)
    {
        var w = new World();
        w.Create(destination, kind);
        _ = kind switch
        {
            "nat" => (object)w.Lab.Cp.DeleteNatGateway(Ctx, new DeleteNatGatewayRequest { NatGatewayId = w.Nat.Id.Value }),
            "eigw" => w.Lab.Cp.DeleteEgressOnlyInternetGateway(Ctx, new DeleteEgressOnlyInternetGatewayRequest { EgressOnlyInternetGatewayId = w.Eigw.Id.Value }),
            _ => w.Lab.Cp.StopInstances(Ctx, new StopInstancesRequest { InstanceIds = [w.Instance.Id.Value] }),
        };
        var table = w.Lab.Table(w.Table.Id);
        var route = table.Routes.Single(r => r.Destination.ToString() == destination);
        Assert.Equal(RouteState.Blackhole, w.Lab.N.RouteState(table, route));
        var described = w.Lab.Cp.DescribeRouteTables(Ctx, new DescribeRouteTablesRequest { Filters = [new Filter("route.state", "blackhole")] });
        Assert.Equal(w.Table.Id, Assert.Single(described.RouteTables).Id);
    }

    // Only a VPC's own CIDRs route to local, and those routes come with the table.
    [Fact]
    public void CreateRoute_LocalTarget_InvalidParameterValue()
    {
        var w = new World();
        w.Lab.Fails(Ec2Errors.InvalidParameterValueCode, () => w.Lab.Cp.CreateRoute(Ctx, new CreateRouteRequest
        {
            RouteTableId = w.Table.Id.Value, DestinationCidrBlock = "192.168.0.0/16", GatewayId = "local",
        }));
    }
}
