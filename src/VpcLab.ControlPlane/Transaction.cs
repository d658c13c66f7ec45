using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>One operation's private working copy: the snapshot being computed (<see cref="N"/>), the caller,
/// the id counter and the one lookup every operation shares (<see cref="Require{TId, TRecord}"/>, driven by
/// <see cref="ResourceKinds"/>).</summary>
internal sealed class Transaction
{
    private readonly ulong _seed;

    private Network _n;

    // The operation's index changes: published with N at commit (ControlPlaneState.Mutate), never half.
    private readonly WorldIndex.Builder _index;

    public Transaction(Network network, WorldIndex index, RequestContext ctx, ControlPlaneOptions options, RegionInfo region, ulong counter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(index);
        _n = network;
        _index = index.ToBuilder();
        Ctx = ctx;
        Options = options;
        // The Region as this account sees it: its own zone names (docs/semantics.md#zones).
        Region = region with { Zones = ZoneNameMapping.For(ctx.Account, region.Name, region.Zones) };
        Counter = counter;
        Now = now;
        _seed = options.IdSeed;
    }

    /// <summary>The snapshot being computed. Setting it may change only what no index covers: an indexed kind's map
    /// and the tags change through <see cref="Put(Vpc)"/>, <see cref="Remove(VpcId)"/>, <see cref="SetTags"/> and their
    /// siblings, which keep <see cref="Index"/> in step (docs/semantics.md#filter-indexes).</summary>
    public Network N
    {
        get => _n;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!ReferenceEquals(value.Tags, _n.Tags) || IndexedKinds.All.Any(k => !ReferenceEquals(k.Collection(value), k.Collection(_n))))
                throw new InvalidOperationException("an indexed map or the tags changed without their index: use Transaction.Put/Remove/SetTags");
            _n = value;
        }
    }

    /// <summary>The filter index of <see cref="N"/>, updated with it (immutable: later changes of this operation
    /// build on a copy).</summary>
    public WorldIndex Index => _index.ToImmutable();

    /// <summary><see cref="N"/> with its index, for the deletion blockers (<see cref="DeletionBlocker{TRecord}"/>).</summary>
    public IndexedWorld World => new(_n, Index);
    public RequestContext Ctx { get; }
    public ControlPlaneOptions Options { get; }
    public Ec2Quotas Quotas => Options.Quotas;
    /// <summary>The request's Region, its zones named as the caller's account names them.</summary>
    public RegionInfo Region { get; }
    public ulong Counter { get; private set; }
    public DateTimeOffset Now { get; }
    public AccountId Account => Ctx.Account;
    public string RegionName => Ctx.Region;

    public void EnsureAccount()
    {
        if (!N.Accounts.ContainsKey(Account))
            N = N with { Accounts = N.Accounts.Add(Account, new Account(Account, Account.Value)) };
    }

    // ------------------------------------------------------------------ ids and randomness
    public string NewId(string prefix) => IdGenerator.Format(prefix, NextRandom());

    public ulong NextRandom() => IdGenerator.Draw(_seed, Counter++);

    public bool Owned(AccountId owner, string region) => owner == Account && region == RegionName;

    // ------------------------------------------------------------------ lookups
    /// <summary>The caller, for the owner rules of <see cref="ResourceKinds"/>.</summary>
    public ResourceCaller Caller => new(Account, RegionName, Now);

    /// <summary>The one lookup (<see cref="ResourceKind{TId, TRecord}.Require"/>): the id given, then its shape
    /// (the kind's Malformed error), then existence and the kind's owner rule (its NotFound error).</summary>
    public TRecord Require<TId, TRecord>(ResourceKind<TId, TRecord> kind, string? id, string? parameter = null)
        where TId : notnull
        where TRecord : class =>
        kind.Require(N, id, Caller, parameter);

    /// <summary>The caller's resource of that kind, or null (no error).</summary>
    public TRecord? Find<TId, TRecord>(ResourceKind<TId, TRecord> kind, string? id)
        where TId : notnull
        where TRecord : class =>
        kind.Find(N, id, Caller);

    /// <summary>The records of <paramref name="kind"/> whose indexed filter <paramref name="filter"/> has
    /// <paramref name="value"/> (a VPC's subnets: Subnet, "vpc-id", vpc), in id order, through the index: what a
    /// mutation needs of its neighbours costs what it finds, not the world (docs/semantics.md#filter-indexes).</summary>
    public IEnumerable<T> Where<T>(IndexedKind<T> kind, string filter, string value)
    {
        ArgumentNullException.ThrowIfNull(kind);
        // The builder's list, not a published index: a read between two changes of one operation freezes nothing.
        var network = _n;
        return _index.Ids(kind.Key, filter, value).Select(id => kind.Lookup(network, id)).OfType<T>();
    }

    /// <summary>The caller's records of <paramref name="kind"/> in the request's Region (its owner-scope list), in id order.</summary>
    public IEnumerable<T> Mine<T>(IndexedKind<T> kind) => Where(kind, WorldIndex.ScopeName, IndexedKind<T>.Scope(Account, RegionName));

    // ------------------------------------------------------------------ parsing wire values
    public static Cidr ParseCidr(string? value, string parameter)
    {
        if (value is null)
            throw Ec2Errors.MissingParameter(parameter);
        return Cidr.TryParse(value, out var cidr) ? cidr : throw Ec2Errors.InvalidCidr(value, parameter);
    }

    public static IpAddress ParseIp(string? value, string parameter)
    {
        if (value is null)
            throw Ec2Errors.MissingParameter(parameter);
        return IpAddress.TryParse(value, out var ip) ? ip : throw Ec2Errors.InvalidIpAddress(value, parameter);
    }

    // ------------------------------------------------------------------ tags
    /// <summary>Validates TagSpecifications of a Create* call and records the tags for the new resource.
    /// Only <paramref name="allowedTypes"/> may be named; tags of the type <paramref name="resourceType"/>
    /// go to <paramref name="resourceId"/>.</summary>
    public void ApplyTagSpecifications(IReadOnlyList<TagSpecification>? specs, string resourceType, string resourceId, params string[] allowedTypes)
    {
        var tags = TagsFor(specs, resourceType, allowedTypes.Length == 0 ? [resourceType] : allowedTypes);
        if (tags.Count > 0)
            SetTags(resourceId, tags);
    }

    public IReadOnlyList<KeyValuePair<string, string>> TagsFor(IReadOnlyList<TagSpecification>? specs, string resourceType, IReadOnlyCollection<string> allowedTypes) =>
        TagRules.FromSpecifications(specs, resourceType, allowedTypes);

    public void SetTags(string resourceId, IEnumerable<KeyValuePair<string, string>> tags)
    {
        var current = N.TagsOf(resourceId);
        var updated = new Model.Tags(current.Items.SetItems(tags));
        // Tags with the aws: prefix (a service's own) do not count toward the limit.
        TagRules.CheckCount(updated.Items.Count(t => !t.Key.StartsWith("aws:", StringComparison.Ordinal)), Quotas.TagsPerResource);
        ReplaceTags(resourceId, updated);
    }

    public void RemoveTags(string resourceId) => ReplaceTags(resourceId, null);

    /// <summary>Sets (null or empty: removes) the tags of a resource, and their postings.</summary>
    public void ReplaceTags(string resourceId, Model.Tags? tags)
    {
        var before = _n.Tags.GetValueOrDefault(resourceId);
        if (WorldIndex.SameTags(before, tags))
            return; // the same keys and values: neither the snapshot nor a posting changes
        if (tags is null || tags.IsEmpty)
        {
            if (before is null)
                return;
            _n = _n with { Tags = _n.Tags.Remove(resourceId) };
            tags = null;
        }
        else
        {
            _n = _n with { Tags = _n.Tags.SetItem(resourceId, tags) };
        }
        _index.ReplaceTags(resourceId, before, tags);
    }

    // ------------------------------------------------------------------ addresses
    /// <summary>Every IPv4 and IPv6 address held by an interface in the subnet.</summary>
    public HashSet<IpAddress> UsedAddresses(SubnetId subnet) =>
        [.. _index.Ids(IndexedKinds.NetworkInterface.Key, "subnet-id", subnet.Value)
            .Select(id => N.NetworkInterfaces[new NetworkInterfaceId(id)]).SelectMany(e => e.AllPrivateAddresses)];

    /// <summary>AWS (and this lab) auto-assigns the lowest free address that is not one of the five reserved
    /// (docs/semantics.md#private-ip-allocation).</summary>
    public IpAddress AllocatePrivateIpv4(Subnet subnet, ISet<IpAddress> used)
    {
        var block = subnet.CidrBlock ?? throw NetworkInterfaceErrors.NoIpv4InSubnet(subnet.Id.Value);
        var reserved = SubnetCidrReservationOperations.Reserved(World, subnet.Id);
        for (UInt128 offset = 4; offset < block.AddressCount - 1; offset++)
        {
            var candidate = block.AddressAt(offset);
            // Reserved ranges are never assigned automatically (docs/semantics.md#subnet-cidr-reservations).
            if (!SubnetCidrReservationOperations.IsReserved(reserved, candidate) && used.Add(candidate))
                return candidate;
        }
        throw NetworkInterfaceErrors.InsufficientFreeAddresses(subnet.Id.Value);
    }

    public IpAddress AllocateIpv6(Subnet subnet, ISet<IpAddress> used)
    {
        var block = subnet.Ipv6Cidr ?? throw NetworkInterfaceErrors.NoIpv6InSubnet(subnet.Id.Value);
        var reserved = SubnetCidrReservationOperations.Reserved(World, subnet.Id);
        for (UInt128 offset = 4; offset < 1_000_000; offset++)
        {
            var candidate = block.AddressAt(offset);
            // Reserved ranges are never assigned automatically (docs/semantics.md#subnet-cidr-reservations).
            if (!SubnetCidrReservationOperations.IsReserved(reserved, candidate) && used.Add(candidate))
                return candidate;
        }
        throw NetworkInterfaceErrors.InsufficientFreeAddresses(subnet.Id.Value);
    }

    /// <summary>Checks an explicitly requested private address (either family) against the subnet.</summary>
    public void CheckRequestedAddress(Subnet subnet, IpAddress address, ISet<IpAddress> used)
    {
        var block = address.IsV4 ? subnet.CidrBlock ?? throw NetworkInterfaceErrors.NoIpv4InSubnet(subnet.Id.Value)
            : subnet.Ipv6Cidr ?? throw NetworkInterfaceErrors.NoIpv6InSubnet(subnet.Id.Value);
        if (!block.Contains(address))
            throw NetworkInterfaceErrors.AddressNotInSubnet(address, subnet.Id.Value);
        if (Model.Subnet.IsReserved(block, address))
            throw NetworkInterfaceErrors.AddressReserved(address);
        if (!used.Add(address))
            throw ElasticIpErrors.PrivateAddressInUse(address);
    }

    /// <summary>Public IPv4s handed out by this transaction, not yet committed.</summary>
    public HashSet<IpAddress> PendingPublicIps { get; } = [];

    /// <summary>Every public IPv4 the control plane ever handed out (committed operations). Released addresses
    /// stay in it: never reusing one is conservative and keeps allocation O(1).</summary>
    public ImmutableHashSet<IpAddress> IssuedPublicIps { get; init; } = [];

    /// <summary>A deterministic, unique public IPv4 from the Region's pool (never .0 or .255).</summary>
    public IpAddress AllocatePublicIpv4()
    {
        var pool = Region.PublicIpv4Pool;
        var size = (ulong)pool.AddressCount;
        var start = NextRandom() % size;
        for (ulong i = 0; i < size; i++)
        {
            var candidate = pool.AddressAt((start + i) % size);
            var last = (uint)candidate.Value & 0xFF;
            if (last is 0 or 255 || IssuedPublicIps.Contains(candidate) || !PendingPublicIps.Add(candidate))
                continue;
            return candidate;
        }
        throw ElasticIpErrors.AddressLimitExceeded();
    }

    /// <summary>A deterministic, unique Amazon-provided /56 from the Region's IPv6 pool: a candidate is free when no
    /// VPC's IPv6 association (of any state) holds it, asked of the index per candidate.</summary>
    public Cidr AllocateIpv6Block()
    {
        var pool = Region.Ipv6Pool;
        int extra = 56 - pool.PrefixLength;
        ulong count = 1UL << extra;
        var start = NextRandom() % count;
        for (ulong i = 0; i < count; i++)
        {
            var candidate = pool.Subnet(56, (start + i) % count);
            if (_index.Ids(IndexedKinds.Vpc.Key, "ipv6-cidr-block-association.ipv6-cidr-block", candidate.ToString()).IsEmpty)
                return candidate;
        }
        throw VpcErrors.CidrLimitExceeded("region", 0);
    }

    public string NewMacAddress()
    {
        var r = NextRandom();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"0e:{(byte)(r >> 8):x2}:{(byte)(r >> 16):x2}:{(byte)(r >> 24):x2}:{(byte)(r >> 32):x2}:{(byte)(r >> 40):x2}");
    }

    // ------------------------------------------------------------------ quotas
    /// <summary>True when the caller's account already holds <paramref name="quota"/> records of <paramref name="kind"/>
    /// in the request's Region: the length of its owner-scope posting list, so a quota check costs no scan.</summary>
    public bool AtRegionQuota<T>(IndexedKind<T> kind, int quota) =>
        AtQuota(kind, WorldIndex.ScopeName, IndexedKind<T>.Scope(Account, RegionName), quota);

    /// <summary>True when at least <paramref name="quota"/> records of <paramref name="kind"/> have <paramref name="value"/>
    /// for the indexed filter or link <paramref name="name"/> (a VPC's route tables: RouteTable, "vpc-id", vpc).</summary>
    public bool AtQuota<T>(IndexedKind<T> kind, string name, string value, int quota) =>
        _index.Ids(kind.Key, name, value).Count >= quota;

    // ------------------------------------------------------------------ small helpers
    public void Put(Vpc v) => Set(IndexedKinds.Vpc, _n.Vpcs.GetValueOrDefault(v.Id), v, _n with { Vpcs = _n.Vpcs.SetItem(v.Id, v) });
    public void Put(Subnet s) => Set(IndexedKinds.Subnet, _n.Subnets.GetValueOrDefault(s.Id), s, _n with { Subnets = _n.Subnets.SetItem(s.Id, s) });
    public void Put(RouteTable t) => Set(IndexedKinds.RouteTable, _n.RouteTables.GetValueOrDefault(t.Id), t, _n with { RouteTables = _n.RouteTables.SetItem(t.Id, t) });
    public void Put(InternetGateway g) => Set(IndexedKinds.InternetGateway, _n.InternetGateways.GetValueOrDefault(g.Id), g, _n with { InternetGateways = _n.InternetGateways.SetItem(g.Id, g) });
    public void Put(EgressOnlyInternetGateway g) => Set(IndexedKinds.EgressOnlyInternetGateway, _n.EgressOnlyInternetGateways.GetValueOrDefault(g.Id), g, _n with { EgressOnlyInternetGateways = _n.EgressOnlyInternetGateways.SetItem(g.Id, g) });
    public void Put(NatGateway g) => Set(IndexedKinds.NatGateway, _n.NatGateways.GetValueOrDefault(g.Id), g, _n with { NatGateways = _n.NatGateways.SetItem(g.Id, g) });
    public void Put(ElasticIpAddress e) => Set(IndexedKinds.ElasticIp, _n.ElasticIps.GetValueOrDefault(e.AllocationId), e, _n.WithElasticIp(e.AllocationId, e));
    public void Put(SecurityGroup g) => Set(IndexedKinds.SecurityGroup, _n.SecurityGroups.GetValueOrDefault(g.Id), g, _n with { SecurityGroups = _n.SecurityGroups.SetItem(g.Id, g) });
    public void Put(NetworkAcl a) => Set(IndexedKinds.NetworkAcl, _n.NetworkAcls.GetValueOrDefault(a.Id), a, _n with { NetworkAcls = _n.NetworkAcls.SetItem(a.Id, a) });
    public void Put(NetworkInterface e) => Set(IndexedKinds.NetworkInterface, _n.NetworkInterfaces.GetValueOrDefault(e.Id), e, _n with { NetworkInterfaces = _n.NetworkInterfaces.SetItem(e.Id, e) });
    public void Put(Instance i) => Set(IndexedKinds.Instance, _n.Instances.GetValueOrDefault(i.Id), i, _n with { Instances = _n.Instances.SetItem(i.Id, i) });
    public void Put(ManagedPrefixList p) => Set(IndexedKinds.PrefixList, _n.PrefixLists.GetValueOrDefault(p.Id), p, _n with { PrefixLists = _n.PrefixLists.SetItem(p.Id, p) });
    public void Put(VpcPeeringConnection p) => Set(IndexedKinds.VpcPeeringConnection, _n.VpcPeeringConnections.GetValueOrDefault(p.Id), p, _n with { VpcPeeringConnections = _n.VpcPeeringConnections.SetItem(p.Id, p) });
    public void Put(VpcEndpoint e) => Set(IndexedKinds.VpcEndpoint, _n.VpcEndpoints.GetValueOrDefault(e.Id), e, _n with { VpcEndpoints = _n.VpcEndpoints.SetItem(e.Id, e) });
    public void Put(DhcpOptionsSet d) => Set(IndexedKinds.DhcpOptions, _n.DhcpOptions.GetValueOrDefault(d.Id), d, _n with { DhcpOptions = _n.DhcpOptions.SetItem(d.Id, d) });
    public void Put(SubnetCidrReservation r) => Set(IndexedKinds.SubnetCidrReservation, _n.SubnetCidrReservations.GetValueOrDefault(r.Id), r, _n with { SubnetCidrReservations = _n.SubnetCidrReservations.SetItem(r.Id, r) });
    public void Put(FlowLog f) => Set(IndexedKinds.FlowLog, _n.FlowLogs.GetValueOrDefault(f.Id), f, _n with { FlowLogs = _n.FlowLogs.SetItem(f.Id, f) });
    public void Put(Volume v) => Set(IndexedKinds.Volume, _n.Volumes.GetValueOrDefault(v.Id), v, _n with { Volumes = _n.Volumes.SetItem(v.Id, v) });
    public void Put(KeyPair k) => Set(IndexedKinds.KeyPair, _n.KeyPairs.GetValueOrDefault(k.Id), k, _n with { KeyPairs = _n.KeyPairs.SetItem(k.Id, k) });
    public void Put(LaunchTemplate t) => Set(IndexedKinds.LaunchTemplate, _n.LaunchTemplates.GetValueOrDefault(t.Id), t, _n with { LaunchTemplates = _n.LaunchTemplates.SetItem(t.Id, t) });
    public void Put(LoadBalancer l) => Set(IndexedKinds.LoadBalancer, _n.LoadBalancers.GetValueOrDefault(l.Arn), l, _n with { LoadBalancers = _n.LoadBalancers.SetItem(l.Arn, l) });
    public void Put(Listener l) => Set(IndexedKinds.Listener, _n.Listeners.GetValueOrDefault(l.Arn), l, _n with { Listeners = _n.Listeners.SetItem(l.Arn, l) });
    public void Put(TargetGroup g) => Set(IndexedKinds.TargetGroup, _n.TargetGroups.GetValueOrDefault(g.Arn), g, _n with { TargetGroups = _n.TargetGroups.SetItem(g.Arn, g) });
    public void Put(VpcEndpointServiceConfiguration s) => Set(IndexedKinds.EndpointService, _n.VpcEndpointServiceConfigurations.GetValueOrDefault(s.Id), s, _n with { VpcEndpointServiceConfigurations = _n.VpcEndpointServiceConfigurations.SetItem(s.Id, s) });

    public void Remove(VpcId id) => Set(IndexedKinds.Vpc, _n.Vpcs.GetValueOrDefault(id), null, _n with { Vpcs = _n.Vpcs.Remove(id) });
    public void Remove(SubnetId id) => Set(IndexedKinds.Subnet, _n.Subnets.GetValueOrDefault(id), null, _n with { Subnets = _n.Subnets.Remove(id) });
    public void Remove(RouteTableId id) => Set(IndexedKinds.RouteTable, _n.RouteTables.GetValueOrDefault(id), null, _n with { RouteTables = _n.RouteTables.Remove(id) });
    public void Remove(InternetGatewayId id) => Set(IndexedKinds.InternetGateway, _n.InternetGateways.GetValueOrDefault(id), null, _n with { InternetGateways = _n.InternetGateways.Remove(id) });
    public void Remove(NatGatewayId id) => Set(IndexedKinds.NatGateway, _n.NatGateways.GetValueOrDefault(id), null, _n with { NatGateways = _n.NatGateways.Remove(id) });
    public void Remove(AllocationId id) => Set(IndexedKinds.ElasticIp, _n.ElasticIps.GetValueOrDefault(id), null, _n.WithElasticIp(id, null));
    public void Remove(SecurityGroupId id) => Set(IndexedKinds.SecurityGroup, _n.SecurityGroups.GetValueOrDefault(id), null, _n with { SecurityGroups = _n.SecurityGroups.Remove(id) });
    public void Remove(NetworkAclId id) => Set(IndexedKinds.NetworkAcl, _n.NetworkAcls.GetValueOrDefault(id), null, _n with { NetworkAcls = _n.NetworkAcls.Remove(id) });
    public void Remove(NetworkInterfaceId id) => Set(IndexedKinds.NetworkInterface, _n.NetworkInterfaces.GetValueOrDefault(id), null, _n with { NetworkInterfaces = _n.NetworkInterfaces.Remove(id) });
    public void Remove(InstanceId id) => Set(IndexedKinds.Instance, _n.Instances.GetValueOrDefault(id), null, _n with { Instances = _n.Instances.Remove(id) });
    public void Remove(EgressOnlyInternetGatewayId id) => Set(IndexedKinds.EgressOnlyInternetGateway, _n.EgressOnlyInternetGateways.GetValueOrDefault(id), null, _n with { EgressOnlyInternetGateways = _n.EgressOnlyInternetGateways.Remove(id) });
    public void Remove(PrefixListId id) => Set(IndexedKinds.PrefixList, _n.PrefixLists.GetValueOrDefault(id), null, _n with { PrefixLists = _n.PrefixLists.Remove(id) });
    public void Remove(VpcEndpointId id) => Set(IndexedKinds.VpcEndpoint, _n.VpcEndpoints.GetValueOrDefault(id), null, _n with { VpcEndpoints = _n.VpcEndpoints.Remove(id) });
    public void RemoveDhcpOptions(string id) => Set(IndexedKinds.DhcpOptions, _n.DhcpOptions.GetValueOrDefault(id), null, _n with { DhcpOptions = _n.DhcpOptions.Remove(id) });
    public void RemoveSubnetCidrReservation(string id) => Set(IndexedKinds.SubnetCidrReservation, _n.SubnetCidrReservations.GetValueOrDefault(id), null, _n with { SubnetCidrReservations = _n.SubnetCidrReservations.Remove(id) });
    public void Remove(FlowLogId id) => Set(IndexedKinds.FlowLog, _n.FlowLogs.GetValueOrDefault(id), null, _n with { FlowLogs = _n.FlowLogs.Remove(id) });
    public void RemoveVolume(string id) => Set(IndexedKinds.Volume, _n.Volumes.GetValueOrDefault(id), null, _n with { Volumes = _n.Volumes.Remove(id) });
    public void RemoveKeyPair(string id) => Set(IndexedKinds.KeyPair, _n.KeyPairs.GetValueOrDefault(id), null, _n with { KeyPairs = _n.KeyPairs.Remove(id) });
    public void RemoveLaunchTemplate(string id) => Set(IndexedKinds.LaunchTemplate, _n.LaunchTemplates.GetValueOrDefault(id), null, _n with { LaunchTemplates = _n.LaunchTemplates.Remove(id) });
    public void Remove(LoadBalancerArn arn) => Set(IndexedKinds.LoadBalancer, _n.LoadBalancers.GetValueOrDefault(arn), null, _n with { LoadBalancers = _n.LoadBalancers.Remove(arn) });
    public void Remove(ListenerArn arn) => Set(IndexedKinds.Listener, _n.Listeners.GetValueOrDefault(arn), null, _n with { Listeners = _n.Listeners.Remove(arn) });
    public void Remove(TargetGroupArn arn) => Set(IndexedKinds.TargetGroup, _n.TargetGroups.GetValueOrDefault(arn), null, _n with { TargetGroups = _n.TargetGroups.Remove(arn) });
    public void Remove(VpcEndpointServiceId id) => Set(IndexedKinds.EndpointService, _n.VpcEndpointServiceConfigurations.GetValueOrDefault(id), null, _n with { VpcEndpointServiceConfigurations = _n.VpcEndpointServiceConfigurations.Remove(id) });

    /// <summary>The one way an indexed map changes: the new snapshot and the index, together.</summary>
    private void Set<T>(IndexedKind<T> kind, T? before, T? after, Network network)
        where T : class
    {
        if (before is null && after is null)
            return;
        _index.Replace(kind, before, after);
        _n = network;
    }

    /// <summary>Describe-by-id for <see cref="FilterSchema{T}.Select"/>: null when no ids are given (then the index
    /// selects), else each id's record; each must exist (and be visible) or the whole call fails.</summary>
    public static IEnumerable<T>? Named<T>(IReadOnlyList<string>? ids, Func<string, T> lookup) =>
        ids is null || ids.Count == 0 ? null : ids.Distinct(StringComparer.Ordinal).Select(lookup).ToImmutableArray();

    /// <summary>Resolves describe-by-id: each id must exist (and be visible) or the whole call fails.</summary>
    public static IEnumerable<T> ByIds<T>(IReadOnlyList<string>? ids, IEnumerable<T> all, Func<string, T> lookup)
    {
        if (ids is null || ids.Count == 0)
            return all;
        return ids.Distinct(StringComparer.Ordinal).Select(lookup).ToImmutableArray();
    }
}
