using System.Collections.Immutable;
using VpcLab.Engine.Compilation;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>Turns the walk's compiled indices into what a trace shows: components by kind, id and name, and the
/// rule or route that decided. Only traces use it; the fast path never does.</summary>
internal sealed class TraceComponents(CompiledModels models, Topology topology, FilterTables filters, RoutingTables routing)
{
    private Network Network => models.Network;

    public ComponentRef InterfaceRef(int eni)
    {
        var m = models.Interfaces[eni];
        string? name = Network.TagsOf(m.Id.Value).Name;
        if (name is null && m.Attachment is { } att)
            name = Network.TagsOf(att.InstanceId.Value).Name;
        if (name is null && topology.Interfaces[eni].NatGateway >= 0)
            name = Network.NameOf(models.NatGateways[topology.Interfaces[eni].NatGateway].Id.Value);
        if (name is null && topology.Interfaces[eni].IsVpcEndpoint)
            name = InterfaceEndpointInterfaceName(eni);
        return new ComponentRef(ComponentKind.NetworkInterface, m.Id.Value, name ?? m.Id.Value);
    }

    /// <summary>An endpoint's interface without a Name tag is shown by its endpoint's name and zone.</summary>
    private string InterfaceEndpointInterfaceName(int eni) =>
        $"{Network.NameOf(models.InterfaceEndpoints[topology.EndpointOfInterface[eni]].Id.Value)} {models.Interfaces[eni].AvailabilityZone}";

    public ComponentRef SubnetOfInterfaceRef(int eni) => SubnetRef(topology.Interfaces[eni].Subnet);

    public ComponentRef SubnetRef(int subnet) => Ref(ComponentKind.Subnet, models.Subnets[subnet].Id.Value);

    public ComponentRef VpcRef(int vpc) => Ref(ComponentKind.Vpc, models.Vpcs[vpc].Id.Value);

    public ComponentRef SecurityGroupRef(int group) => new(ComponentKind.SecurityGroup, models.SecurityGroups[group].Id.Value,
        Network.TagsOf(models.SecurityGroups[group].Id.Value).Name ?? models.SecurityGroups[group].GroupName);

    public ComponentRef AclRef(int acl) => Ref(ComponentKind.NetworkAcl, filters.Acls[acl].Model.Id.Value);

    public ComponentRef TableRef(int table) => Ref(ComponentKind.RouteTable, routing.Table(table).Model.Id.Value);

