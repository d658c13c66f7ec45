using System.Collections.Immutable;
using VpcLab.Engine.Compilation;
using VpcLab.Engine.Walk;
using VpcLab.Model;

namespace VpcLab.Engine;

/// <summary>Records one path's hops as the data plane walks it, and turns a drop into coded explanations.</summary>
internal sealed class TraceBuilder : IPathRecorder
{
    private readonly TraceComponents _network;
    private readonly List<Draft> _hops = [];

    private sealed class Draft
    {
        public required ComponentRef Component;
        public HopAction Action;
        public TrafficDirection? Direction;
        public AclRuleRef? AclRule;
        public SecurityGroupRuleRef? SecurityGroupRule;
        public RouteRef? Route;
        public ComponentRef? Subnet;
        public TrafficPath? PeeringPath;
        public EndpointZoneChoice? EndpointZone;
        public PacketHeader Header;
        public ImmutableArray<ComponentRef> Groups = [];
        public readonly List<Explanation> Explanations = [];
    }

    public TraceBuilder(TraceComponents components) => _network = components;

    public ComponentRef? DroppedAt { get; private set; }

    public ImmutableArray<Explanation> DropExplanations { get; private set; } = [];

    public ImmutableArray<Hop> Build() =>
        [.. _hops.Select((d, i) => new Hop(i + 1, d.Component, d.Action, d.Direction, d.AclRule, d.SecurityGroupRule,
            d.Route, d.Header, [.. d.Explanations]) { Subnet = d.Subnet, PeeringPath = d.PeeringPath, EndpointZone = d.EndpointZone })];

    private Draft Add(ComponentRef component, HopAction action, in FlowKey packet)
    {
        var d = new Draft { Component = component, Action = action, Header = PacketHeader.From(packet) };
        _hops.Add(d);
        return d;
    }

    public void Interface(int eni, HopAction action, in FlowKey packet) =>
        Add(_network.InterfaceRef(eni), action, packet).Subnet = _network.SubnetOfInterfaceRef(eni);

    public void SecurityGroup(int eni, bool egress, int group, int rule, int prefixList, in FlowKey packet)
    {
        if (group == SgRule.TrackedIcmpErrorGroup)
        {
            SecurityGroupTracked(eni, egress, packet);
            return;
        }
        var groups = _network.GroupsOf(eni);
        var component = group >= 0 ? _network.SecurityGroupRef(group)
            : groups.IsEmpty ? _network.InterfaceRef(eni) : groups[0];
        var d = Add(component, HopAction.Forwarded, packet);
        d.Direction = egress ? TrafficDirection.Egress : TrafficDirection.Ingress;
        d.Groups = groups;
        d.Subnet = _network.SubnetOfInterfaceRef(eni);
        if (group >= 0)
            d.SecurityGroupRule = _network.SecurityGroupRuleRefOf(group, rule, prefixList);
    }

    public void SecurityGroupTracked(int eni, bool egress, in FlowKey packet)
    {
        SecurityGroup(eni, egress, -1, -1, -1, in packet);
        var d = _hops[^1];
        d.Explanations.Add(new Explanation(ExplanationCode.SecurityGroupTrackedIcmpError, d.Direction, d.Component)
        {
            SecurityGroups = d.Groups,
            Message = $"No {(egress ? "outbound" : "inbound")} rule of {string.Join(", ", d.Groups.Select(g => g.Id))} allows {d.Header}, "
                + "but an ICMP error belongs to the connection it reports on, which security groups track: it passes regardless of their rules.",
        });
    }

    public void Acl(int acl, int subnet, bool egress, int entry, bool allowed, in FlowKey packet)
    {
        var d = Add(_network.AclRef(acl), HopAction.Forwarded, packet);
        d.Direction = egress ? TrafficDirection.Egress : TrafficDirection.Ingress;
        d.AclRule = _network.AclRuleRefOf(acl, entry, egress, packet.Family);
        d.Subnet = _network.SubnetRef(subnet);
    }

    public void Route(int table, int route, int subnet, in FlowKey packet)
    {
        var d = Add(_network.TableRef(table), HopAction.Forwarded, packet);
        if (route >= 0)
            d.Route = _network.RouteRefOf(table, route, packet.Destination);
        if (subnet >= 0)
            d.Subnet = _network.SubnetRef(subnet);
    }

    public void Subnet(int subnet, in FlowKey packet) => Add(_network.SubnetRef(subnet), HopAction.Forwarded, packet);

