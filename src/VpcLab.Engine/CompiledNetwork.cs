using System.Collections.Frozen;
using VpcLab.Engine.Compilation;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>A <see cref="Network"/> snapshot compiled into arrays and lookup tables. Immutable and thread-safe:
/// compile once per snapshot, cache it, and answer flows from any thread. <see cref="Decide"/> answers a flow
/// without allocating; <see cref="Trace(TraceRequest)"/> explains it hop by hop.</summary>
public sealed partial class CompiledNetwork
{
    private readonly Network _network;
    private readonly CompiledVpc[] _vpcs;
    private readonly CompiledSubnet[] _subnets;
    private readonly CompiledInterface[] _interfaces;
    private readonly CompiledRouteTable[] _routeTables;
    // Flattened hot data: routes, NACL entries and SG rules of every table, NACL and group set in one array each.
    private readonly RouteTableSlice[] _tableSlices;
    private readonly RouteEntry[] _routeEntries;
    private readonly CompiledRoute[] _routes;
    private readonly AclEntry[] _aclEntries;
    private readonly int[] _aclRanges;
    private readonly SgRule[] _sgRules;
    private readonly int[] _sgRanges;

    /// <summary>Tables with more entries than this per family use the interval LPM table rather than a scan.</summary>
    private const int LinearScanLimit = 24;
    private readonly CompiledAcl[] _acls;
    private readonly CompiledSecurityGroupSet[] _securityGroupSets;
    private readonly CompiledNat[] _nats;
    private readonly int[] _egressOnlyVpc;

    private readonly Vpc[] _vpcModels;
    private readonly Subnet[] _subnetModels;
    private readonly NetworkInterface[] _interfaceModels;
    private readonly SecurityGroup[] _securityGroupModels;
    private readonly InternetGateway[] _internetGatewayModels;
    private readonly EgressOnlyInternetGateway[] _egressOnlyModels;
    private readonly NatGateway[] _natModels;
    private readonly ManagedPrefixList[] _prefixListModels;
    private readonly VpcPeeringConnection[] _peeringModels;
    private readonly CompiledPeering[] _peerings;
    private readonly VpcCidrEntry[] _vpcCidrEntries;
    /// <summary>The VPC index of each security group (−1 when its VPC is not in the snapshot).</summary>
    private readonly int[] _groupVpc;
    /// <summary>Pairs of VPCs (<see cref="PairKey"/>) joined by an active same-Region peering: their security
    /// groups may reference each other.</summary>
    private readonly HashSet<ulong> _sgReferencePeers;

    private static ulong PairKey(int a, int b) =>
        a < b ? ((ulong)(uint)a << 32) | (uint)b : ((ulong)(uint)b << 32) | (uint)a;

    // IPv4 keys are packed into integers (VPC index << 32 | address): small entries, cheap hashing, fewer cache
    // lines per lookup on big worlds.
    private readonly Dictionary<ulong, int> _privateV4;
    private readonly Dictionary<VpcAddress, int> _privateV6;
    private readonly Dictionary<ulong, uint> _privateToPublic;
    private readonly Dictionary<uint, PublicTarget> _publicToPrivate;
    private readonly Dictionary<AddressKey, int> _globalV6;
    private readonly LongestPrefixMatchTable<int> _vpcCidrs;

    private readonly FrozenDictionary<NetworkInterfaceId, int> _interfaceIndex;
    private readonly FrozenDictionary<VpcId, int> _vpcIndex;

    /// <summary>True when the peering's two VPCs are in different Regions (flow logs' traffic-path 5, else 4).</summary>
    internal bool PeeringIsInterRegion(int pcx) => _peerings[pcx].InterRegion;

    /// <summary>The snapshot this was compiled from.</summary>
    public Network Network => _network;

    public int InterfaceCount => _interfaces.Length;

    /// <summary>Compiles a snapshot. Costs time and memory proportional to the world; do it once per snapshot.</summary>
    public static CompiledNetwork Compile(Network network) => new(network);

