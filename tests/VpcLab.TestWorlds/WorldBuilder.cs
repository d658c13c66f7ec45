using System.Collections.Immutable;
using System.Globalization;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.TestWorlds;

/// <summary>Builds <see cref="Network"/> records directly, fast and deterministically, with AWS's defaults: a new
/// VPC gets a main route table with local routes, a default NACL that allows all (rules 100/101), and a default
/// security group (all in from itself, all out). Test-only: the ControlPlane is the real way to build worlds.
/// Also used by bench/VpcLab.Benchmarks for the generated topologies.</summary>
public sealed class WorldBuilder
{
    public const string Region = "us-east-1";
    public static readonly AccountId Account = new("111111111111");
    private static readonly AvailabilityZone ZoneA = new("us-east-1a", "use1-az1", Region);

    private readonly Dictionary<VpcId, Vpc> _vpcs = [];
    private readonly Dictionary<SubnetId, Subnet> _subnets = [];
    private readonly Dictionary<RouteTableId, RouteTable> _tables = [];
    private readonly Dictionary<InternetGatewayId, InternetGateway> _igws = [];
    private readonly Dictionary<EgressOnlyInternetGatewayId, EgressOnlyInternetGateway> _eigws = [];
    private readonly Dictionary<NatGatewayId, NatGateway> _nats = [];
    private readonly Dictionary<AllocationId, ElasticIpAddress> _eips = [];
    private readonly Dictionary<SecurityGroupId, SecurityGroup> _groups = [];
    private readonly Dictionary<NetworkAclId, NetworkAcl> _acls = [];
    private readonly Dictionary<NetworkInterfaceId, NetworkInterface> _interfaces = [];
    private readonly Dictionary<InstanceId, Instance> _instances = [];
    private readonly Dictionary<PrefixListId, ManagedPrefixList> _prefixLists = [];
    private readonly Dictionary<VpcPeeringConnectionId, VpcPeeringConnection> _peerings = [];
    private readonly Dictionary<string, Tags> _tags = [];
    private readonly Dictionary<SubnetId, ulong> _nextHost = [];
    private readonly Dictionary<SubnetId, ulong> _nextHostV6 = [];
    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);
    private long _counter;
    private uint _nextPublic = (54u << 24) | (160u << 16) | 10u;

    private string NewId(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{++_counter:x17}");

    private void Name(string id, string? name)
    {
        if (name is null)
            return;
        _tags[id] = Tags.Named(name);
        _byName[name] = id;
    }

    /// <summary>The id of the resource created with this name.</summary>
    public string Id(string name) => _byName.TryGetValue(name, out var id) ? id : throw new KeyNotFoundException(name);

    /// <summary>A VPC with its main table, default NACL and default group. <paramref name="owner"/> and
    /// <paramref name="region"/> set the VPC's own account and Region (for peerings); its children keep the defaults.</summary>
    public VpcId Vpc(string name, string cidr, string? ipv6 = null, AccountId? owner = null, string? region = null)
    {
        var id = new VpcId(NewId(IdPrefixes.Vpc));
        var v6 = ipv6 is null ? ImmutableArray<VpcCidrBlock>.Empty : [new VpcCidrBlock(NewId(IdPrefixes.VpcCidrAssociation), Cidr.Parse(ipv6), CidrBlockState.Associated)];
        var vpc = new Vpc(id, owner ?? Account, region ?? Region, [new VpcCidrBlock(NewId(IdPrefixes.VpcCidrAssociation), Cidr.Parse(cidr), CidrBlockState.Associated)],
            v6, true, false, false, "default");
        _vpcs[id] = vpc;
        Name(id.Value, name);

        var routes = vpc.AssociatedCidrs.Select(c => new Route(RouteDestination.To(c), RouteTarget.Local, RouteOrigin.CreateRouteTable));
        var main = new RouteTableId(NewId(IdPrefixes.RouteTable));
        _tables[main] = new RouteTable(main, id, Account, Region, [.. routes],
            [new RouteTableAssociation(new RouteTableAssociationId(NewId(IdPrefixes.RouteTableAssociation)), true, null, null)]);
        Name(main.Value, name + "-main-rt");

        var acl = new NetworkAclId(NewId(IdPrefixes.NetworkAcl));
        var entries = new List<NetworkAclEntry>
        {
            new(100, false, IpProtocol.All, RuleAction.Allow, Cidr.AnyV4, null, null),
            new(100, true, IpProtocol.All, RuleAction.Allow, Cidr.AnyV4, null, null),
        };
        if (ipv6 is not null)
        {
            entries.Add(new(101, false, IpProtocol.All, RuleAction.Allow, Cidr.AnyV6, null, null));
            entries.Add(new(101, true, IpProtocol.All, RuleAction.Allow, Cidr.AnyV6, null, null));
        }
        _acls[acl] = new NetworkAcl(acl, Account, Region, id, true, [.. entries], []);
        Name(acl.Value, name + "-default-acl");

        var sg = new SecurityGroupId(NewId(IdPrefixes.SecurityGroup));
        var rules = new List<SecurityGroupRule>
        {
            Rule(false, IpProtocol.All, -1, -1, new SecurityGroupPeer(sg, null, null)),
            Rule(true, IpProtocol.All, -1, -1, new CidrPeer(Cidr.AnyV4)),
        };
        if (ipv6 is not null)
            rules.Add(Rule(true, IpProtocol.All, -1, -1, new CidrPeer(Cidr.AnyV6)));
        _groups[sg] = new SecurityGroup(sg, Account, Region, id, VpcLab.Model.SecurityGroup.DefaultGroupName, "default VPC security group", [.. rules]);
        Name(sg.Value, name + "-default-sg");
        return id;
    }

    public RouteTableId MainRouteTable(VpcId vpc) => _tables.Values.First(t => t.VpcId == vpc && t.IsMain).Id;

    public NetworkAclId DefaultNetworkAcl(VpcId vpc) => _acls.Values.First(a => a.VpcId == vpc && a.IsDefault).Id;

    public SecurityGroupId DefaultSecurityGroup(VpcId vpc) => _groups.Values.First(g => g.VpcId == vpc && g.IsDefault).Id;

    public VpcId VpcOf(SubnetId subnet) => _subnets[subnet].VpcId;

    public void SetDnsSupport(VpcId vpc, bool enabled) => _vpcs[vpc] = _vpcs[vpc] with { EnableDnsSupport = enabled };

    /// <summary>The subnet attribute EnableDns64 (ModifySubnetAttribute --enable-dns64).</summary>
    public void SetDns64(SubnetId subnet, bool enabled) => _subnets[subnet] = _subnets[subnet] with { EnableDns64 = enabled };

    public SubnetId Subnet(string name, VpcId vpc, string cidr, string? ipv6 = null)
    {
        var id = new SubnetId(NewId(IdPrefixes.Subnet));
        var v6 = ipv6 is null ? null : new VpcCidrBlock(NewId(IdPrefixes.SubnetCidrAssociation), Cidr.Parse(ipv6), CidrBlockState.Associated);
        _subnets[id] = new Subnet(id, vpc, Account, Region, ZoneA, Cidr.Parse(cidr), v6, false, false, false);
        _nextHost[id] = 10;
        _nextHostV6[id] = 0x10;
        Name(id.Value, name);
        return id;
    }

    public InternetGatewayId InternetGateway(string name, VpcId? attachTo)
    {
        var id = new InternetGatewayId(NewId(IdPrefixes.InternetGateway));
        _igws[id] = new InternetGateway(id, Account, Region, attachTo);
        Name(id.Value, name);
        return id;
    }

    public void DetachInternetGateway(InternetGatewayId id) => _igws[id] = _igws[id] with { AttachedVpcId = null };

    public EgressOnlyInternetGatewayId EgressOnlyInternetGateway(string name, VpcId vpc)
    {
        var id = new EgressOnlyInternetGatewayId(NewId(IdPrefixes.EgressOnlyInternetGateway));
        _eigws[id] = new EgressOnlyInternetGateway(id, Account, Region, vpc);
        Name(id.Value, name);
        return id;
    }

    public NatGatewayId NatGateway(string name, SubnetId subnet, bool isPublic = true)
    {
        var id = new NatGatewayId(NewId(IdPrefixes.NatGateway));
        var s = _subnets[subnet];
        var eni = NewInterface(null, subnet, [], NetworkInterfaceType.NatGateway, sourceDestCheck: false, publicIp: false, ipv6: false, privateIp: null, attachment: null);
        var privateIp = _interfaces[eni].PrimaryPrivateIp;
        IpAddress? publicIp = null;
        AllocationId? allocation = null;
        if (isPublic)
        {
            allocation = ElasticIp(eni);
            publicIp = _eips[allocation.Value].PublicIp;
        }
        _nats[id] = new NatGateway(id, Account, Region, s.VpcId, subnet, isPublic ? NatConnectivityType.Public : NatConnectivityType.Private,
            allocation, eni, privateIp, publicIp, NatGatewayState.Available, DateTimeOffset.UnixEpoch);
        Name(id.Value, name);
        return id;
    }

    public void SetNatGatewayState(NatGatewayId id, NatGatewayState state) => _nats[id] = _nats[id] with { State = state };

    public NetworkInterfaceId NatGatewayInterface(NatGatewayId id) => _nats[id].NetworkInterfaceId;

    public AllocationId ElasticIp(NetworkInterfaceId eni, string? publicIp = null)
    {
        var id = new AllocationId(NewId(IdPrefixes.Allocation));
        var address = publicIp is null ? NextPublic() : IpAddress.Parse(publicIp);
        _eips[id] = new ElasticIpAddress(id, Account, Region, address, NewId(IdPrefixes.ElasticIpAssociation), eni, _interfaces[eni].PrimaryPrivateIp);
        return id;
    }

    private IpAddress NextPublic() => IpAddress.V4(_nextPublic++);

    public RouteTableId RouteTable(string name, VpcId vpc, params SubnetId[] subnets)
    {
        var id = new RouteTableId(NewId(IdPrefixes.RouteTable));
        var routes = _vpcs[vpc].AssociatedCidrs.Select(c => new Route(RouteDestination.To(c), RouteTarget.Local, RouteOrigin.CreateRouteTable));
        _tables[id] = new RouteTable(id, vpc, Account, Region, [.. routes], []);
        Name(id.Value, name);
        foreach (var s in subnets)
            Associate(id, s);
        return id;
    }

    public void Associate(RouteTableId table, SubnetId subnet)
    {
        foreach (var t in _tables.Values.Where(t => t.Associations.Any(a => a.SubnetId == subnet)).ToList())
            _tables[t.Id] = t with { Associations = t.Associations.RemoveAll(a => a.SubnetId == subnet) };
        var tbl = _tables[table];
        _tables[table] = tbl with { Associations = tbl.Associations.Add(new RouteTableAssociation(new RouteTableAssociationId(NewId(IdPrefixes.RouteTableAssociation)), false, subnet, null)) };
    }

    /// <summary>Associates a route table with an internet gateway (ingress routing).</summary>
    public void AssociateGateway(RouteTableId table, InternetGatewayId igw)
    {
        var tbl = _tables[table];
        _tables[table] = tbl with { Associations = tbl.Associations.Add(new RouteTableAssociation(new RouteTableAssociationId(NewId(IdPrefixes.RouteTableAssociation)), false, null, igw.Value)) };
    }

    public void Route(RouteTableId table, string destination, RouteTargetKind kind, string targetId)
    {
        var dest = destination.StartsWith("pl-", StringComparison.Ordinal)
            ? RouteDestination.To(new PrefixListId(destination))
            : RouteDestination.To(Cidr.Parse(destination));
        var tbl = _tables[table];
        var route = new Route(dest, kind == RouteTargetKind.Local ? RouteTarget.Local : new RouteTarget(kind, targetId), RouteOrigin.CreateRoute);
        // Replacing an existing destination (e.g. the local route's target) keeps one route per destination.
        var routes = tbl.Routes.RemoveAll(r => r.Destination == dest);
        _tables[table] = tbl with { Routes = routes.Add(route) };
    }

    public void Route(RouteTableId table, string destination, InternetGatewayId igw) => Route(table, destination, RouteTargetKind.InternetGateway, igw.Value);
    public void Route(RouteTableId table, string destination, EgressOnlyInternetGatewayId eigw) => Route(table, destination, RouteTargetKind.EgressOnlyInternetGateway, eigw.Value);
    public void Route(RouteTableId table, string destination, NatGatewayId nat) => Route(table, destination, RouteTargetKind.NatGateway, nat.Value);
    public void Route(RouteTableId table, string destination, NetworkInterfaceId eni) => Route(table, destination, RouteTargetKind.NetworkInterface, eni.Value);
    public void Route(RouteTableId table, string destination, VpcPeeringConnectionId pcx) => Route(table, destination, RouteTargetKind.VpcPeeringConnection, pcx.Value);
    public void Route(RouteTableId table, string destination, InstanceId instance) => Route(table, destination, RouteTargetKind.Instance, instance.Value);

    /// <summary>A VPC peering connection between two VPCs of this world, each end with its VPC's account, Region
    /// and CIDRs.</summary>
    public VpcPeeringConnectionId Peering(string name, VpcId requester, VpcId accepter,
        VpcPeeringConnectionState state = VpcPeeringConnectionState.Active)
    {
        var id = new VpcPeeringConnectionId(NewId(IdPrefixes.VpcPeeringConnection));
        _peerings[id] = new VpcPeeringConnection(id, End(requester), End(accepter), state, state.ToString(), null);
        Name(id.Value, name);
        return id;
    }

    private VpcPeeringConnectionVpcInfo End(VpcId vpc)
    {
        var v = _vpcs[vpc];
        return new VpcPeeringConnectionVpcInfo(v.OwnerId, v.Region, v.Id,
            [.. v.CidrBlocks.Where(b => b.State == CidrBlockState.Associated).Select(b => b.Cidr)],
            [.. v.Ipv6CidrBlocks.Where(b => b.State == CidrBlockState.Associated).Select(b => b.Cidr)], false);
    }

    public void SetPeeringState(VpcPeeringConnectionId id, VpcPeeringConnectionState state) =>
        _peerings[id] = _peerings[id] with { State = state };

    public SecurityGroupId SecurityGroup(string name, VpcId vpc, bool allowAllEgress = true)
    {
        var id = new SecurityGroupId(NewId(IdPrefixes.SecurityGroup));
        // Choice (docs/semantics.md): in a VPC with IPv6 a new group's default egress also covers ::/0.
        ImmutableArray<SecurityGroupRule> rules = !allowAllEgress ? []
            : _vpcs[vpc].HasIpv6 ? [Rule(true, IpProtocol.All, -1, -1, new CidrPeer(Cidr.AnyV4)), Rule(true, IpProtocol.All, -1, -1, new CidrPeer(Cidr.AnyV6))]
            : [Rule(true, IpProtocol.All, -1, -1, new CidrPeer(Cidr.AnyV4))];
        _groups[id] = new SecurityGroup(id, Account, Region, vpc, name, name, rules);
        Name(id.Value, name);
        return id;
    }

    private SecurityGroupRule Rule(bool egress, IpProtocol protocol, int from, int to, RulePeer peer) =>
        new(new SecurityGroupRuleId(NewId(IdPrefixes.SecurityGroupRule)), egress, protocol, from, to, peer, null);

    private static RulePeer Peer(string peer) => peer switch
    {
        _ when peer.StartsWith("sg-", StringComparison.Ordinal) => new SecurityGroupPeer(new SecurityGroupId(peer), null, null),
        _ when peer.StartsWith("pl-", StringComparison.Ordinal) => new PrefixListPeer(new PrefixListId(peer)),
        _ => new CidrPeer(Cidr.Parse(peer)),
    };

    /// <summary>Adds an inbound rule; <paramref name="peer"/> is a CIDR, an sg- id or a pl- id. For ICMP,
    /// from/to are type/code.</summary>
    public void Ingress(SecurityGroupId group, string protocol, int from, int to, string peer) =>
        AddRule(group, Rule(false, IpProtocol.Parse(protocol), from, to, Peer(peer)));

    public void Egress(SecurityGroupId group, string protocol, int from, int to, string peer) =>
        AddRule(group, Rule(true, IpProtocol.Parse(protocol), from, to, Peer(peer)));

    private void AddRule(SecurityGroupId group, SecurityGroupRule rule) =>
        _groups[group] = _groups[group] with { Rules = _groups[group].Rules.Add(rule) };

    public void ClearRules(SecurityGroupId group, bool egress) =>
        _groups[group] = _groups[group] with { Rules = _groups[group].Rules.RemoveAll(r => r.IsEgress == egress) };

    /// <summary>A custom NACL: no entries (everything denied by the '*' rules) until some are added.</summary>
    public NetworkAclId NetworkAcl(string name, VpcId vpc, params SubnetId[] subnets)
    {
        var id = new NetworkAclId(NewId(IdPrefixes.NetworkAcl));
        _acls[id] = new NetworkAcl(id, Account, Region, vpc, false, [], []);
        Name(id.Value, name);
        foreach (var s in subnets)
            AssociateAcl(id, s);
        return id;
    }

    public void AssociateAcl(NetworkAclId acl, SubnetId subnet)
    {
        foreach (var a in _acls.Values.Where(a => a.Associations.Any(x => x.SubnetId == subnet)).ToList())
            _acls[a.Id] = a with { Associations = a.Associations.RemoveAll(x => x.SubnetId == subnet) };
        _acls[acl] = _acls[acl] with { Associations = _acls[acl].Associations.Add(new NetworkAclAssociation(new NetworkAclAssociationId(NewId(IdPrefixes.NetworkAclAssociation)), subnet)) };
    }

    /// <summary>Adds a NACL entry. Ports apply to tcp/udp ("80" or "1024-65535"); for icmp pass "type:code".</summary>
    public void AclEntry(NetworkAclId acl, int rule, bool egress, string protocol, string action, string cidr, string? ports = null)
    {
        var proto = IpProtocol.Parse(protocol);
        PortRange? range = proto.HasPorts ? (ports is null ? PortRange.All : PortRange.Parse(ports)) : null;
        IcmpTypeCode? icmp = null;
        if (proto.IsIcmp)
        {
            var parts = (ports ?? "-1:-1").Split(':');
            icmp = new IcmpTypeCode(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        var entry = new NetworkAclEntry(rule, egress, proto, action == "allow" ? RuleAction.Allow : RuleAction.Deny, Cidr.Parse(cidr), range, icmp);
        var a = _acls[acl];
        _acls[acl] = a with { Entries = a.Entries.RemoveAll(e => e.RuleNumber == rule && e.Egress == egress).Add(entry) };
    }

    public void ClearAclEntries(NetworkAclId acl) => _acls[acl] = _acls[acl] with { Entries = [] };

    public PrefixListId PrefixList(string name, params string[] cidrs)
    {
        var id = new PrefixListId(NewId(IdPrefixes.PrefixList));
        var entries = cidrs.Select(c => new PrefixListEntry(Cidr.Parse(c), null)).ToImmutableArray();
        var family = entries.IsEmpty ? IpFamily.V4 : entries[0].Cidr.Family;
        _prefixLists[id] = new ManagedPrefixList(id, Account.Value, Region, name, family, entries, Math.Max(1, entries.Length), 1);
        Name(id.Value, name);
        return id;
    }

    /// <summary>An instance with one interface. <paramref name="publicIp"/> auto-assigns a public IPv4;
    /// <paramref name="ipv6"/> gives it an address from its subnet's IPv6 block.</summary>
    public (InstanceId Instance, NetworkInterfaceId Interface) Instance(string name, SubnetId subnet, SecurityGroupId[] groups,
        bool publicIp = false, bool ipv6 = false, string? privateIp = null, bool sourceDestCheck = true)
    {
        var id = new InstanceId(NewId(IdPrefixes.Instance));
        var s = _subnets[subnet];
        var attachment = new NetworkInterfaceAttachment(NewId(IdPrefixes.NetworkInterfaceAttachment), id, 0, true);
        var eni = NewInterface(null, subnet, groups, NetworkInterfaceType.Interface, sourceDestCheck, publicIp, ipv6, privateIp, attachment);
        _instances[id] = new Instance(id, Account, Region, "ami-12345678", "t3.micro", InstanceState.Running, subnet, s.VpcId, [eni], DateTimeOffset.UnixEpoch);
        Name(id.Value, name);
        return (id, eni);
    }

    /// <summary>A standalone interface (not attached to an instance).</summary>
    public NetworkInterfaceId Interface(string name, SubnetId subnet, SecurityGroupId[] groups, bool publicIp = false,
        bool ipv6 = false, string? privateIp = null, bool sourceDestCheck = true)
    {
        var eni = NewInterface(null, subnet, groups, NetworkInterfaceType.Interface, sourceDestCheck, publicIp, ipv6, privateIp, null);
        Name(eni.Value, name);
        return eni;
    }

    public void SetInstanceState(InstanceId id, InstanceState state) => _instances[id] = _instances[id] with { State = state };

    public void AddPrivateAddress(NetworkInterfaceId eni, string address)
    {
        var n = _interfaces[eni];
        _interfaces[eni] = n with { PrivateIpAddresses = n.PrivateIpAddresses.Add(new PrivateIpAddress(IpAddress.Parse(address), false, null)) };
    }

    public NetworkInterface InterfaceModel(NetworkInterfaceId eni) => _interfaces[eni];

    private NetworkInterfaceId NewInterface(string? name, SubnetId subnet, SecurityGroupId[] groups, NetworkInterfaceType type,
        bool sourceDestCheck, bool publicIp, bool ipv6, string? privateIp, NetworkInterfaceAttachment? attachment)
    {
        var id = new NetworkInterfaceId(NewId(IdPrefixes.NetworkInterface));
        var s = _subnets[subnet];
        IpAddress address;
        if (privateIp is not null)
        {
            address = IpAddress.Parse(privateIp);
        }
        else
        {
            address = s.CidrBlock!.Value.AddressAt(_nextHost[subnet]);
            _nextHost[subnet]++;
        }
        var publicAddress = publicIp ? NextPublic() : (IpAddress?)null;
        ImmutableArray<IpAddress> v6 = [];
        if (ipv6)
        {
            var block = s.Ipv6Cidr ?? throw new InvalidOperationException($"Subnet {subnet} has no IPv6 block.");
            v6 = [block.AddressAt(_nextHostV6[subnet]++)];
        }
        _interfaces[id] = new NetworkInterface(id, Account, Region, subnet, s.VpcId, s.AvailabilityZone.Name,
            [new PrivateIpAddress(address, true, publicAddress)], v6, [.. groups], sourceDestCheck, type, attachment, "", "02:00:00:00:00:00");
        Name(id.Value, name);
        return id;
    }

    public Network Build() => Network.Empty with
    {
        Accounts = ImmutableDictionary<AccountId, Account>.Empty.Add(Account, new Account(Account, "test")),
        Vpcs = _vpcs.ToImmutableDictionary(),
        Subnets = _subnets.ToImmutableDictionary(),
        RouteTables = _tables.ToImmutableDictionary(),
        InternetGateways = _igws.ToImmutableDictionary(),
        EgressOnlyInternetGateways = _eigws.ToImmutableDictionary(),
        NatGateways = _nats.ToImmutableDictionary(),
        ElasticIps = _eips.ToImmutableDictionary(),
        SecurityGroups = _groups.ToImmutableDictionary(),
        NetworkAcls = _acls.ToImmutableDictionary(),
        NetworkInterfaces = _interfaces.ToImmutableDictionary(),
        Instances = _instances.ToImmutableDictionary(),
        PrefixLists = _prefixLists.ToImmutableDictionary(),
        VpcPeeringConnections = _peerings.ToImmutableDictionary(),
        Tags = _tags.ToImmutableDictionary(),
    };

    public CompiledNetwork Compile() => CompiledNetwork.Compile(Build());
}
