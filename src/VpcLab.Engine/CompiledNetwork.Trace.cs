using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

public sealed partial class CompiledNetwork
{
    /// <summary>Traces a request: resolves its endpoints, then walks the forward and return paths hop by hop.</summary>
    /// <exception cref="TraceRequestException">An endpoint does not exist or lacks an address of the family asked.</exception>
    public Trace Trace(TraceRequest request)
    {
        var resolved = Resolve(request);
        var trace = Trace(resolved.Flow, resolved.SourceInterfaceIndex);
        if (trace.Verdict == Verdict.Dropped && resolved.SourceInterfaceIndex >= 0
            && DestinationInterface(request.Destination) is int d and >= 0
            && _interfaces[d].Vpc != _interfaces[resolved.SourceInterfaceIndex].Vpc
            && FindInterface(_interfaces[d].Vpc, resolved.Flow.Destination) == d
            && !ActivelyPeered(_interfaces[d].Vpc, _interfaces[resolved.SourceInterfaceIndex].Vpc))
        {
            // The destination is a private address of another VPC: without peering the VPCs are disconnected.
            var disconnected = new Explanation(ExplanationCode.DisconnectedVpcs,
                Component: VpcRef(_interfaces[resolved.SourceInterfaceIndex].Vpc))
            {
                Message = $"{_vpcModels[_interfaces[d].Vpc].Id} is not connected to {_vpcModels[_interfaces[resolved.SourceInterfaceIndex].Vpc].Id}.",
            };
            trace = trace with { Explanations = trace.Explanations.Add(disconnected) };
        }
        return trace;
    }

    private bool ActivelyPeered(int a, int b)
    {
        foreach (var p in _peerings)
        {
            if (p.Active && ((p.Requester == a && p.Accepter == b) || (p.Requester == b && p.Accepter == a)))
                return true;
        }
        return false;
    }

    /// <summary>Traces a resolved flow (the same inputs as <see cref="Decide"/>).</summary>
    public Trace Trace(in FlowKey flow, int sourceInterfaceIndex)
    {
        var forward = new TraceBuilder(this);
        var back = new TraceBuilder(this);
        var decision = Run(forward, back, in flow, sourceInterfaceIndex);
        var failed = decision.Verdict == Verdict.Dropped
            ? (decision.DroppedOn == PathDirection.Forward ? forward : back)
            : null;
        return new Trace(flow, decision.Verdict, forward.Build(), back.Build(),
            failed?.DroppedAt, failed is null ? null : decision.DroppedOn,
            failed?.DropExplanations ?? [])
        {
            Reason = decision.Reason,
        };
    }

    /// <summary>Resolves a request's endpoints to a 5-tuple and the source interface's index.</summary>
    public ResolvedFlow Resolve(TraceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var family = request.Family ?? ExplicitFamily(request.Source) ?? ExplicitFamily(request.Destination) ?? IpFamily.V4;
        if (request.Protocol.Number == 58 && request.Family is null && ExplicitFamily(request.Source) is null
            && ExplicitFamily(request.Destination) is null)
            family = IpFamily.V6;

        int source = SourceInterface(request.Source, out var sourceAddress);
        if (source >= 0)
            sourceAddress = PickAddress(source, request.Source, family, "source");
        else if (sourceAddress.Family != family)
            throw new TraceRequestException($"The source {request.Source} is {Name(sourceAddress.Family)} but the flow is {Name(family)}.");

        IpAddress destinationAddress;
        if (request.Destination is AddressEndpoint a)
        {
            destinationAddress = a.Ip;
            if (destinationAddress.Family != family)
                throw new TraceRequestException($"The destination {a.Ip} is {Name(a.Ip.Family)} but the flow is {Name(family)}.");
        }
        else
        {
            int d = DestinationInterface(request.Destination);
            destinationAddress = PickAddress(d, request.Destination, family, "destination");
            // From outside its VPC an IPv4 interface is reached at its public address, when it has one.
            if (source < 0 && family == IpFamily.V4 && request.Destination.Address is null
                && TryPublicOf(_interfaces[d].Vpc, destinationAddress, out var publicIp))
                destinationAddress = publicIp;
        }
        if (source < 0 && request.Destination is AddressEndpoint && !InWorld(destinationAddress))
            throw new TraceRequestException($"Neither {request.Source} nor {request.Destination} is in a VPC of this world.");

        FlowKey flow;
        if (request.Protocol.IsIcmp)
        {
            int type = request.IcmpType ?? (family == IpFamily.V6 ? FlowKey.IcmpEchoRequestV6 : FlowKey.IcmpEchoRequestV4);
            var protocol = request.Protocol;
            flow = new FlowKey(sourceAddress, destinationAddress, protocol, 0, (ushort)((type << 8) | (request.IcmpCode & 0xFF)));
        }
        else
        {
            flow = new FlowKey(sourceAddress, destinationAddress, request.Protocol, request.SourcePort, request.DestinationPort);
        }
        return new ResolvedFlow(flow, source);
    }

