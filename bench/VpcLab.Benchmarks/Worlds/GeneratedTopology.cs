using System.Collections.Immutable;
using System.Globalization;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Benchmarks.Worlds;

/// <summary>A large, deterministic world built straight as records: <c>vpcs</c> VPCs (non-overlapping /20s of
/// 10.0.0.0/8, each with an IPv6 /56), each shaped like the seed: public, app, app2 and db subnets, an internet
/// gateway, a NAT gateway with an Elastic IP, an egress-only gateway, four route tables, a database NACL, five
/// security groups (one with 20 CIDR rules), and <c>interfacesPerVpc</c> instances spread over the tiers.
/// With <c>endpoints</c>, every VPC also gets an S3 gateway endpoint routed from its private (app, db) route tables
/// and every fourth VPC an interface endpoint (one interface in each of two endpoint subnets, us-east-1a and
/// us-east-1b, endpoint-sg: tcp 443 from the VPC); the AWS-managed prefix lists are in the world, as the control
/// plane seeds them. Without it the world is exactly the one the earlier figures were measured on.</summary>
public static class GeneratedTopology
{
    private const string Region = "us-east-1";
    private static readonly AccountId Account = new("111111111111");
    private static readonly AvailabilityZone Zone = new("us-east-1a", "use1-az1", Region);
    private static readonly AvailabilityZone ZoneB = new("us-east-1b", "use1-az2", Region);

    public sealed record World(Network Network, ImmutableArray<NetworkInterfaceId> Web, ImmutableArray<NetworkInterfaceId> App,
        ImmutableArray<NetworkInterfaceId> Db)
    {
        /// <summary>The interface endpoints' interfaces, each with the index of its VPC in generation order.</summary>
        public ImmutableArray<(int Vpc, NetworkInterfaceId Interface)> EndpointInterfaces { get; init; } = [];
    }

    public static World Generate(int vpcs, int interfacesPerVpc, bool endpoints = false) =>
        Generate(vpcs, interfacesPerVpc, endpoints ? EndpointKinds.Both : EndpointKinds.None);

    /// <summary>Which endpoints the world gets (one kind alone, to see what each costs the other flows).</summary>
    [Flags]
    public enum EndpointKinds
    {
        None = 0,
        Gateway = 1,
        Interface = 2,
        Both = Gateway | Interface,
    }

