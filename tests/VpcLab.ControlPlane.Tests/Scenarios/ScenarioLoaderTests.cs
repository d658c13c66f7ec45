using VpcLab.TestWorlds;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Model;

namespace VpcLab.ControlPlane.Tests.Scenarios;

public class ScenarioLoaderTests
{
    public static TheoryData<string> Shipped() => [.. ShippedScenarios.All()];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Load_ShippedScenario_Succeeds(string name)
    {
        var loaded = ScenarioLoader.LoadFile(ShippedScenarios.PathOf(name));
        Assert.NotEmpty(loaded.Network.Vpcs);
        // EC2 ids, or the ARNs Elastic Load Balancing names its resources by.
        Assert.All(loaded.Ids.Values, id => Assert.Matches("^([a-z]+(-[a-z]+)*-[0-9a-f]{17}|arn:aws:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:(loadbalancer/net|targetgroup)/[A-Za-z0-9-]+/[0-9a-f]{16})$", id));
    }

    [Fact]
    public void Load_SameFileTwice_GivesTheSameIds()
    {
        var path = ShippedScenarios.PathOf("seed");
        Assert.Equal(ScenarioLoader.LoadFile(path).Ids, ScenarioLoader.LoadFile(path).Ids);
    }

    [Fact]
    public void Load_Seed_HasTheArchitectureItDescribes()
    {
        var loaded = ScenarioLoader.LoadFile(ShippedScenarios.PathOf("seed"));
        var n = loaded.Network;
        var vpc = n.Vpcs[new VpcId(loaded.IdOf("seed-vpc"))];
        Assert.True(vpc.HasIpv6);
        Assert.True(vpc.EnableDnsHostnames);
        Assert.Equal(6, n.SubnetsOf(vpc.Id).Count());
        Assert.Equal(2, n.SubnetsOf(vpc.Id).Select(s => s.AvailabilityZone.Name).Distinct().Count());
        Assert.Equal(vpc.Id, n.InternetGateways[new InternetGatewayId(loaded.IdOf("seed-igw"))].AttachedVpcId);
        Assert.Equal(new SubnetId(loaded.IdOf("public-a")), n.NatGateways[new NatGatewayId(loaded.IdOf("nat-a"))].SubnetId);
        // Subnets use the table the scenario associates them with; the db-acl replaced the default NACL association.
        Assert.Equal(loaded.IdOf("app-rt"), n.RouteTableFor(new SubnetId(loaded.IdOf("app-b"))).Id.Value);
        Assert.Equal(loaded.IdOf("db-acl"), n.NetworkAclFor(new SubnetId(loaded.IdOf("db-a"))).Id.Value);
        // web-2 asked for no public IP although its subnet maps one on launch.
        var web2 = n.NetworkInterfaces[n.Instances[new InstanceId(loaded.IdOf("web-2"))].PrimaryNetworkInterface];
        Assert.Null(n.PublicIpFor(web2, web2.PrivateIpAddresses[0]));
        var web1 = n.NetworkInterfaces[n.Instances[new InstanceId(loaded.IdOf("web-1"))].PrimaryNetworkInterface];
        Assert.NotNull(n.PublicIpFor(web1, web1.PrivateIpAddresses[0]));
        Assert.Single(web1.Ipv6Addresses);
    }

    // DESIGN.md: a scenario and the same sequence of API calls produce the same network.
    [Fact]
    public void Load_TinyScenario_EqualsTheSameApiCalls()
    {
        const string yaml = """
            vpcs:
              - name: v
                cidr: 10.0.0.0/16
                internet-gateway: gw
                subnets:
                  - { name: s, az: us-east-1a, cidr: 10.0.1.0/24 }
                route-tables:
                  - name: rt
                    subnets: [s]
                    routes:
                      - { destination: 0.0.0.0/0, target: gw }
            """;
        var loaded = ScenarioLoader.Load(ScenarioParser.Parse(yaml, "tiny.yaml"), "tiny.yaml");

        var cp = new Ec2ControlPlane(new ControlPlaneOptions { IdSeed = ScenarioLoader.ScenarioIdSeed });
        var ctx = RequestContext.Default;
        var vpc = cp.CreateVpc(ctx, new CreateVpcRequest { CidrBlock = "10.0.0.0/16", TagSpecifications = TagSpecification.Named("vpc", "v") }).Vpc;
        cp.CreateTags(ctx, new CreateTagsRequest { Resources = [cp.Network.MainRouteTable(vpc.Id).Id.Value], Tags = [new Tag("Name", "v-main")] });
        cp.CreateTags(ctx, new CreateTagsRequest { Resources = [cp.Network.NetworkAcls.Values.Single(a => a.IsDefault).Id.Value], Tags = [new Tag("Name", "v-default-acl")] });
        var igw = cp.CreateInternetGateway(ctx, new CreateInternetGatewayRequest { TagSpecifications = TagSpecification.Named("internet-gateway", "gw") }).InternetGateway;
        cp.AttachInternetGateway(ctx, new AttachInternetGatewayRequest { InternetGatewayId = igw.Id.Value, VpcId = vpc.Id.Value });
        var subnet = cp.CreateSubnet(ctx, new CreateSubnetRequest { VpcId = vpc.Id.Value, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1a", TagSpecifications = TagSpecification.Named("subnet", "s") }).Subnet;
        var rt = cp.CreateRouteTable(ctx, new CreateRouteTableRequest { VpcId = vpc.Id.Value, TagSpecifications = TagSpecification.Named("route-table", "rt") }).RouteTable;
        cp.AssociateRouteTable(ctx, new AssociateRouteTableRequest { RouteTableId = rt.Id.Value, SubnetId = subnet.Id.Value });
        cp.CreateRoute(ctx, new CreateRouteRequest { RouteTableId = rt.Id.Value, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw.Id.Value });

        var a = loaded.Network;
        var b = cp.Network;
        Assert.Equal(Json(b.Vpcs.Values), Json(a.Vpcs.Values));
        Assert.Equal(Json(b.Subnets.Values), Json(a.Subnets.Values));
        Assert.Equal(Json(b.InternetGateways.Values), Json(a.InternetGateways.Values));
        Assert.Equal(b.RouteTables.Values.Select(Describe).Order(), a.RouteTables.Values.Select(Describe).Order());
        Assert.Equal(b.Tags.Select(t => (t.Key, t.Value.Name)).Order(), a.Tags.Select(t => (t.Key, t.Value.Name)).Order());
    }

    /// <summary>Records holding immutable arrays compare them by reference; their JSON compares by value.</summary>
    private static string Json<T>(IEnumerable<T> values) => System.Text.Json.JsonSerializer.Serialize(values.ToList());

    private static string Describe(RouteTable t) =>
        $"{t.Id} {t.VpcId} main={t.IsMain} {string.Join(",", t.Routes.Select(r => $"{r.Destination}>{r.Target}"))} {string.Join(",", t.Associations.Select(x => $"{x.Id}:{x.SubnetId}"))}";
}