    private static string Name(IpFamily family) => family == IpFamily.V4 ? "IPv4" : "IPv6";

    private static IpFamily? ExplicitFamily(TraceEndpoint endpoint) => endpoint.Address?.Family;

    private bool InWorld(in IpAddress address) =>
        _vpcCidrs.LookupIndex(address) >= 0
        || (address.IsV4 ? IsPublicV4(address) : _globalV6.ContainsKey(new(address)));

    /// <summary>The sending interface, or −1 with the internet address in <paramref name="internetAddress"/>.</summary>
    private int SourceInterface(TraceEndpoint endpoint, out IpAddress internetAddress)
    {
        internetAddress = default;
        switch (endpoint)
        {
            case InterfaceEndpoint or InstanceEndpoint:
                return DestinationInterface(endpoint);
            case AddressEndpoint a:
            {
                var owners = new List<int>();
                for (int v = 0; v < _vpcs.Length; v++)
                {
                    int eni = FindInterface(v, a.Ip);
                    if (eni >= 0)
                        owners.Add(eni);
                }
                if (owners.Count == 1)
                    return owners[0];
                if (owners.Count > 1)
                    throw new TraceRequestException($"The address {a.Ip} belongs to several interfaces ({string.Join(", ", owners.Select(o => _interfaceModels[o].Id))}); name one of them.");
                if (TryPrivateOf(a.Ip, out var target))
                    throw new TraceRequestException($"{a.Ip} is the public address of {_interfaceModels[target.Interface].Id}; instances send from their private address, so name the interface or {target.PrivateIp}.");
                int vpc = _vpcCidrs.LookupIndex(a.Ip);
                if (vpc >= 0)
                    throw new TraceRequestException($"No network interface has the address {a.Ip} in {_vpcModels[_vpcCidrs.Entries[vpc].Value].Id}.");
                internetAddress = a.Ip;
                return -1;
            }
            default:
                throw new TraceRequestException($"Unsupported endpoint {endpoint}.");
        }
    }

    private int DestinationInterface(TraceEndpoint endpoint)
    {
        switch (endpoint)
        {
            case InterfaceEndpoint i:
                return _interfaceIndex.TryGetValue(i.Id, out int index)
                    ? index
                    : throw new TraceRequestException($"The network interface '{i.Id}' does not exist.");
            case InstanceEndpoint n:
            {
                if (!_network.Instances.TryGetValue(n.Id, out var instance) || instance.NetworkInterfaces.IsDefaultOrEmpty)
                    throw new TraceRequestException($"The instance '{n.Id}' does not exist.");
                if (n.SelectedAddress is { } selected)
                {
                    foreach (var id in instance.NetworkInterfaces)
                    {
                        int e = _interfaceIndex.GetValueOrDefault(id, -1);
                        if (e >= 0 && Owns(e, selected))
                            return e;
                    }
                    throw new TraceRequestException($"The instance '{n.Id}' has no address {selected}.");
                }
                int primary = _interfaceIndex.GetValueOrDefault(instance.PrimaryNetworkInterface, -1);
                return primary >= 0 ? primary : throw new TraceRequestException($"The instance '{n.Id}' has no network interface.");
            }
            case AddressEndpoint a:
            {
                for (int v = 0; v < _vpcs.Length; v++)
                {
                    int eni = FindInterface(v, a.Ip);
                    if (eni >= 0)
                        return eni;
                }
                return -1;
            }
            default:
                return -1;
        }
    }

    private IpAddress PickAddress(int eni, TraceEndpoint endpoint, IpFamily family, string role)
    {
        var model = _interfaceModels[eni];
        if (endpoint.Address is { } selected)
        {
            if (!Owns(eni, selected))
                throw new TraceRequestException($"The {role} {model.Id} has no address {selected}.");
            return selected;
        }
        ref readonly var e = ref _interfaces[eni];
        if (family == IpFamily.V6)
        {
            return e.HasV6 ? e.PrimaryV6
                : throw new TraceRequestException($"The {role} {model.Id} ({_network.NameOf(model.Id.Value)}) has no IPv6 address.");
        }
        return e.HasV4 ? e.PrimaryV4
            : throw new TraceRequestException($"The {role} {model.Id} ({_network.NameOf(model.Id.Value)}) has no IPv4 address.");
    }

    // Component references for traces.