    public void Gateway(ComponentKind kind, int index, HopAction action, in FlowKey packet)
    {
        var d = Add(_network.GatewayRef(kind, index), action, packet);
        if (kind == ComponentKind.VpcPeeringConnection)
            d.PeeringPath = _network.PeeringPath(index);
        if (kind == ComponentKind.NatGateway && action == HopAction.Translated)
        {
            d.Explanations.Add(new Explanation(ExplanationCode.NgwSourceAddressReassign, Component: d.Component) { Address = packet.Source });
            if (packet.Protocol.HasPorts)
                d.Explanations.Add(new Explanation(ExplanationCode.RemapEphemeralPort, Component: d.Component));
        }
    }

    public void Internet(HopAction action, in FlowKey packet)
    {
        var address = action == HopAction.Sent ? packet.Source : packet.Destination;
        Add(new ComponentRef(ComponentKind.Internet, address.ToString(), "internet"), action, packet);
    }

    public void Service(VpcService kind, int vpc, in FlowKey packet)
    {
        var component = kind == VpcService.Dns
            ? new ComponentRef(ComponentKind.AmazonDnsResolver, packet.Destination.ToString(), "Amazon DNS resolver")
            : new ComponentRef(ComponentKind.InstanceMetadataService, packet.Destination.ToString(), "instance metadata service");
        Add(component, HopAction.Delivered, packet);
    }

    public void InterfaceEndpoint(int eni, int endpoint, int sender, HopAction action, in FlowKey packet)
    {
        var model = _network.InterfaceEndpointAt(endpoint);
        if (action == HopAction.Delivered)
        {
            Add(new ComponentRef(ComponentKind.AwsService, model.ServiceName, model.ServiceName), HopAction.Delivered, packet);
            return;
        }
        if (action == HopAction.Translated)
        {
            // PrivateLink: the endpoint hands the connection to its provider's load balancer node.
            Add(_network.InterfaceEndpointRef(endpoint), HopAction.Translated, packet).Subnet = _network.SubnetOfInterfaceRef(eni);
            return;
        }
        Add(_network.InterfaceRef(eni), HopAction.Forwarded, packet).Subnet = _network.SubnetOfInterfaceRef(eni);
        var d = Add(_network.InterfaceEndpointRef(endpoint), HopAction.Forwarded, packet);
        d.Subnet = _network.SubnetOfInterfaceRef(eni);
        var zone = _network.EndpointZoneOf(endpoint, eni, sender);
        d.EndpointZone = zone;
        if (zone.SourceZone is not null && !zone.SameZone)
        {
            d.Explanations.Add(new Explanation(ExplanationCode.AvailabilityZoneCrossed, Component: d.Component)
            {
                Message = zone.SourceZoneHasEndpointInterface
                    ? $"The client in {zone.SourceZone} reached {model.Id}'s interface in {zone.EndpointZone}, though the endpoint has one in {zone.SourceZone}: cross-AZ data transfer."
                    : $"{model.Id} has no interface in {zone.SourceZone}, so the client uses the one in {zone.EndpointZone}: the path depends on that zone and pays cross-AZ data transfer.",
            });
        }
    }

    public void Drop(DropReason reason)
    {
        var last = _hops[^1];
        last.Action = HopAction.Dropped;
        var code = ExplanationCode.For(reason);
        Explanation explanation = reason switch
        {
            DropReason.SubnetAclRestriction => new Explanation(code, last.Direction, last.Subnet, last.Component, last.AclRule?.RuleNumber)
            {
                Message = $"{last.Component.Id} {(last.Direction == TrafficDirection.Egress ? "outbound" : "inbound")} rule {last.AclRule?.RuleNumber} denies {last.Header}.",
            },
            DropReason.EniSgRulesMismatch or DropReason.SgHasNoRules => new Explanation(code, last.Direction, last.Component)
            {
                SecurityGroups = last.Groups,
                Message = $"No {(last.Direction == TrafficDirection.Egress ? "outbound" : "inbound")} rule of {string.Join(", ", last.Groups.Select(g => g.Id))} allows {last.Header}.",
            },
            DropReason.NoRouteToDestination => new Explanation(code, Component: last.Component)
            {
                Address = last.Header.Destination,
                Message = $"{last.Component.Id} has no route to {last.Header.Destination}.",
            },
            DropReason.BadStateRoute => new Explanation(code, Component: last.Component)
            {
                Route = last.Route,
                Message = $"The route {last.Route?.Destination} -> {last.Route?.TargetId} in {last.Component.Id} is a blackhole.",
            },
            DropReason.IgwPublicIpAssociationForEgress => new Explanation(code, TrafficDirection.Egress, last.Component)
            {
                Address = last.Header.Source,
                Message = $"{last.Header.Source} has no public IPv4 or Elastic IP address, so {last.Component.Id} cannot carry it to the internet.",
            },
            DropReason.IgwPrivateIpAssociationForIngress => new Explanation(code, TrafficDirection.Ingress, last.Component)
            {
                Address = last.Header.Destination,
                Message = $"{last.Header.Destination} is not a public address associated with an interface behind {last.Component.Id}.",
            },
            DropReason.IgwDestinationAddressNotInRfc1918Egress or DropReason.IgwDestinationAddressNotInRfc6598Egress =>
                new Explanation(code, TrafficDirection.Egress, last.Component) { Address = last.Header.Destination },
            DropReason.IgwSourceAddressNotInRfc1918Ingress or DropReason.IgwSourceAddressNotInRfc6598Ingress =>
                new Explanation(code, TrafficDirection.Ingress, last.Component) { Address = last.Header.Source },
            _ => new Explanation(code, Component: last.Component) { Message = MessageFor(reason, last) },
        };
        last.Explanations.Add(explanation);
        DroppedAt = last.Component;
        DropExplanations = [explanation];
    }

