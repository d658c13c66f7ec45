using System.Collections.Immutable;
using VpcLab.ControlPlane;
using VpcLab.Engine.Tests.TestWorlds;
using VpcLab.Model;

namespace VpcLab.Engine.Tests.GatewayEndpoints;

/// <summary>The seed's gateway-endpoint story as records: VPC "lab" (10.0.0.0/16, us-east-1) with a public subnet
/// (0.0.0.0/0 → igw, a NAT gateway, instance public-1 with a public IP), a private subnet (0.0.0.0/0 → nat,
/// instance private-1) and an isolated subnet (local only, instance isolated-1). The AWS-managed prefix lists of
/// every Region are in the world, as the control plane seeds them. The world is built on <see cref="Build"/>, so a
/// test adds routes, rules, endpoints and buckets first.</summary>
internal sealed class GatewayEndpointLab
{
    public const string Region = WorldBuilder.Region;
    public const string Bucket = "lab-bucket";
    public const string ObjectKey = "reports/q1.csv";
    public const string S3 = "3.5.0.10";           // S3AddressIn(us-east-1): the first S3 range's tenth address
    public const string S3Other = "52.216.1.10";   // another us-east-1 S3 range
    public const string S3EuWest1 = "3.5.64.10";   // S3 in eu-west-1
    public const string DynamoDb = "3.218.180.10"; // DynamoDB in us-east-1
    public const string S3Ipv6 = "2600:1fa0::a";          // the tenth address of S3's IPv6 range in us-east-1 (2600:1fa0::/40)
    public const string S3Ipv6EuWest1 = "2600:1fa0:200::a"; // S3's IPv6 range in eu-west-1

    private readonly List<VpcEndpoint> _endpoints = [];
    private readonly List<S3Bucket> _buckets = [];
    private readonly List<(RouteTableId Table, VpcEndpointId Endpoint, PrefixListId List)> _endpointRoutes = [];

    public WorldBuilder B { get; } = new();
    public VpcId Vpc { get; }
    public SubnetId Public { get; }
    public SubnetId Private { get; }
    public SubnetId Isolated { get; }
    public RouteTableId PublicRt { get; }
    public RouteTableId PrivateRt { get; }
    public RouteTableId IsolatedRt { get; }
    public InternetGatewayId Igw { get; }
    public NatGatewayId Nat { get; }
    public SecurityGroupId Sg { get; }
    public (InstanceId Instance, NetworkInterfaceId Interface) Public1 { get; }
    public (InstanceId Instance, NetworkInterfaceId Interface) Private1 { get; }
    public (InstanceId Instance, NetworkInterfaceId Interface) Isolated1 { get; }

    public GatewayEndpointLab()
    {
        Vpc = B.Vpc("lab", "10.0.0.0/16");
        Public = B.Subnet("public", Vpc, "10.0.0.0/24");
        Private = B.Subnet("private", Vpc, "10.0.1.0/24");
        Isolated = B.Subnet("isolated", Vpc, "10.0.2.0/24");
        Igw = B.InternetGateway("igw", Vpc);
        PublicRt = B.RouteTable("public-rt", Vpc, Public);
        B.Route(PublicRt, "0.0.0.0/0", Igw);
        Nat = B.NatGateway("nat", Public);
        PrivateRt = B.RouteTable("private-rt", Vpc, Private);
        B.Route(PrivateRt, "0.0.0.0/0", Nat);
        IsolatedRt = B.RouteTable("isolated-rt", Vpc, Isolated);
        Sg = B.SecurityGroup("app", Vpc);
        Public1 = B.Instance("public-1", Public, [Sg], publicIp: true);
        Private1 = B.Instance("private-1", Private, [Sg]);
        Isolated1 = B.Instance("isolated-1", Isolated, [Sg]);
    }

    /// <summary>The id of the AWS-managed prefix list of a service ("s3", "dynamodb") and family in a Region.</summary>
    public static PrefixListId PrefixList(string service, string region = Region, Net.IpFamily family = Net.IpFamily.V4)
    {
        var info = RegionCatalog.Default.Single(r => r.Name == region);
        var name = ManagedPrefixList.AwsServiceListName(region, service, family);
        return new PrefixListId(info.ManagedPrefixLists.Single(p => p.Name == name).Id);
    }

    /// <summary>The lists a gateway endpoint of this IP address type routes, as CreateVpcEndpoint adds them.</summary>
    public static PrefixListId[] PrefixListsFor(string service, VpcEndpointIpAddressType type) => type switch
    {
        VpcEndpointIpAddressType.Ipv6 => [PrefixList(service, family: Net.IpFamily.V6)],
        VpcEndpointIpAddressType.Dualstack => [PrefixList(service), PrefixList(service, family: Net.IpFamily.V6)],
        _ => [PrefixList(service)],
    };