    internal ComponentRef InterfaceRef(int eni)
    {
        var m = _interfaceModels[eni];
        string? name = _network.TagsOf(m.Id.Value).Name;
        if (name is null && m.Attachment is { } att)
            name = _network.TagsOf(att.InstanceId.Value).Name;
        if (name is null && _interfaces[eni].NatGateway >= 0)
            name = _network.NameOf(_natModels[_interfaces[eni].NatGateway].Id.Value);
        if (name is null && _interfaces[eni].IsVpcEndpoint)
            name = InterfaceEndpointInterfaceName(eni);
        return new ComponentRef(ComponentKind.NetworkInterface, m.Id.Value, name ?? m.Id.Value);
    }

    internal ComponentRef SubnetRef(int subnet) => Ref(ComponentKind.Subnet, _subnetModels[subnet].Id.Value);

    internal ComponentRef VpcRef(int vpc) => Ref(ComponentKind.Vpc, _vpcModels[vpc].Id.Value);

    internal ComponentRef SecurityGroupRef(int group) => new(ComponentKind.SecurityGroup, _securityGroupModels[group].Id.Value,
        _network.TagsOf(_securityGroupModels[group].Id.Value).Name ?? _securityGroupModels[group].GroupName);

    internal ComponentRef AclRef(int acl) => Ref(ComponentKind.NetworkAcl, _acls[acl].Model.Id.Value);

    internal ComponentRef TableRef(int table) => Ref(ComponentKind.RouteTable, _routeTables[table].Model.Id.Value);

    internal ComponentRef GatewayRef(ComponentKind kind, int index) => kind switch
    {
        ComponentKind.InternetGateway => Ref(kind, _internetGatewayModels[index].Id.Value),
        ComponentKind.EgressOnlyInternetGateway => Ref(kind, _egressOnlyModels[index].Id.Value),
        ComponentKind.NatGateway => Ref(kind, _natModels[index].Id.Value),
        ComponentKind.VpcPeeringConnection => Ref(kind, _peeringModels[index].Id.Value),
        ComponentKind.GatewayEndpoint => Ref(kind, _gatewayEndpointModels[index].Id.Value),
        ComponentKind.AwsService => new(kind, _gatewayEndpointModels[index].ServiceName, _gatewayEndpointModels[index].ServiceName),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private ComponentRef Ref(ComponentKind kind, string id) => new(kind, id, _network.NameOf(id));

    internal ImmutableArray<ComponentRef> GroupsOf(int eni) =>
        [.. _securityGroupSets[_interfaces[eni].SecurityGroupSet].Groups.Select(SecurityGroupRef)];

    internal SecurityGroupRuleRef SecurityGroupRuleRefOf(int group, int rule, int prefixList)
    {
        var g = _securityGroupModels[group];
        var r = g.Rules[rule];
        return new SecurityGroupRuleRef(g.Id, r.Id, r.IsEgress ? TrafficDirection.Egress : TrafficDirection.Ingress,
            r.Protocol.Name, r.FromPort, r.ToPort, r.Peer.ToString() ?? "", prefixList >= 0 ? _prefixListModels[prefixList].Id : null);
    }

    internal AclRuleRef AclRuleRefOf(int acl, int entry, bool egress, IpFamily family)
    {
        if (entry < 0)
        {
            int number = family == IpFamily.V4 ? NetworkAcl.DefaultDenyRuleNumberV4 : NetworkAcl.DefaultDenyRuleNumberV6;
            return new AclRuleRef(number, egress, RuleAction.Deny, "-1", family == IpFamily.V4 ? Cidr.AnyV4 : Cidr.AnyV6, null);
        }
        var e = _acls[acl].Model.Entries[entry];
        return new AclRuleRef(e.RuleNumber, e.Egress, e.Action, e.Protocol.Name, e.Cidr, e.PortRange);
    }

    internal RouteRef RouteRefOf(int table, int route)
    {
        var t = _routeTables[table];
        var r = t.Model.Routes[t.Routes[route].ModelIndex];
        return new RouteRef(r.Destination.ToString(), r.Destination.PrefixListId, r.Target.Kind, r.Target.Id, r.Origin,
            t.Routes[route].Blackhole ? RouteState.Blackhole : RouteState.Active);
    }

    internal string ServiceId(ServiceKind kind, int vpc, in FlowKey packet) =>
        kind == ServiceKind.Dns ? $"amazon-dns:{packet.Destination}" : $"imds:{packet.Destination}";

    internal IpAddress? PublicAddressOf(int vpc, IpAddress privateIp) =>
        TryPublicOf(vpc, privateIp, out var p) ? p : null;
}

public sealed partial class CompiledNetwork
{
    internal int SubnetOfInterface(int eni) => _interfaces[eni].Subnet;
}