    private static string? MessageFor(DropReason reason, Draft last) => reason switch
    {
        DropReason.EniSourceDestCheckRestriction =>
            $"{last.Component.Id} has source/destination check on and {last.Header} is not addressed from or to it.",
        DropReason.EgressOnlyInboundRefused =>
            "An egress-only internet gateway refuses connections opened from the internet.",
        DropReason.NatGatewayInboundRefused =>
            "A NAT gateway accepts no connection opened from outside.",
        DropReason.AsymmetricReturnPath =>
            "The reply would not return the way the request came (through the same stateful gateway, to the same address).",
        DropReason.NoPossibleDestination => $"No network interface has the address {last.Header.Destination}.",
        DropReason.NoPath => $"Nothing connects {last.Header.Source} to {last.Header.Destination}.",
        DropReason.BadState when last.Component.Kind == ComponentKind.InterfaceEndpoint =>
            $"{last.Component.Id} is not available (an endpoint to a provider's service waits in pendingAcceptance until the provider accepts it, and a rejected one stays refused): it carries no traffic until it is.",
        DropReason.BadState => $"{last.Component.Id} is not in a working state (its instance is not running).",
        DropReason.ProtocolRestriction when last.Component.Kind == ComponentKind.InterfaceEndpoint =>
            $"{last.Component.Id} is an interface endpoint: it carries TCP only, not {last.Header.Protocol}.",
        DropReason.VpceIntraVpcTraffic =>
            $"{last.Component.Id} belongs to an interface endpoint: the service never opens connections into the VPC; clients connect to it.",
        DropReason.ProtocolRestriction => $"{last.Component.Id} does not carry {last.Header.Protocol} over {(last.Header.Source.IsV4 ? "IPv4" : "IPv6")}.",
        DropReason.ForwardingLoop => "The routes send the packet round in a loop.",
        DropReason.ElbV2ListenersMismatch => $"No listener of {last.Component.Id} accepts {last.Header.Protocol} on port {last.Header.DestinationPort}.",
        DropReason.ElbV2ListenerHasNoTg => $"The listener's target group of {last.Component.Id} has no targets.",
        DropReason.ElbV2NoTargetsInAz =>
            $"{last.Component.Id} has no target this node may send to: none healthy in its Availability Zone with cross-zone load balancing off while targets elsewhere are healthy (AWS takes this node's address out of DNS), or none registered in an enabled zone, or none running.",
        DropReason.VpceServiceNotInstalledInAz =>
            $"The endpoint service behind {last.Component.Id} has no load balancer node in this interface's Availability Zone (zones match by zone id).",
        DropReason.DnsSupportDisabled => "DNS support is off in this VPC: the Amazon DNS resolver does not answer.",
        DropReason.PcxRequiresAddressInVpcCidr =>
            $"{last.Component.Id} only carries traffic between addresses of its two VPCs ({last.Header}): peering is neither transitive nor edge to edge.",
        DropReason.VpceGatewayProtocolRestriction =>
            $"{last.Component.Id} carries only TCP and ICMP echo to its service, not {last.Header.Protocol}.",
        DropReason.NgwRequiresSourceInVpc =>
            $"A NAT gateway only serves sources in its own VPC; {last.Header.Source} came over {last.Component.Id}.",
        _ => null,
    };
}