    public ComponentRef GatewayRef(ComponentKind kind, int index) => kind switch
    {
        ComponentKind.InternetGateway => Ref(kind, models.InternetGateways[index].Id.Value),
        ComponentKind.EgressOnlyInternetGateway => Ref(kind, models.EgressOnlyInternetGateways[index].Id.Value),
        ComponentKind.NatGateway => Ref(kind, models.NatGateways[index].Id.Value),
        ComponentKind.VpcPeeringConnection => Ref(kind, models.Peerings[index].Id.Value),
        ComponentKind.GatewayEndpoint => Ref(kind, models.GatewayEndpoints[index].Id.Value),
        ComponentKind.AwsService => new(kind, models.GatewayEndpoints[index].ServiceName, models.GatewayEndpoints[index].ServiceName),
        // index: the node's interface.
        ComponentKind.LoadBalancer => BalancerRef(topology.LoadBalancers.Balancers[topology.LoadBalancers.BalancerOfInterface[index]]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static ComponentRef BalancerRef(LoadBalancer lb) => new(ComponentKind.LoadBalancer, lb.Arn.Value, lb.Name);

    public ComponentRef InterfaceEndpointRef(int endpoint) =>
        Ref(ComponentKind.InterfaceEndpoint, models.InterfaceEndpoints[endpoint].Id.Value);

    private ComponentRef Ref(ComponentKind kind, string id) => new(kind, id, Network.NameOf(id));

    public ImmutableArray<ComponentRef> GroupsOf(int eni) =>
        [.. filters.SecurityGroupSets[topology.Interfaces[eni].SecurityGroupSet].Groups.Select(SecurityGroupRef)];

    /// <summary>A peering's flow-log traffic path (4 intra-Region, 5 inter-Region).</summary>
    public TrafficPath PeeringPath(int pcx) => routing.PeeringPath(pcx);

    public SecurityGroupRuleRef SecurityGroupRuleRefOf(int group, int rule, int prefixList)
    {
        var g = models.SecurityGroups[group];
        var r = g.Rules[rule];
        return new SecurityGroupRuleRef(g.Id, r.Id, r.IsEgress ? TrafficDirection.Egress : TrafficDirection.Ingress,
            r.Protocol.Name, r.FromPort, r.ToPort, r.Peer.ToString() ?? "", prefixList >= 0 ? models.PrefixLists[prefixList].Id : null);
    }

    public AclRuleRef AclRuleRefOf(int acl, int entry, bool egress, IpFamily family)
    {
        if (entry < 0)
        {
            int number = family == IpFamily.V4 ? NetworkAcl.DefaultDenyRuleNumberV4 : NetworkAcl.DefaultDenyRuleNumberV6;
            return new AclRuleRef(number, egress, RuleAction.Deny, "-1", family == IpFamily.V4 ? Cidr.AnyV4 : Cidr.AnyV6, null);
        }
        var e = filters.Acls[acl].Model.Entries[entry];
        return new AclRuleRef(e.RuleNumber, e.Egress, e.Action, e.Protocol.Name, e.Cidr, e.PortRange);
    }

    /// <summary>The route a lookup chose; for a prefix-list route, with the list's CIDR that matched
    /// <paramref name="destination"/> (the longest, as the route table's lookup chose it).</summary>
    public RouteRef RouteRefOf(int table, int route, in IpAddress destination)
    {
        var t = routing.Table(table);
        var r = t.Model.Routes[t.Routes[route].ModelIndex];
        var routeRef = new RouteRef(r.Destination.ToString(), r.Destination.PrefixListId, r.Target.Kind, r.Target.Id, r.Origin,
            t.Routes[route].Blackhole ? RouteState.Blackhole : RouteState.Active);
        if (routeRef.DestinationPrefixListId is not { } id || !Network.PrefixLists.TryGetValue(id, out var list))
            return routeRef;
        Cidr? best = null;
        foreach (var e in list.Entries)
        {
            if (e.Cidr.Contains(destination) && (best is null || e.Cidr.PrefixLength > best.Value.PrefixLength))
                best = e.Cidr;
        }
        return routeRef with { MatchedCidr = best };
    }

    /// <summary>The model of an interface endpoint at a compiled index.</summary>
    public VpcEndpoint InterfaceEndpointAt(int endpoint) => models.InterfaceEndpoints[endpoint];

    /// <summary>Where the endpoint's interface sits relative to the client that reached it: the client's zone (null
    /// when unknown), the interface's zone, and whether the endpoint has an interface in the client's zone.</summary>
    public EndpointZoneChoice EndpointZoneOf(int endpoint, int eni, int sender)
    {
        var model = models.InterfaceEndpoints[endpoint];
        var interfaces = models.Interfaces;
        string endpointZone = interfaces[eni].AvailabilityZone;
        string? sourceZone = null;
        // Zone names are per account and Region; compare them only for a client of the same Region.
        if (sender >= 0 && interfaces[sender].Region == interfaces[eni].Region)
            sourceZone = interfaces[sender].AvailabilityZone;
        bool hasInSourceZone = sourceZone is not null && model.NetworkInterfaceIds.Any(id =>
            models.InterfaceIndex.TryGetValue(id, out int i) && interfaces[i].AvailabilityZone == sourceZone);
        return new EndpointZoneChoice(model.Id, model.ServiceName, sourceZone, endpointZone,
            sourceZone == endpointZone, hasInSourceZone);
    }
}