    public static World Generate(int vpcs, int interfacesPerVpc, EndpointKinds kinds)
    {
        bool endpoints = kinds != EndpointKinds.None;
        if (vpcs > 4096)
            throw new ArgumentOutOfRangeException(nameof(vpcs), "At most 4096 /20s fit in 10.0.0.0/8.");
        long counter = 0;
        string Id(string prefix) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{++counter:x17}");

        var vpcMap = ImmutableDictionary.CreateBuilder<VpcId, Vpc>();
        var subnets = ImmutableDictionary.CreateBuilder<SubnetId, Subnet>();
        var tables = ImmutableDictionary.CreateBuilder<RouteTableId, RouteTable>();
        var igws = ImmutableDictionary.CreateBuilder<InternetGatewayId, InternetGateway>();
        var eigws = ImmutableDictionary.CreateBuilder<EgressOnlyInternetGatewayId, EgressOnlyInternetGateway>();
        var nats = ImmutableDictionary.CreateBuilder<NatGatewayId, NatGateway>();
        var eips = ImmutableDictionary.CreateBuilder<AllocationId, ElasticIpAddress>();
        var groups = ImmutableDictionary.CreateBuilder<SecurityGroupId, SecurityGroup>();
        var acls = ImmutableDictionary.CreateBuilder<NetworkAclId, NetworkAcl>();
        var enis = ImmutableDictionary.CreateBuilder<NetworkInterfaceId, NetworkInterface>();
        var instances = ImmutableDictionary.CreateBuilder<InstanceId, Instance>();
        var web = ImmutableArray.CreateBuilder<NetworkInterfaceId>();
        var app = ImmutableArray.CreateBuilder<NetworkInterfaceId>();
        var db = ImmutableArray.CreateBuilder<NetworkInterfaceId>();
        var vpces = ImmutableDictionary.CreateBuilder<VpcEndpointId, VpcEndpoint>();
        var endpointEnis = ImmutableArray.CreateBuilder<(int, NetworkInterfaceId)>();
        var s3List = S3PrefixList();
        uint nextPublic = (54u << 24) | (64u << 16);

        SecurityGroupRule Rule(bool egress, string protocol, int from, int to, RulePeer peer) =>
            new(new SecurityGroupRuleId(Id(IdPrefixes.SecurityGroupRule)), egress, IpProtocol.Parse(protocol), from, to, peer, null);
        RouteTableAssociation Assoc(SubnetId? subnet, bool main = false) =>
            new(new RouteTableAssociationId(Id(IdPrefixes.RouteTableAssociation)), main, subnet, null);
        Route Local(Cidr c) => new(RouteDestination.To(c), RouteTarget.Local, RouteOrigin.CreateRouteTable);
        Route To(string cidr, RouteTargetKind kind, string id) => new(RouteDestination.To(Cidr.Parse(cidr)), new RouteTarget(kind, id), RouteOrigin.CreateRoute);

        for (int v = 0; v < vpcs; v++)
        {
            var cidr = new Cidr(IpAddress.V4((10u << 24) + (uint)v * 4096u), 20);
            var v6 = new Cidr(IpAddress.V6(new UInt128(0x2600_1f18_0000_0000UL | ((ulong)v << 8), 0)), 56);
            var vpcId = new VpcId(Id(IdPrefixes.Vpc));
            vpcMap[vpcId] = new Vpc(vpcId, Account, Region,
                [new VpcCidrBlock(Id(IdPrefixes.VpcCidrAssociation), cidr, CidrBlockState.Associated)],
                [new VpcCidrBlock(Id(IdPrefixes.VpcCidrAssociation), v6, CidrBlockState.Associated)], true, true, false, "default");

            var tier = new SubnetId[4]; // public, app, app2, db
            for (int s = 0; s < 4; s++)
            {
                tier[s] = new SubnetId(Id(IdPrefixes.Subnet));
                var block = cidr.Subnet(24, (UInt128)s);
                var block6 = v6.Subnet(64, (UInt128)s);
                subnets[tier[s]] = new Subnet(tier[s], vpcId, Account, Region, Zone, block,
                    new VpcCidrBlock(Id(IdPrefixes.SubnetCidrAssociation), block6, CidrBlockState.Associated), s == 0, false, false);
            }

            var igw = new InternetGatewayId(Id(IdPrefixes.InternetGateway));
            igws[igw] = new InternetGateway(igw, Account, Region, vpcId);
            var eigw = new EgressOnlyInternetGatewayId(Id(IdPrefixes.EgressOnlyInternetGateway));
            eigws[eigw] = new EgressOnlyInternetGateway(eigw, Account, Region, vpcId);

            var natEni = new NetworkInterfaceId(Id(IdPrefixes.NetworkInterface));
            var natIp = subnets[tier[0]].CidrBlock!.Value.AddressAt(5);
            enis[natEni] = new NetworkInterface(natEni, Account, Region, tier[0], vpcId, Zone.Name,
                [new PrivateIpAddress(natIp, true, null)], [], [], false, NetworkInterfaceType.NatGateway, null, "NAT", "02:00:00:00:00:01");
            var alloc = new AllocationId(Id(IdPrefixes.Allocation));
            var natPublic = IpAddress.V4(nextPublic++);
            eips[alloc] = new ElasticIpAddress(alloc, Account, Region, natPublic, Id(IdPrefixes.ElasticIpAssociation), natEni, natIp);
            var nat = new NatGatewayId(Id(IdPrefixes.NatGateway));
            nats[nat] = new NatGateway(nat, Account, Region, vpcId, tier[0], NatConnectivityType.Public, alloc, natEni, natIp, natPublic,
                NatGatewayState.Available, DateTimeOffset.UnixEpoch);

            var main = new RouteTableId(Id(IdPrefixes.RouteTable));
            tables[main] = new RouteTable(main, vpcId, Account, Region, [Local(cidr), Local(v6)], [Assoc(null, main: true)]);
            var publicRt = new RouteTableId(Id(IdPrefixes.RouteTable));
            tables[publicRt] = new RouteTable(publicRt, vpcId, Account, Region,
                [Local(cidr), Local(v6), To("0.0.0.0/0", RouteTargetKind.InternetGateway, igw.Value), To("::/0", RouteTargetKind.InternetGateway, igw.Value)],
                [Assoc(tier[0])]);
            var appRt = new RouteTableId(Id(IdPrefixes.RouteTable));
            var dbRt = new RouteTableId(Id(IdPrefixes.RouteTable));
            // The S3 gateway endpoint's route (pl-… → vpce-…) comes last, as CreateVpcEndpoint adds it.
            ImmutableArray<Route> s3Route = [];
            if (kinds.HasFlag(EndpointKinds.Gateway))
            {
                var vpce = new VpcEndpointId(Id(IdPrefixes.VpcEndpoint));
                vpces[vpce] = new VpcEndpoint(vpce, Account, Region, vpcId, $"com.amazonaws.{Region}.s3", VpcEndpointType.Gateway,
                    VpcEndpointState.Available, FullAccessPolicy, [appRt, dbRt], [], [], [], false, VpcEndpointIpAddressType.Ipv4,
                    VpcEndpointDnsRecordIpType.ServiceDefined, "abcd1234", DateTimeOffset.UnixEpoch);
                s3Route = [new Route(RouteDestination.To(s3List.Id), new RouteTarget(RouteTargetKind.GatewayEndpoint, vpce.Value), RouteOrigin.CreateRoute)];
            }
            tables[appRt] = new RouteTable(appRt, vpcId, Account, Region,
                [Local(cidr), Local(v6), To("0.0.0.0/0", RouteTargetKind.NatGateway, nat.Value), To("::/0", RouteTargetKind.EgressOnlyInternetGateway, eigw.Value),
                 To("192.168.0.0/16", RouteTargetKind.NatGateway, nat.Value), To("172.16.0.0/12", RouteTargetKind.NatGateway, nat.Value), .. s3Route],
                [Assoc(tier[1]), Assoc(tier[2])]);
            tables[dbRt] = new RouteTable(dbRt, vpcId, Account, Region, [Local(cidr), Local(v6), .. s3Route], [Assoc(tier[3])]);

            var defaultAcl = new NetworkAclId(Id(IdPrefixes.NetworkAcl));
            acls[defaultAcl] = new NetworkAcl(defaultAcl, Account, Region, vpcId, true,
            [
                new(100, false, IpProtocol.All, RuleAction.Allow, Cidr.AnyV4, null, null),
                new(101, false, IpProtocol.All, RuleAction.Allow, Cidr.AnyV6, null, null),
                new(100, true, IpProtocol.All, RuleAction.Allow, Cidr.AnyV4, null, null),
                new(101, true, IpProtocol.All, RuleAction.Allow, Cidr.AnyV6, null, null),
            ], []);
            var dbAcl = new NetworkAclId(Id(IdPrefixes.NetworkAcl));
            var dbEntries = ImmutableArray.CreateBuilder<NetworkAclEntry>();
            for (int r = 0; r < 8; r++) // a few denies in front, as real NACLs grow
                dbEntries.Add(new(10 + r, false, IpProtocol.Tcp, RuleAction.Deny, new Cidr(IpAddress.V4((198u << 24) | (51u << 16) | ((uint)r << 8)), 24), PortRange.All, null));
            dbEntries.Add(new(100, false, IpProtocol.Tcp, RuleAction.Allow, subnets[tier[1]].CidrBlock!.Value, PortRange.Single(5432), null));
            dbEntries.Add(new(110, false, IpProtocol.Tcp, RuleAction.Allow, subnets[tier[2]].CidrBlock!.Value, PortRange.Single(5432), null));
            dbEntries.Add(new(100, true, IpProtocol.Tcp, RuleAction.Allow, cidr, PortRange.Ephemeral, null));
            acls[dbAcl] = new NetworkAcl(dbAcl, Account, Region, vpcId, false, dbEntries.ToImmutable(),
                [new NetworkAclAssociation(new NetworkAclAssociationId(Id(IdPrefixes.NetworkAclAssociation)), tier[3])]);

            var defaultSg = new SecurityGroupId(Id(IdPrefixes.SecurityGroup));
            groups[defaultSg] = new SecurityGroup(defaultSg, Account, Region, vpcId, SecurityGroup.DefaultGroupName, "default",
                [Rule(false, "-1", -1, -1, new SecurityGroupPeer(defaultSg, null, null)), Rule(true, "-1", -1, -1, new CidrPeer(Cidr.AnyV4)), Rule(true, "-1", -1, -1, new CidrPeer(Cidr.AnyV6))]);
            var webSg = new SecurityGroupId(Id(IdPrefixes.SecurityGroup));
            groups[webSg] = new SecurityGroup(webSg, Account, Region, vpcId, "web-sg", "web",
            [
                Rule(false, "tcp", 443, 443, new CidrPeer(Cidr.AnyV4)), Rule(false, "tcp", 443, 443, new CidrPeer(Cidr.AnyV6)),
                Rule(false, "tcp", 80, 80, new CidrPeer(Cidr.AnyV4)), Rule(false, "tcp", 22, 22, new CidrPeer(Cidr.Parse("203.0.113.0/24"))),
                Rule(true, "-1", -1, -1, new CidrPeer(Cidr.AnyV4)), Rule(true, "-1", -1, -1, new CidrPeer(Cidr.AnyV6)),
            ]);
            var appSg = new SecurityGroupId(Id(IdPrefixes.SecurityGroup));
            groups[appSg] = new SecurityGroup(appSg, Account, Region, vpcId, "app-sg", "app",
                [Rule(false, "tcp", 8080, 8080, new SecurityGroupPeer(webSg, null, null)), Rule(true, "-1", -1, -1, new CidrPeer(Cidr.AnyV4)), Rule(true, "-1", -1, -1, new CidrPeer(Cidr.AnyV6))]);
            var dbSg = new SecurityGroupId(Id(IdPrefixes.SecurityGroup));
            groups[dbSg] = new SecurityGroup(dbSg, Account, Region, vpcId, "db-sg", "db",
                [Rule(false, "tcp", 5432, 5432, new SecurityGroupPeer(appSg, null, null)), Rule(true, "-1", -1, -1, new CidrPeer(Cidr.AnyV4))]);
            var bigSg = new SecurityGroupId(Id(IdPrefixes.SecurityGroup));
            var bigRules = ImmutableArray.CreateBuilder<SecurityGroupRule>();
            for (int r = 0; r < 20; r++)
                bigRules.Add(Rule(false, "tcp", 9000 + r, 9000 + r, new CidrPeer(new Cidr(IpAddress.V4((100u << 24) | ((uint)r << 16)), 16))));
            groups[bigSg] = new SecurityGroup(bigSg, Account, Region, vpcId, "partners-sg", "partners", bigRules.ToImmutable());

            if (kinds.HasFlag(EndpointKinds.Interface) && v % 4 == 0)
            {
                // An interface endpoint (PrivateLink, SQS here): one requester-managed interface in each of two endpoint
                // subnets (the /24s after db), in two zones, guarded by endpoint-sg. Their subnets use the main table.
                var endpointSg = new SecurityGroupId(Id(IdPrefixes.SecurityGroup));
                groups[endpointSg] = new SecurityGroup(endpointSg, Account, Region, vpcId, "endpoint-sg", "endpoint",
                    [Rule(false, "tcp", 443, 443, new CidrPeer(cidr))]);
                var vpce = new VpcEndpointId(Id(IdPrefixes.VpcEndpoint));
                var endpointSubnets = ImmutableArray.CreateBuilder<SubnetId>();
                var endpointInterfaces = ImmutableArray.CreateBuilder<NetworkInterfaceId>();
                foreach (var (zone, index) in new[] { (Zone, 4), (ZoneB, 5) })
                {
                    var subnetId = new SubnetId(Id(IdPrefixes.Subnet));
                    var block = cidr.Subnet(24, (UInt128)index);
                    subnets[subnetId] = new Subnet(subnetId, vpcId, Account, Region, zone, block,
                        new VpcCidrBlock(Id(IdPrefixes.SubnetCidrAssociation), v6.Subnet(64, (UInt128)index), CidrBlockState.Associated), false, false, false);
                    var eniId = new NetworkInterfaceId(Id(IdPrefixes.NetworkInterface));
                    enis[eniId] = new NetworkInterface(eniId, Account, Region, subnetId, vpcId, zone.Name,
                        [new PrivateIpAddress(block.AddressAt(200), true, null)], [], [endpointSg], true,
                        NetworkInterfaceType.VpcEndpoint, null, $"VPC Endpoint Interface {vpce}", "02:00:00:00:0e:00")
                    { RequesterManaged = true };
                    endpointSubnets.Add(subnetId);
                    endpointInterfaces.Add(eniId);
                    endpointEnis.Add((v, eniId));
                }
                vpces[vpce] = new VpcEndpoint(vpce, Account, Region, vpcId, $"com.amazonaws.{Region}.sqs", VpcEndpointType.Interface,
                    VpcEndpointState.Available, FullAccessPolicy, [], endpointSubnets.ToImmutable(), [endpointSg], endpointInterfaces.ToImmutable(),
                    false, VpcEndpointIpAddressType.Ipv4, VpcEndpointDnsRecordIpType.Ipv4, "29p5708s", DateTimeOffset.UnixEpoch);
            }

            // Interfaces: 25% web (public subnet, every other one with a public IP), 40% app, 25% app2, 10% db.
            for (int n = 0; n < interfacesPerVpc; n++)
            {
                int slot = n * 100 / interfacesPerVpc;
                int tierIndex = slot < 25 ? 0 : slot < 65 ? 1 : slot < 90 ? 2 : 3;
                var subnet = subnets[tier[tierIndex]];
                var address = subnet.CidrBlock!.Value.AddressAt((UInt128)(10 + n));
                var address6 = subnet.Ipv6Cidr!.Value.AddressAt((UInt128)(0x100 + n));
                ImmutableArray<SecurityGroupId> sgs = tierIndex switch
                {
                    0 => [webSg],
                    1 or 2 => n % 7 == 0 ? [appSg, bigSg] : [appSg],
                    _ => [dbSg],
                };
                var instanceId = new InstanceId(Id(IdPrefixes.Instance));
                var eniId = new NetworkInterfaceId(Id(IdPrefixes.NetworkInterface));
                IpAddress? publicIp = tierIndex == 0 && n % 2 == 0 ? IpAddress.V4(nextPublic++) : null;
                enis[eniId] = new NetworkInterface(eniId, Account, Region, subnet.Id, vpcId, Zone.Name,
                    [new PrivateIpAddress(address, true, publicIp)], tierIndex < 3 ? [address6] : [], sgs, true,
                    NetworkInterfaceType.Interface, new NetworkInterfaceAttachment(Id(IdPrefixes.NetworkInterfaceAttachment), instanceId, 0, true), "", "02:00:00:00:00:02");
                instances[instanceId] = new Instance(instanceId, Account, Region, "ami-12345678", "t3.micro", InstanceState.Running,
                    subnet.Id, vpcId, [eniId], DateTimeOffset.UnixEpoch);
                (tierIndex == 0 ? web : tierIndex == 3 ? db : app).Add(eniId);
            }
        }

        var network = Network.Empty with
        {
            Vpcs = vpcMap.ToImmutable(),
            Subnets = subnets.ToImmutable(),
            RouteTables = tables.ToImmutable(),
            InternetGateways = igws.ToImmutable(),
            EgressOnlyInternetGateways = eigws.ToImmutable(),
            NatGateways = nats.ToImmutable(),
            ElasticIps = eips.ToImmutable(),
            SecurityGroups = groups.ToImmutable(),
            NetworkAcls = acls.ToImmutable(),
            NetworkInterfaces = enis.ToImmutable(),
            Instances = instances.ToImmutable(),
        };
        if (endpoints)
            network = network with { PrefixLists = AwsPrefixLists(), VpcEndpoints = vpces.ToImmutable() };
        return new World(network, web.ToImmutable(), app.ToImmutable(), db.ToImmutable()) { EndpointInterfaces = endpointEnis.ToImmutable() };
    }