    /// <summary>A gateway endpoint of <paramref name="vpc"/> (the lab's by default) with its prefix-list route in
    /// each table, as CreateVpcEndpoint makes them.</summary>
    public VpcEndpointId GatewayEndpoint(string service = "s3", RouteTableId[]? tables = null, string? policy = null,
        VpcEndpointState state = VpcEndpointState.Available, VpcId? vpc = null,
        VpcEndpointIpAddressType ipAddressType = VpcEndpointIpAddressType.Ipv4)
    {
        var id = new VpcEndpointId($"vpce-0ab{_endpoints.Count + 1:x14}");
        _endpoints.Add(new VpcEndpoint(id, WorldBuilder.Account, Region, vpc ?? Vpc, $"com.amazonaws.{Region}.{service}",
            VpcEndpointType.Gateway, state, (policy ?? PolicyDefault).Replace('\'', '"'), [.. tables ?? [PrivateRt]], [], [], [],
            false, ipAddressType, VpcEndpointDnsRecordIpType.ServiceDefined, "abcd1234", DateTimeOffset.UnixEpoch));
        foreach (var t in tables ?? [PrivateRt])
            foreach (var list in PrefixListsFor(service, ipAddressType))
                _endpointRoutes.Add((t, id, list));
        return id;
    }

    /// <summary>Takes the endpoint out of the world but leaves its routes (a deleted endpoint's routes are blackholes).</summary>
    public void Forget(VpcEndpointId id) => _endpoints.RemoveAll(e => e.Id == id);

    /// <summary>A bucket (policy with ' for ").</summary>
    public void S3Bucket(string name = Bucket, string? policy = null, string owner = "111111111111", string region = Region) =>
        _buckets.Add(new S3Bucket(name, new AccountId(owner), region, policy?.Replace('\'', '"')));

    public const string PolicyDefault = "{'Statement':[{'Action':'*','Effect':'Allow','Principal':'*','Resource':'*'}]}";

    public Network Build()
    {
        var n = WithAwsPrefixLists(B.Build());
        var tables = n.RouteTables;
        foreach (var (table, endpoint, list) in _endpointRoutes)
            tables = tables.SetItem(table, WithEndpointRoute(tables[table], list, endpoint));
        return n with
        {
            RouteTables = tables,
            VpcEndpoints = _endpoints.ToImmutableDictionary(e => e.Id),
            Buckets = _buckets.ToImmutableDictionary(b => b.Name, StringComparer.Ordinal),
        };
    }

    /// <summary>A world with the AWS-managed prefix lists of every Region, as the control plane seeds them.</summary>
    public static Network WithAwsPrefixLists(Network n)
    {
        var lists = n.PrefixLists;
        foreach (var region in RegionCatalog.Default)
        {
            foreach (var pl in region.ManagedPrefixLists)
                lists = lists.SetItem(new PrefixListId(pl.Id), pl.ToManagedPrefixList(region.Name));
        }
        return n with { PrefixLists = lists };
    }

    /// <summary>Any world plus an available S3 gateway endpoint of <paramref name="vpc"/> routed from
    /// <paramref name="tables"/> (for other tests' random worlds).</summary>
    public static Network WithS3GatewayEndpoint(Network n, VpcId vpc, params RouteTableId[] tables)
    {
        var id = new VpcEndpointId("vpce-0feed00000000000a");
        var endpoint = new VpcEndpoint(id, WorldBuilder.Account, Region, vpc, $"com.amazonaws.{Region}.s3", VpcEndpointType.Gateway,
            VpcEndpointState.Available, PolicyDefault.Replace('\'', '"'), [.. tables], [], [], [], false,
            VpcEndpointIpAddressType.Ipv4, VpcEndpointDnsRecordIpType.ServiceDefined, "abcd1234", DateTimeOffset.UnixEpoch);
        n = WithAwsPrefixLists(n);
        var routeTables = n.RouteTables;
        foreach (var t in tables)
            routeTables = routeTables.SetItem(t, WithEndpointRoute(routeTables[t], PrefixList("s3"), id));
        return n with { RouteTables = routeTables, VpcEndpoints = n.VpcEndpoints.SetItem(id, endpoint) };
    }

    private static RouteTable WithEndpointRoute(RouteTable t, PrefixListId list, VpcEndpointId endpoint) => t with
    {
        Routes = t.Routes.Add(new Route(RouteDestination.To(list), new RouteTarget(RouteTargetKind.GatewayEndpoint, endpoint.Value), RouteOrigin.CreateRoute)),
    };

    public CompiledNetwork Compile() => CompiledNetwork.Compile(Build());
}
