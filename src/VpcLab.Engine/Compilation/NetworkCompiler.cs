using System.Collections.Frozen;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>Compiles a <see cref="Network"/> into a <see cref="CompiledNetwork"/>, stage by stage: models and
/// their indices, VPCs, peerings, route table and NACL choice, subnets, interfaces with their security groups and
/// addresses, interface endpoints, NAT gateways, the internet gateway's public addresses, route tables, and
/// finally the filters flattened. Compiling may use LINQ and allocate; the tables it produces are read-only
/// from then on. One compiler compiles one snapshot.</summary>
internal sealed class NetworkCompiler
{
    private readonly Network _network;
    private readonly CompiledModels _models;
    private readonly SubnetAssociations _associations;
    private CompiledVpc[] _vpcs = [];
    private VpcCidrEntry[] _vpcCidrEntries = [];
    private int[] _egressOnlyVpc = [];
    private CompiledPeering[] _peerings = [];
    private readonly HashSet<ulong> _sgReferencePeers = [];
    private RouteTable[] _tableModels = [];
    /// <summary>Per VPC: the main table, or the stand-in compiled for a malformed snapshot without one.</summary>
    private int[] _mainTable = [];
    private CompiledAcl[] _acls = [];
    private CompiledSubnet[] _subnets = [];
    private CompiledInterface[] _interfaces = [];
    private CompiledSecurityGroupSet[] _securityGroupSets = [];
    private int[] _endpointOfInterface = [];
    private CompiledNat[] _nats = [];
    private readonly Dictionary<ulong, int> _privateV4 = [];
    private readonly Dictionary<VpcAddress, int> _privateV6 = [];
    private readonly Dictionary<AddressKey, int> _globalV6 = [];
    private Dictionary<ulong, uint> _privateToPublic = [];
    private Dictionary<uint, PublicTarget> _publicToPrivate = [];

    private NetworkCompiler(Network network)
    {
        _network = network;
        _models = IndexModels(network);
        _associations = SubnetAssociations.Of(network);
    }

    public static CompiledNetwork Compile(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var compiler = new NetworkCompiler(network);
        compiler.CompileVpcs();
        compiler.CompilePeerings();
        compiler.ChooseMainRouteTables();
        compiler.CompileSubnets();
        compiler.CompileInterfaces();
        compiler.CompileInterfaceEndpoints();
        compiler.CompileNatGateways();
        compiler.MapPublicAddresses();
        var routing = compiler.CompileRouteTables();
        var compiled = compiler.Assemble(routing);
        LoadBalancerCompiler.Complete(compiled); // last: it walks the nodes' health checks through the compiled network
        PrivateLinkCompiler.FailAway(compiler._models, compiled); // then cross-Region endpoints leave nodes out of DNS
        return compiled;
    }