    private CompiledNetwork(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;

        _vpcModels = [.. network.Vpcs.Values.OrderBy(v => v.Id.Value, StringComparer.Ordinal)];
        _vpcIndex = Index(_vpcModels, v => v.Id);
        _subnetModels = [.. network.Subnets.Values.Where(s => _vpcIndex.ContainsKey(s.VpcId)).OrderBy(s => s.Id.Value, StringComparer.Ordinal)];
        var subnetIndex = Index(_subnetModels, s => s.Id);
        _interfaceModels = [.. network.NetworkInterfaces.Values.Where(n => subnetIndex.ContainsKey(n.SubnetId)).OrderBy(n => n.Id.Value, StringComparer.Ordinal)];
        _interfaceIndex = Index(_interfaceModels, n => n.Id);
        _securityGroupModels = [.. network.SecurityGroups.Values.OrderBy(g => g.Id.Value, StringComparer.Ordinal)];
        var groupIndex = Index(_securityGroupModels, g => g.Id);
        _internetGatewayModels = [.. network.InternetGateways.Values.OrderBy(g => g.Id.Value, StringComparer.Ordinal)];
        var igwIndex = Index(_internetGatewayModels, g => g.Id);
        _egressOnlyModels = [.. network.EgressOnlyInternetGateways.Values.OrderBy(g => g.Id.Value, StringComparer.Ordinal)];
        var eigwIndex = Index(_egressOnlyModels, g => g.Id);
        _natModels = [.. network.NatGateways.Values.Where(n => _interfaceIndex.ContainsKey(n.NetworkInterfaceId)).OrderBy(n => n.Id.Value, StringComparer.Ordinal)];
        var natIndex = Index(_natModels, n => n.Id);
        _prefixListModels = [.. network.PrefixLists.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal)];
        var prefixListIndex = Index(_prefixListModels, p => p.Id);
        _peeringModels = [.. network.VpcPeeringConnections.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal)];
        var peeringIndex = Index(_peeringModels, p => p.Id);
        _peerings = new CompiledPeering[_peeringModels.Length];
        _sgReferencePeers = [];
        for (int i = 0; i < _peeringModels.Length; i++)
        {
            var m = _peeringModels[i];
            _peerings[i] = new CompiledPeering
            {
                Requester = _vpcIndex.GetValueOrDefault(m.Requester.VpcId, -1),
                Accepter = _vpcIndex.GetValueOrDefault(m.Accepter.VpcId, -1),
                Active = m.IsActive,
                InterRegion = m.IsInterRegion,
            };
            if (m.IsActive && !m.IsInterRegion && _peerings[i].Requester >= 0 && _peerings[i].Accepter >= 0)
                _sgReferencePeers.Add(PairKey(_peerings[i].Requester, _peerings[i].Accepter));
        }
        _groupVpc = [.. _securityGroupModels.Select(g => _vpcIndex.GetValueOrDefault(g.VpcId, -1))];
        var tableModels = network.RouteTables.Values.Where(t => _vpcIndex.ContainsKey(t.VpcId)).OrderBy(t => t.Id.Value, StringComparer.Ordinal).ToArray();
        var aclModels = network.NetworkAcls.Values.Where(a => _vpcIndex.ContainsKey(a.VpcId)).OrderBy(a => a.Id.Value, StringComparer.Ordinal).ToArray();

        // VPCs: gateways attached, DNS resolver.
        _vpcs = new CompiledVpc[_vpcModels.Length];
        var cidrEntries = new List<VpcCidrEntry>();
        for (int i = 0; i < _vpcModels.Length; i++)
        {
            var v = _vpcModels[i];
            int cidrStart = cidrEntries.Count;
            foreach (var c in v.AssociatedCidrs)
                cidrEntries.Add(new VpcCidrEntry(c.Network.Value, Cidr.Mask(c.Family, c.PrefixLength), c.Family));
            _vpcs[i] = new CompiledVpc
            {
                CidrStart = cidrStart,
                CidrCount = cidrEntries.Count - cidrStart,
                InternetGateway = -1,
                EgressOnlyInternetGateway = -1,
                GatewayRouteTable = -1,
                MainRouteTable = -1,
                DnsResolver = v.CidrBlocks.IsDefaultOrEmpty ? default : v.DnsResolverAddress,
                DnsSupport = v.EnableDnsSupport,
            };
        }
        _vpcCidrEntries = [.. cidrEntries];
        for (int i = 0; i < _internetGatewayModels.Length; i++)
        {
            if (_internetGatewayModels[i].AttachedVpcId is { } vpcId && _vpcIndex.TryGetValue(vpcId, out int v) && _vpcs[v].InternetGateway < 0)
                _vpcs[v].InternetGateway = i;
        }
        _egressOnlyVpc = new int[_egressOnlyModels.Length];
        for (int i = 0; i < _egressOnlyModels.Length; i++)
        {
            _egressOnlyVpc[i] = _vpcIndex.GetValueOrDefault(_egressOnlyModels[i].VpcId, -1);
            if (_egressOnlyVpc[i] >= 0 && _vpcs[_egressOnlyVpc[i]].EgressOnlyInternetGateway < 0)
                _vpcs[_egressOnlyVpc[i]].EgressOnlyInternetGateway = i;
        }

        // Which table and NACL each subnet uses (explicit association, else the VPC's main table / default NACL).
        var tableOfSubnet = new Dictionary<SubnetId, int>();
        var mainTable = new Dictionary<VpcId, int>();
        for (int i = 0; i < tableModels.Length; i++)
        {
            foreach (var a in tableModels[i].Associations)
            {
                if (a.Main)
                    mainTable.TryAdd(tableModels[i].VpcId, i);
                if (a.SubnetId is { } s)
                    tableOfSubnet.TryAdd(s, i);
                if (a.GatewayId is { } g && igwIndex.TryGetValue(new InternetGatewayId(g), out int igw)
                    && _internetGatewayModels[igw].AttachedVpcId is { } gv && _vpcIndex.TryGetValue(gv, out int gvi))
                    _vpcs[gvi].GatewayRouteTable = i;
            }
        }
        // AWS always gives a VPC a main table; a snapshot without one (malformed) gets one with the local routes.
        foreach (var v in _vpcModels)
        {
            if (!mainTable.ContainsKey(v.Id))
            {
                mainTable[v.Id] = tableModels.Length;
                var stand = new RouteTable(new RouteTableId("rtb-main-" + v.Id.Value), v.Id, v.OwnerId, v.Region,
                    [.. v.AssociatedCidrs.Select(c => new Route(RouteDestination.To(c), RouteTarget.Local, RouteOrigin.CreateRouteTable))],
                    [new RouteTableAssociation(new RouteTableAssociationId("rtbassoc-main-" + v.Id.Value), true, null, null)]);
                tableModels = [.. tableModels, stand];
            }
        }
        foreach (var (vpcId, mainIndex) in mainTable)
        {
            if (_vpcIndex.TryGetValue(vpcId, out int mv))
                _vpcs[mv].MainRouteTable = mainIndex;
        }
        var aclOfSubnet = new Dictionary<SubnetId, int>();
        var defaultAcl = new Dictionary<VpcId, int>();
        for (int i = 0; i < aclModels.Length; i++)
        {
            if (aclModels[i].IsDefault)
                defaultAcl.TryAdd(aclModels[i].VpcId, i);
            foreach (var a in aclModels[i].Associations)
                aclOfSubnet.TryAdd(a.SubnetId, i);
        }
        _acls = [.. aclModels.Select(CompileAcl)];
        // A VPC without any NACL record still filters nothing out: give it an allow-all stand-in? No: AWS always
        // has a default NACL; a snapshot without one is malformed, so such subnets deny (empty NACL).
        int emptyAcl = -1;

        _subnets = new CompiledSubnet[_subnetModels.Length];
        for (int i = 0; i < _subnetModels.Length; i++)
        {
            var s = _subnetModels[i];
            int table = tableOfSubnet.TryGetValue(s.Id, out int t) ? t : mainTable.GetValueOrDefault(s.VpcId, -1);
            int acl = aclOfSubnet.TryGetValue(s.Id, out int a) ? a : defaultAcl.GetValueOrDefault(s.VpcId, -1);
            if (acl < 0)
            {
                if (emptyAcl < 0)
                {
                    emptyAcl = _acls.Length;
                    _acls = [.. _acls, CompileAcl(new NetworkAcl(new NetworkAclId("acl-missing"), s.OwnerId, s.Region, s.VpcId, true, [], []))];
                }
                acl = emptyAcl;
            }
            var v6 = s.Ipv6Cidr;
            _subnets[i] = new CompiledSubnet
            {
                Vpc = _vpcIndex[s.VpcId],
                RouteTable = table,
                Acl = acl,
                V4Network = s.CidrBlock.Network.Value,
                V4Mask = Cidr.Mask(IpFamily.V4, s.CidrBlock.PrefixLength),
                HasV6 = v6 is not null,
                V6Network = v6?.Network.Value ?? 0,
                V6Mask = v6 is { } c ? Cidr.Mask(IpFamily.V6, c.PrefixLength) : 0,
            };
        }

        // Interfaces, their addresses and their security group sets (shared between identical group lists).
        var natOfInterface = new Dictionary<NetworkInterfaceId, int>();
        for (int i = 0; i < _natModels.Length; i++)
            natOfInterface[_natModels[i].NetworkInterfaceId] = i;
        var setIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = new List<CompiledSecurityGroupSet>();
        _interfaces = new CompiledInterface[_interfaceModels.Length];
        _privateV4 = [];
        _privateV6 = [];
        _globalV6 = [];
        for (int i = 0; i < _interfaceModels.Length; i++)
        {
            var n = _interfaceModels[i];
            int vpc = _vpcIndex[n.VpcId];
            int[] groups = [.. n.Groups.Where(groupIndex.ContainsKey).Select(g => groupIndex[g]).Distinct().Order()];
            string key = string.Join(',', groups);
            if (!setIndex.TryGetValue(key, out int set))
            {
                set = sets.Count;
                setIndex[key] = set;
                sets.Add(CompileSecurityGroupSet(groups, groupIndex, prefixListIndex));
            }
            int nat = natOfInterface.GetValueOrDefault(n.Id, -1);
            bool usable = nat >= 0
                ? _natModels[nat].State is NatGatewayState.Available or NatGatewayState.Pending
                : n.Attachment is null || (network.Instances.TryGetValue(n.Attachment.InstanceId, out var inst) && inst.State == InstanceState.Running);
            var primary = n.PrivateIpAddresses.FirstOrDefault(p => p.Primary) ?? n.PrivateIpAddresses.FirstOrDefault();
            _interfaces[i] = new CompiledInterface
            {
                Vpc = vpc,
                Subnet = subnetIndex[n.SubnetId],
                SecurityGroupSet = set,
                // AWS turns the check off on the interfaces it manages for NAT gateways.
                SourceDestCheck = nat < 0 && n.SourceDestCheck,
                Usable = usable,
                NatGateway = nat,
                HasV4 = primary is not null && primary.Address.IsV4,
                PrimaryV4Value = primary is not null && primary.Address.IsV4 ? (uint)primary.Address.Value : 0,
                HasV6 = !n.Ipv6Addresses.IsDefaultOrEmpty,
                PrimaryV6Value = n.Ipv6Addresses.IsDefaultOrEmpty ? 0 : n.Ipv6Addresses[0].Value,
            };
            foreach (var p in n.PrivateIpAddresses)
                AddPrivate(vpc, p.Address, i);
            foreach (var a in n.Ipv6Addresses)
            {
                AddPrivate(vpc, a, i);
                _globalV6.TryAdd(new AddressKey(a), i);
            }
        }
        _securityGroupSets = [.. sets];
        CompileInterfaceEndpoints(network);

        _nats = new CompiledNat[_natModels.Length];
        for (int i = 0; i < _natModels.Length; i++)
        {
            var m = _natModels[i];
            int eni = _interfaceIndex[m.NetworkInterfaceId];
            _nats[i] = new CompiledNat
            {
                Interface = eni,
                Subnet = _interfaces[eni].Subnet,
                Vpc = _interfaces[eni].Vpc,
                Public = m.ConnectivityType == NatConnectivityType.Public,
                PrivateIp = m.PrivateIp,
            };
        }

        // The internet gateway's 1:1 NAT: Elastic IPs first, then auto-assigned public IPs, then a public NAT
        // gateway's address (a private NAT gateway has none, so an internet gateway drops its traffic).
        _privateToPublic = [];
        _publicToPrivate = [];
        foreach (var eip in network.ElasticIps.Values.OrderBy(e => e.AllocationId.Value, StringComparer.Ordinal))
        {
            if (eip.NetworkInterfaceId is { } eniId && eip.PrivateIp is { } priv && _interfaceIndex.TryGetValue(eniId, out int eni))
                AddPublic(eni, priv, eip.PublicIp);
        }
        for (int i = 0; i < _interfaceModels.Length; i++)
        {
            foreach (var p in _interfaceModels[i].PrivateIpAddresses)
            {
                if (p.AutoAssignedPublicIp is { } pub)
                    AddPublic(i, p.Address, pub);
            }
        }
        for (int i = 0; i < _natModels.Length; i++)
        {
            if (_natModels[i].ConnectivityType == NatConnectivityType.Public && _natModels[i].PublicIp is { } pub)
                AddPublic(_nats[i].Interface, _nats[i].PrivateIp, pub);
        }

        _vpcCidrs = new LongestPrefixMatchTable<int>(
            _vpcModels.SelectMany((v, i) => v.AssociatedCidrs.Select(c => (c, i))).ToList());

        (_gatewayEndpointModels, _gatewayEndpointVpc, _gatewayEndpointIndex) = CompileGatewayEndpoints(network);
        _routeTables = [.. tableModels.Select(t => CompileRouteTable(t, igwIndex, eigwIndex, natIndex, prefixListIndex, peeringIndex))];

        // Flatten routes: per table, entries of each family sorted by prefix length, longest first (stable, so for
        // equal CIDRs the LPM table's choice, the first, is kept: it dropped the duplicates already).
        _tableSlices = new RouteTableSlice[_routeTables.Length];
        var entries = new List<RouteEntry>();
        var routes = new List<CompiledRoute>();
        for (int t = 0; t < _routeTables.Length; t++)
        {
            var table = _routeTables[t];
            var slice = new RouteTableSlice { RouteBase = routes.Count };
            routes.AddRange(table.Routes);
            var lpmEntries = table.Lookup.Entries;
            var v4 = Enumerable.Range(0, lpmEntries.Length).Where(i => lpmEntries[i].Cidr.IsV4).OrderByDescending(i => lpmEntries[i].Cidr.PrefixLength).ToList();
            var v6 = Enumerable.Range(0, lpmEntries.Length).Where(i => lpmEntries[i].Cidr.IsV6).OrderByDescending(i => lpmEntries[i].Cidr.PrefixLength).ToList();
            slice.Large = v4.Count > LinearScanLimit || v6.Count > LinearScanLimit;
            slice.V4Start = entries.Count;
            slice.V4Count = v4.Count;
            foreach (int i in v4)
                entries.Add(new RouteEntry(lpmEntries[i].Cidr.Network.Value, Cidr.Mask(IpFamily.V4, lpmEntries[i].Cidr.PrefixLength), table.EntryRoute[i]));
            slice.V6Start = entries.Count;
            slice.V6Count = v6.Count;
            foreach (int i in v6)
                entries.Add(new RouteEntry(lpmEntries[i].Cidr.Network.Value, Cidr.Mask(IpFamily.V6, lpmEntries[i].Cidr.PrefixLength), table.EntryRoute[i]));
            _tableSlices[t] = slice;
        }
        _routeEntries = [.. entries];
        _routes = [.. routes];

        (_aclEntries, _aclRanges) = Flatten(_acls.Select(a => a.Buckets).ToList());
        (_sgRules, _sgRanges) = Flatten(_securityGroupSets.Select(g => g.Buckets).ToList());
    }

    private static FrozenDictionary<TKey, int> Index<T, TKey>(T[] items, Func<T, TKey> key) where TKey : notnull
    {
        var d = new Dictionary<TKey, int>(items.Length);
        for (int i = 0; i < items.Length; i++)
            d.TryAdd(key(items[i]), i);
        return d.ToFrozenDictionary();
    }

    /// <summary>The index <see cref="Decide"/> takes for an interface, or −1 when the snapshot has no such interface.</summary>
    public int InterfaceIndexOf(NetworkInterfaceId id) => _interfaceIndex.GetValueOrDefault(id, -1);

    public NetworkInterfaceId InterfaceIdAt(int index) => _interfaceModels[index].Id;
}
