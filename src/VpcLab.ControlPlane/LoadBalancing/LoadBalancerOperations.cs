using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>Network Load Balancers (Elastic Load Balancing v2 API): one node per enabled Availability Zone, each a
/// requester-managed interface (<c>ELB net/NAME/ID</c>, type <c>network_load_balancer</c>) in the subnet chosen for
/// that zone, carrying the load balancer's security groups if it has any. Application and Gateway Load Balancers are
/// refused clearly. docs/semantics.md#network-load-balancers.</summary>
public sealed class LoadBalancerOperations
{
    private readonly ControlPlaneState _state;

    internal LoadBalancerOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>AWS: a call with the name of an existing load balancer and the same settings returns it (the call is
    /// idempotent); with other settings it is DuplicateLoadBalancerName.</summary>
    public LoadBalancer CreateLoadBalancer(RequestContext ctx, CreateLoadBalancerRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var name = ElbParts.CheckName(request.Name, "Load balancer");
            if (name.StartsWith("internal-", StringComparison.Ordinal))
                throw ElbErrors.Validation($"Load balancer name '{name}' cannot begin with 'internal-'");
            if (request.Type is not (null or "network"))
                throw ElbErrors.Validation($"VpcLab models load balancers of type 'network' only, not '{request.Type}'");
            var scheme = request.Scheme switch
            {
                null or "internet-facing" => LoadBalancerScheme.InternetFacing,
                "internal" => LoadBalancerScheme.Internal,
                _ => throw new Ec2Exception(ElbErrors.InvalidSchemeCode, $"The scheme '{request.Scheme}' is not valid"),
            };
            var ipType = request.IpAddressType switch
            {
                null or "ipv4" => LoadBalancerIpAddressType.Ipv4,
                "dualstack" => LoadBalancerIpAddressType.Dualstack,
                _ => throw ElbErrors.Validation($"The IP address type '{request.IpAddressType}' is not valid for a load balancer of type 'network'"),
            };
            var mappings = Mappings(request);
            var subnets = mappings.Select(m => tx.N.Subnets.TryGetValue(new SubnetId(m.SubnetId ?? ""), out var s) && tx.Owned(s.OwnerId, s.Region)
                ? s : throw ElbErrors.SubnetNotFound(m.SubnetId ?? "")).ToList();
            var vpc = tx.N.Vpcs[subnets[0].VpcId];
            var existing = tx.Where(IndexedKinds.LoadBalancer, IndexedKinds.ElbNameLink, name).FirstOrDefault(l => tx.Owned(l.OwnerId, l.Region));
            if (existing is not null)
            {
                return SameSettings(existing, scheme, ipType, subnets, request.SecurityGroups)
                    ? existing : throw ElbErrors.DuplicateLoadBalancerName(name);
            }
            CheckSubnets(tx, subnets, scheme, ipType);
            var groups = Groups(tx, vpc.Id, request.SecurityGroups);
            var shortId = ElbParts.NewShortId(tx);
            var arn = new LoadBalancerArn($"{ElbParts.ArnPrefix(tx)}loadbalancer/net/{name}/{shortId}");
            var dns = $"{name}-{ElbParts.NewShortId(tx)}.elb.{tx.RegionName}.amazonaws.com";
            var lb = new LoadBalancer(arn, name, tx.Account, tx.RegionName, vpc.Id, scheme, ipType, [], groups, dns, tx.Now,
                DefaultAttributes(scheme));
            var nodes = mappings.Zip(subnets).Select(p => AddNode(tx, lb, p.Second, p.First)).ToImmutableArray();
            lb = lb with { Nodes = nodes };
            ElbParts.Put(tx, lb);
            ElbParts.ApplyTags(tx, arn.Value, request.Tags);
            return lb;
        });

    private static IReadOnlyList<SubnetMapping> Mappings(CreateLoadBalancerRequest request)
    {
        if (request.Subnets is { Count: > 0 } && request.SubnetMappings is { Count: > 0 })
            throw ElbErrors.Validation("You can specify subnets or subnet mappings, not both");
        IReadOnlyList<SubnetMapping> mappings = request.SubnetMappings is { Count: > 0 } given
            ? given : [.. (request.Subnets ?? []).Select(s => new SubnetMapping { SubnetId = s })];
        if (mappings.Count == 0)
            throw ElbErrors.Validation("At least one subnet must be specified for a load balancer of type 'network'");
        if (mappings.Any(m => m.AllocationId is not null))
            throw ElbErrors.Validation("VpcLab does not model Elastic IP addresses on load balancer nodes (AllocationId)");
        return mappings;
    }