    /// <summary>Stage 1: every model the walk can reach, sorted by id (compiled indices are positions in these
    /// arrays), without resources whose VPC, subnet or interface is missing from the snapshot.</summary>
    private static CompiledModels IndexModels(Network network)
    {
        Vpc[] vpcs = [.. network.Vpcs.Values.OrderBy(v => v.Id.Value, StringComparer.Ordinal)];
        var vpcIndex = Index(vpcs, v => v.Id);
        Subnet[] subnets = [.. network.Subnets.Values.Where(s => vpcIndex.ContainsKey(s.VpcId)).OrderBy(s => s.Id.Value, StringComparer.Ordinal)];
        var subnetIndex = Index(subnets, s => s.Id);
        NetworkInterface[] interfaces = [.. network.NetworkInterfaces.Values.Where(n => subnetIndex.ContainsKey(n.SubnetId)).OrderBy(n => n.Id.Value, StringComparer.Ordinal)];
        var interfaceIndex = Index(interfaces, n => n.Id);
        SecurityGroup[] groups = [.. network.SecurityGroups.Values.OrderBy(g => g.Id.Value, StringComparer.Ordinal)];
        InternetGateway[] igws = [.. network.InternetGateways.Values.OrderBy(g => g.Id.Value, StringComparer.Ordinal)];
        EgressOnlyInternetGateway[] eigws = [.. network.EgressOnlyInternetGateways.Values.OrderBy(g => g.Id.Value, StringComparer.Ordinal)];
        NatGateway[] nats = [.. network.NatGateways.Values.Where(n => interfaceIndex.ContainsKey(n.NetworkInterfaceId)).OrderBy(n => n.Id.Value, StringComparer.Ordinal)];
        ManagedPrefixList[] prefixLists = [.. network.PrefixLists.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal)];
        VpcPeeringConnection[] peerings = [.. network.VpcPeeringConnections.Values.OrderBy(p => p.Id.Value, StringComparer.Ordinal)];
        VpcEndpoint[] gatewayEndpoints = [.. network.VpcEndpoints.Values.Where(e => e.IsGateway).OrderBy(e => e.Id.Value, StringComparer.Ordinal)];
        VpcEndpoint[] interfaceEndpoints = [.. network.VpcEndpoints.Values.Where(e => e.IsInterface).OrderBy(e => e.Id.Value, StringComparer.Ordinal)];
        return new CompiledModels
        {
            Network = network,
            Vpcs = vpcs,
            Subnets = subnets,
            Interfaces = interfaces,
            SecurityGroups = groups,
            InternetGateways = igws,
            EgressOnlyInternetGateways = eigws,
            NatGateways = nats,
            PrefixLists = prefixLists,
            Peerings = peerings,
            GatewayEndpoints = gatewayEndpoints,
            InterfaceEndpoints = interfaceEndpoints,
            VpcIndex = vpcIndex,
            SubnetIndex = subnetIndex,
            InterfaceIndex = interfaceIndex,
            SecurityGroupIndex = Index(groups, g => g.Id),
            InternetGatewayIndex = Index(igws, g => g.Id),
            EgressOnlyInternetGatewayIndex = Index(eigws, g => g.Id),
            NatGatewayIndex = Index(nats, n => n.Id),
            PrefixListIndex = Index(prefixLists, p => p.Id),
            PeeringIndex = Index(peerings, p => p.Id),
            GatewayEndpointIndex = Index(gatewayEndpoints, e => e.Id),
        };
    }

    private static FrozenDictionary<TKey, int> Index<T, TKey>(T[] items, Func<T, TKey> key) where TKey : notnull
    {
        var d = new Dictionary<TKey, int>(items.Length);
        for (int i = 0; i < items.Length; i++)
            d.TryAdd(key(items[i]), i);
        return d.ToFrozenDictionary();
    }

    /// <summary>Stage 2: VPCs, their CIDRs, DNS resolver and attached gateways.</summary>
    private void CompileVpcs()
    {
        var vpcs = _models.Vpcs;
        _vpcs = new CompiledVpc[vpcs.Length];
        var cidrEntries = new List<VpcCidrEntry>();
        for (int i = 0; i < vpcs.Length; i++)
        {
            var v = vpcs[i];
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
        for (int i = 0; i < _models.InternetGateways.Length; i++)
        {
            if (_models.InternetGateways[i].AttachedVpcId is { } vpcId && _models.VpcIndex.TryGetValue(vpcId, out int v) && _vpcs[v].InternetGateway < 0)
                _vpcs[v].InternetGateway = i;
        }
        var eigws = _models.EgressOnlyInternetGateways;
        _egressOnlyVpc = new int[eigws.Length];
        for (int i = 0; i < eigws.Length; i++)
        {
            _egressOnlyVpc[i] = _models.VpcIndex.GetValueOrDefault(eigws[i].VpcId, -1);
            if (_egressOnlyVpc[i] >= 0 && _vpcs[_egressOnlyVpc[i]].EgressOnlyInternetGateway < 0)
                _vpcs[_egressOnlyVpc[i]].EgressOnlyInternetGateway = i;
        }
    }

    /// <summary>Stage 3: peering connections, and which VPC pairs may reference each other's security groups
    /// (an active same-Region peering, any accounts).</summary>
    private void CompilePeerings()
    {
        var models = _models.Peerings;
        _peerings = new CompiledPeering[models.Length];
        for (int i = 0; i < models.Length; i++)
        {
            var m = models[i];
            _peerings[i] = new CompiledPeering
            {
                Requester = _models.VpcIndex.GetValueOrDefault(m.Requester.VpcId, -1),
                Accepter = _models.VpcIndex.GetValueOrDefault(m.Accepter.VpcId, -1),
                Active = m.IsActive,
                InterRegion = m.IsInterRegion,
            };
            if (m.IsActive && !m.IsInterRegion && _peerings[i].Requester >= 0 && _peerings[i].Accepter >= 0)
                _sgReferencePeers.Add(FilterTables.PairKey(_peerings[i].Requester, _peerings[i].Accepter));
        }
    }

    /// <summary>Stage 4: the route tables to compile, each VPC's main table and its internet gateway's table
    /// (ingress routing). AWS always gives a VPC a main table; a malformed snapshot without one gets a stand-in
    /// with the local routes.</summary>
    private void ChooseMainRouteTables()
    {
        var tables = _network.RouteTables.Values.Where(t => _models.VpcIndex.ContainsKey(t.VpcId))
            .OrderBy(t => t.Id.Value, StringComparer.Ordinal).ToList();
        var tableIndex = new Dictionary<RouteTableId, int>();
        for (int i = 0; i < tables.Count; i++)
            tableIndex.TryAdd(tables[i].Id, i);
        _mainTable = new int[_vpcs.Length];
        for (int v = 0; v < _vpcs.Length; v++)
        {
            var vpc = _models.Vpcs[v];
            if (_associations.MainRouteTableOf(vpc.Id) is { } main && tableIndex.TryGetValue(main.Id, out int m))
            {
                _mainTable[v] = m;
                continue;
            }
            _mainTable[v] = tables.Count;
            tables.Add(new RouteTable(new RouteTableId("rtb-main-" + vpc.Id.Value), vpc.Id, vpc.OwnerId, vpc.Region,
                [.. vpc.AssociatedCidrs.Select(c => new Route(RouteDestination.To(c), RouteTarget.Local, RouteOrigin.CreateRouteTable))],
                [new RouteTableAssociation(new RouteTableAssociationId("rtbassoc-main-" + vpc.Id.Value), true, null, null)]));
        }
        for (int v = 0; v < _vpcs.Length; v++)
            _vpcs[v].MainRouteTable = _mainTable[v];
        for (int i = 0; i < tables.Count; i++)
        {
            foreach (var a in tables[i].Associations)
            {
                if (a.GatewayId is { } g && _models.InternetGatewayIndex.TryGetValue(new InternetGatewayId(g), out int igw)
                    && _models.InternetGateways[igw].AttachedVpcId is { } gv && _models.VpcIndex.TryGetValue(gv, out int gvi))
                    _vpcs[gvi].GatewayRouteTable = i;
            }
        }
        _tableModels = [.. tables];
    }

    /// <summary>Stage 5: subnets with their CIDRs, route table and network ACL, chosen by the model's rule
    /// (<see cref="SubnetAssociations"/>). A subnet without a NACL (a malformed snapshot: AWS always has a
    /// default one) gets an empty NACL, which denies everything.</summary>
    private void CompileSubnets()
    {
        var tableIndex = new Dictionary<RouteTableId, int>();
        for (int i = 0; i < _tableModels.Length; i++)
            tableIndex.TryAdd(_tableModels[i].Id, i);
        var aclModels = _network.NetworkAcls.Values.Where(a => _models.VpcIndex.ContainsKey(a.VpcId))
            .OrderBy(a => a.Id.Value, StringComparer.Ordinal).ToArray();
        var aclIndex = new Dictionary<NetworkAclId, int>();
        for (int i = 0; i < aclModels.Length; i++)
            aclIndex.TryAdd(aclModels[i].Id, i);
        var acls = aclModels.Select(FilterCompiler.CompileAcl).ToList();
        int emptyAcl = -1;
        var subnets = _models.Subnets;
        _subnets = new CompiledSubnet[subnets.Length];
        for (int i = 0; i < subnets.Length; i++)
        {
            var s = subnets[i];
            int vpc = _models.VpcIndex[s.VpcId];
            int table = _associations.RouteTableOf(s) is { } t && tableIndex.TryGetValue(t.Id, out int ti) ? ti : _mainTable[vpc];
            int acl = _associations.NetworkAclOf(s) is { } a && aclIndex.TryGetValue(a.Id, out int ai) ? ai : -1;
            if (acl < 0)
            {
                if (emptyAcl < 0)
                {
                    emptyAcl = acls.Count;
                    acls.Add(FilterCompiler.CompileAcl(new NetworkAcl(new NetworkAclId("acl-missing"), s.OwnerId, s.Region, s.VpcId, true, [], [])));
                }
                acl = emptyAcl;
            }
            var v6 = s.Ipv6Cidr;
            _subnets[i] = new CompiledSubnet
            {
                Vpc = vpc,
                RouteTable = table,
                Acl = acl,
                HasV4 = s.CidrBlock is not null,
                V4Network = s.CidrBlock?.Network.Value ?? 0,
                V4Mask = s.CidrBlock is { } v4 ? Cidr.Mask(IpFamily.V4, v4.PrefixLength) : 0,
                HasV6 = v6 is not null,
                V6Network = v6?.Network.Value ?? 0,
                V6Mask = v6 is { } c ? Cidr.Mask(IpFamily.V6, c.PrefixLength) : 0,
            };
        }
        _acls = [.. acls];
    }

    /// <summary>Stage 6: interfaces, their private addresses, and their security group sets (interfaces with the
    /// same groups share one compiled set).</summary>
    private void CompileInterfaces()
    {
        var models = _models.Interfaces;
        var natOfInterface = new Dictionary<NetworkInterfaceId, int>();
        for (int i = 0; i < _models.NatGateways.Length; i++)
            natOfInterface[_models.NatGateways[i].NetworkInterfaceId] = i;
        var setIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = new List<CompiledSecurityGroupSet>();
        _interfaces = new CompiledInterface[models.Length];
        for (int i = 0; i < models.Length; i++)
        {
            var n = models[i];
            int vpc = _models.VpcIndex[n.VpcId];
            int[] groups = [.. n.Groups.Where(_models.SecurityGroupIndex.ContainsKey).Select(g => _models.SecurityGroupIndex[g]).Distinct().Order()];
            string key = string.Join(',', groups);
            if (!setIndex.TryGetValue(key, out int set))
            {
                set = sets.Count;
                setIndex[key] = set;
                sets.Add(FilterCompiler.CompileSecurityGroupSet(groups, _models));
            }
            int nat = natOfInterface.GetValueOrDefault(n.Id, -1);
            _interfaces[i] = CompileInterface(n, vpc, set, nat);
            foreach (var p in n.PrivateIpAddresses)
                AddPrivate(vpc, p.Address, i);
            foreach (var a in n.Ipv6Addresses)
            {
                AddPrivate(vpc, a, i);
                _globalV6.TryAdd(new AddressKey(a), i);
            }
        }
        _securityGroupSets = [.. sets];
    }

    private CompiledInterface CompileInterface(NetworkInterface n, int vpc, int set, int nat)
    {
        bool usable = nat >= 0
            ? _models.NatGateways[nat].State is NatGatewayState.Available or NatGatewayState.Pending
            : n.Attachment is null || (_network.Instances.TryGetValue(n.Attachment.InstanceId, out var inst) && inst.State == InstanceState.Running);
        var primary = n.PrivateIpAddresses.FirstOrDefault(p => p.Primary) ?? n.PrivateIpAddresses.FirstOrDefault();
        return new CompiledInterface
        {
            Vpc = vpc,
            Subnet = _models.SubnetIndex[n.SubnetId],
            SecurityGroupSet = set,
            // AWS turns the check off on the interfaces it manages for NAT gateways.
            SourceDestCheck = nat < 0 && n.SourceDestCheck,
            Usable = usable,
            NatGateway = nat,
            HasV4 = primary is not null && primary.Address.IsV4,
            PrimaryV4Value = primary is not null && primary.Address.IsV4 ? (uint)primary.Address.Value : 0,
            HasV6 = !n.Ipv6Addresses.IsDefaultOrEmpty,
            WithoutSecurityGroups = n.InterfaceType == NetworkInterfaceType.NetworkLoadBalancer && n.Groups.IsDefaultOrEmpty,
            PrimaryV6Value = n.Ipv6Addresses.IsDefaultOrEmpty ? 0 : n.Ipv6Addresses[0].Value,
        };
    }

    private void AddPrivate(int vpc, IpAddress address, int eni)
    {
        if (address.IsV4)
            _privateV4.TryAdd(AddressTables.V4Key(vpc, address), eni);
        else
            _privateV6.TryAdd(new VpcAddress(vpc, address), eni);
    }

    /// <summary>Stage 7: the interfaces of interface endpoints (AWS PrivateLink). AWS manages them for the endpoint:
    /// no instance, usable while the endpoint is (its own state is checked when a packet reaches it).</summary>
    private void CompileInterfaceEndpoints()
    {
        var endpoints = _models.InterfaceEndpoints;
        _endpointOfInterface = new int[_interfaces.Length];
        Array.Fill(_endpointOfInterface, -1);
        for (int ep = 0; ep < endpoints.Length; ep++)
        {
            foreach (var id in endpoints[ep].NetworkInterfaceIds)
            {
                if (!_models.InterfaceIndex.TryGetValue(id, out int eni))
                    continue;
                _endpointOfInterface[eni] = ep;
                _interfaces[eni].IsVpcEndpoint = true;
                _interfaces[eni].Usable = true;
            }
        }
    }

    /// <summary>Stage 8: NAT gateways, by the interface AWS created for each.</summary>
    private void CompileNatGateways()
    {
        var models = _models.NatGateways;
        _nats = new CompiledNat[models.Length];
        for (int i = 0; i < models.Length; i++)
        {
            var m = models[i];
            int eni = _models.InterfaceIndex[m.NetworkInterfaceId];
            _nats[i] = new CompiledNat
            {
                Interface = eni,
                Subnet = _interfaces[eni].Subnet,
                Vpc = _interfaces[eni].Vpc,
                Public = m.ConnectivityType == NatConnectivityType.Public,
                PrivateIp = m.PrivateIp,
            };
        }
    }

    /// <summary>Stage 9: the internet gateway's 1:1 NAT (<see cref="PublicAddressCompiler"/>).</summary>
    private void MapPublicAddresses() =>
        (_privateToPublic, _publicToPrivate) = PublicAddressCompiler.Map(_network, _models, _interfaces, _nats);

    /// <summary>Stage 10: route tables, each route's target resolved to an index, then flattened.</summary>
    private RoutingTables CompileRouteTables() => new RouteTableCompiler(_network, _models, _peerings).CompileAll(_tableModels);

    /// <summary>Stage 11: the filters flattened, the address tables, and the network that holds them.</summary>
    private CompiledNetwork Assemble(RoutingTables routing)
    {
        var (aclEntries, aclRanges) = FilterCompiler.Flatten(_acls.Select(a => a.Buckets).ToList());
        var (sgRules, sgRanges) = FilterCompiler.Flatten(_securityGroupSets.Select(g => g.Buckets).ToList());
        var filters = new FilterTables
        {
            Acls = _acls,
            AclEntries = aclEntries,
            AclRanges = aclRanges,
            SecurityGroupSets = _securityGroupSets,
            SgRules = sgRules,
            SgRanges = sgRanges,
            GroupVpc = [.. _models.SecurityGroups.Select(g => _models.VpcIndex.GetValueOrDefault(g.VpcId, -1))],
            SgReferencePeers = _sgReferencePeers,
        };
        var balancers = LoadBalancerCompiler.Index(_models);
        for (int i = 0; i < _interfaces.Length; i++)
            _interfaces[i].IsLoadBalancerNode = balancers.BalancerOfInterface[i] >= 0;
        var topology = new Topology
        {
            LoadBalancers = balancers,
            Vpcs = _vpcs,
            Subnets = _subnets,
            Interfaces = _interfaces,
            Nats = _nats,
            Peerings = _peerings,
            EgressOnlyVpc = _egressOnlyVpc,
            VpcCidrEntries = _vpcCidrEntries,
            GatewayEndpointVpc = [.. _models.GatewayEndpoints.Select(e => _models.VpcIndex.GetValueOrDefault(e.VpcId, -1))],
            EndpointOfInterface = _endpointOfInterface,
            InterfaceEndpointAvailable = [.. _models.InterfaceEndpoints.Select(e => e.IsAvailable)],
            PrivateLinkNode = PrivateLinkCompiler.NodesOfEndpointInterfaces(_models, _endpointOfInterface),
        };
        var vpcCidrs = new LongestPrefixMatchTable<int>(
            _models.Vpcs.SelectMany((v, i) => v.AssociatedCidrs.Select(c => (c, i))).ToList());
        var addresses = new AddressTables(_interfaces, _privateV4, _privateV6, _privateToPublic, _publicToPrivate, _globalV6, vpcCidrs);
        return new CompiledNetwork(_models, topology, addresses, routing, filters);
    }
}