    private const string FullAccessPolicy = """{"Statement":[{"Action":"*","Effect":"Allow","Principal":"*","Resource":"*"}]}""";

    /// <summary>The S3 prefix list of the Region (its ranges: <see cref="S3Addresses"/>).</summary>
    private static ManagedPrefixList S3PrefixList() => AwsPrefixLists().Values.Single(p => p.Name == $"com.amazonaws.{Region}.s3");

    /// <summary>The AWS-managed prefix lists of every Region, as the control plane seeds them.</summary>
    private static ImmutableDictionary<PrefixListId, ManagedPrefixList> AwsPrefixLists()
    {
        var lists = ImmutableDictionary.CreateBuilder<PrefixListId, ManagedPrefixList>();
        foreach (var region in RegionCatalog.Default)
        {
            foreach (var pl in region.ManagedPrefixLists)
                lists[new PrefixListId(pl.Id)] = pl.ToManagedPrefixList(region.Name);
        }
        return lists.ToImmutable();
    }

    /// <summary>Two S3 addresses of the Region, in different ranges of its prefix list (the tenth address of each).</summary>
    public static (IpAddress First, IpAddress Second) S3Addresses()
    {
        var prefixes = AwsIpRanges.Default.PrefixesOf(Region, "S3");
        return (prefixes[0].AddressAt(10), prefixes[^1].AddressAt(10));
    }
}