    private static bool SameSettings(LoadBalancer lb, LoadBalancerScheme scheme, LoadBalancerIpAddressType ipType,
        List<Subnet> subnets, IReadOnlyList<string>? groups) =>
        lb.Scheme == scheme && lb.IpAddressType == ipType
        && lb.Nodes.Select(n => n.SubnetId).ToHashSet().SetEquals(subnets.Select(s => s.Id))
        && lb.SecurityGroups.Select(g => g.Value).ToHashSet(StringComparer.Ordinal).SetEquals(groups ?? []);

    /// <summary>AWS: all subnets in one VPC, at most one per Availability Zone; an internet-facing load balancer
    /// needs an internet gateway attached to the VPC; a dualstack one needs an IPv6 block in each subnet.</summary>
    private static void CheckSubnets(Transaction tx, List<Subnet> subnets, LoadBalancerScheme scheme, LoadBalancerIpAddressType ipType)
    {
        if (subnets.Select(s => s.VpcId).Distinct().Count() > 1)
            throw ElbErrors.SubnetsInOtherVpcs();
        var zones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subnet in subnets)
        {
            if (!zones.Add(subnet.AvailabilityZone.Name))
                throw ElbErrors.TwoSubnetsInOneZone(subnet.AvailabilityZone.Name);
            if (ipType == LoadBalancerIpAddressType.Dualstack && subnet.Ipv6Cidr is null)
                throw new Ec2Exception(ElbErrors.InvalidSubnetCode, $"Subnet '{subnet.Id}' has no IPv6 CIDR block, which a dualstack load balancer needs");
        }
        var vpc = subnets[0].VpcId;
        if (scheme == LoadBalancerScheme.InternetFacing && !tx.World.HasInternetGateway(vpc))
            throw ElbErrors.NoInternetGateway(vpc.Value);
    }

    private static ImmutableArray<SecurityGroupId> Groups(Transaction tx, VpcId vpc, IReadOnlyList<string>? ids)
    {
        var groups = ImmutableArray.CreateBuilder<SecurityGroupId>();
        foreach (var id in (ids ?? []).Distinct(StringComparer.Ordinal))
        {
            if (!tx.N.SecurityGroups.TryGetValue(new SecurityGroupId(id), out var group) || !tx.Owned(group.OwnerId, group.Region) || group.VpcId != vpc)
                throw ElbErrors.InvalidSecurityGroup(id);
            groups.Add(group.Id);
        }
        return groups.ToImmutable();
    }

    private static ImmutableSortedDictionary<string, string> DefaultAttributes(LoadBalancerScheme scheme) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["access_logs.s3.enabled"] = "false",
            ["access_logs.s3.bucket"] = "",
            ["access_logs.s3.prefix"] = "",
            [LoadBalancer.DeletionProtectionAttribute] = "false",
            [LoadBalancer.CrossZoneAttribute] = "false", // AWS: off by default for Network Load Balancers
            ["ipv6.deny_all_igw_traffic"] = scheme == LoadBalancerScheme.Internal ? "true" : "false",
            ["dns_record.client_routing_policy"] = "any_availability_zone",
            ["zonal_shift.config.enabled"] = "false",
        });

    /// <summary>The node of one zone: a requester-managed interface with the lowest free address (or the one asked
    /// for), an IPv6 address when dualstack, a public IPv4 when internet-facing.</summary>
    private static LoadBalancerNode AddNode(Transaction tx, LoadBalancer lb, Subnet subnet, SubnetMapping mapping)
    {
        if (tx.AtRegionQuota(IndexedKinds.NetworkInterface, tx.Quotas.NetworkInterfacesPerRegion))
            throw NetworkInterfaceErrors.NetworkInterfaceLimitExceeded();
        var used = tx.UsedAddresses(subnet.Id);
        IpAddress address;
        if (mapping.PrivateIPv4Address is { } asked)
        {
            if (lb.Scheme != LoadBalancerScheme.Internal)
                throw ElbErrors.Validation("A private IPv4 address can be specified only for an internal load balancer");
            address = Transaction.ParseIp(asked, "PrivateIPv4Address");
            tx.CheckRequestedAddress(subnet, address, used);
        }
        else
        {
            address = tx.AllocatePrivateIpv4(subnet, used);
        }
        IpAddress? ipv6 = lb.IpAddressType == LoadBalancerIpAddressType.Dualstack ? tx.AllocateIpv6(subnet, used) : null;
        IpAddress? publicIp = lb.Scheme == LoadBalancerScheme.InternetFacing ? tx.AllocatePublicIpv4() : null;
        var eni = new NetworkInterface(new NetworkInterfaceId(tx.NewId(IdPrefixes.NetworkInterface)), tx.Account, tx.RegionName,
            subnet.Id, subnet.VpcId, subnet.AvailabilityZone.Name, [new PrivateIpAddress(address, true, publicIp)],
            ipv6 is { } v6 ? [v6] : [], lb.SecurityGroups, SourceDestCheck: true, NetworkInterfaceType.NetworkLoadBalancer, null,
            lb.InterfaceDescription, tx.NewMacAddress())
        {
            RequesterManaged = true,
        };
        tx.Put(eni);
        return new LoadBalancerNode(subnet.AvailabilityZone.Name, subnet.Id, eni.Id, address, ipv6, publicIp);
    }

    public IReadOnlyList<LoadBalancer> DescribeLoadBalancers(RequestContext ctx, DescribeLoadBalancersRequest request) =>
        _state.Read(ctx, null, tx => ElbParts.Select(tx, IndexedKinds.LoadBalancer, tx.Mine(IndexedKinds.LoadBalancer), _ => true,
            request.LoadBalancerArns, request.Names, ElbErrors.LoadBalancersNotFound).ToList());

    /// <summary>AWS: deleting also deletes its listeners (its target groups stay); deleting a load balancer that does
    /// not exist succeeds; deletion protection refuses.</summary>
    public EmptyResult DeleteLoadBalancer(RequestContext ctx, DeleteLoadBalancerRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            if (request.LoadBalancerArn is null)
                throw ElbErrors.MissingParameter("LoadBalancerArn");
            if (ElbParts.FindLoadBalancer(tx, request.LoadBalancerArn) is not { } lb)
                return EmptyResult.Instance;
            if (lb.DeletionProtection)
                throw ElbErrors.DeletionProtected(lb.Arn.Value);
            // An endpoint service holds its load balancers (docs/semantics.md#endpoint-services).
            if (tx.Where(IndexedKinds.EndpointService, IndexedKinds.ServiceLoadBalancerLink, lb.Arn.Value).FirstOrDefault() is { } service)
                throw ElbErrors.LoadBalancerInUseByEndpointService(lb.Arn.Value, service.Id.Value);
            foreach (var listener in tx.Where(IndexedKinds.Listener, IndexedKinds.ListenerLoadBalancerLink, lb.Arn.Value).ToList())
            {
                tx.Remove(listener.Arn);
                tx.RemoveTags(listener.Arn.Value);
            }
            foreach (var node in lb.Nodes)
                VpcEndpointParts.DeleteEndpointInterface(tx, node.NetworkInterfaceId);
            tx.Remove(lb.Arn);
            tx.RemoveTags(lb.Arn.Value);
            return EmptyResult.Instance;
        });

    public ImmutableSortedDictionary<string, string> DescribeLoadBalancerAttributes(RequestContext ctx, LoadBalancerAttributesRequest request) =>
        _state.Read(ctx, null, tx => ElbParts.RequireLoadBalancer(tx, request.LoadBalancerArn).Attributes);

    public ImmutableSortedDictionary<string, string> ModifyLoadBalancerAttributes(RequestContext ctx, LoadBalancerAttributesRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var lb = ElbParts.RequireLoadBalancer(tx, request.LoadBalancerArn);
            lb = lb with { Attributes = ElbParts.ChangeAttributes(lb.Attributes, request.Attributes, "Load balancer", (_, _) => { }) };
            ElbParts.Put(tx, lb);
            return lb.Attributes;
        });
}
