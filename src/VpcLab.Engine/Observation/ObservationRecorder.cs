using VpcLab.Engine.Walk;
using VpcLab.Model;

namespace VpcLab.Engine;

/// <summary>Records what each interface saw while the shared walk runs (the flow-log view of a path). An
/// observation opens when a packet leaves an interface (sent, relayed, translated by a NAT gateway) or arrives at
/// one, and closes at the next step: rejected when the interface's security group or its subnet's NACL dropped
/// the packet, accepted otherwise — even when routing drops it later, since it did leave the interface. Traffic
/// AWS never logs (to the DNS resolver, the metadata service) and packets an interface never took (bad state,
/// source/destination check) leave nothing.</summary>
internal sealed class ObservationRecorder(CompiledNetwork network, FlowObservations into, PathDirection path) : IPathRecorder
{
    private int _open = -1;
    /// <summary>Where the current interface's observations begin, so a packet it never took can be forgotten.</summary>
    private int _stepStart;
    private int _stepInterface = -1;

    public void Reset()
    {
        _open = -1;
        _stepInterface = -1;
    }

    private void Open(int eni, TrafficDirection direction, in FlowKey packet, bool newStep = false)
    {
        Close(accepted: true, TrafficPath.None);
        if (eni < 0)
            return;
        if (newStep || eni != _stepInterface)
        {
            _stepInterface = eni;
            _stepStart = into.Count;
        }
        _open = into.Add(new InterfaceObservation(eni, path, direction, packet, true, TrafficPath.None));
    }

    private void Close(bool accepted, TrafficPath egressPath)
    {
        if (_open < 0)
            return;
        ref readonly var o = ref into.At(_open);
        into.Set(_open, o with
        {
            Accepted = accepted,
            EgressPath = o.Direction == TrafficDirection.Egress ? egressPath : TrafficPath.None,
        });
        _open = -1;
    }

    /// <summary>A sender's observation still open here crossed no route table: the destination is in its own subnet,
    /// which is the same VPC (traffic-path 1), like an endpoint interface next to its client.</summary>
    public void Arrive(int eni, in FlowKey packet)
    {
        Close(accepted: true, TrafficPath.SameVpc);
        Open(eni, TrafficDirection.Ingress, packet, newStep: true);
    }

    public void Interface(int eni, HopAction action, in FlowKey packet)
    {
        switch (action)
        {
            case HopAction.Sent:
                Open(eni, TrafficDirection.Egress, packet, newStep: true);
                break;
            case HopAction.Delivered:
                Close(accepted: true, TrafficPath.None);
                break;
            case HopAction.Forwarded:
                // A middlebox relays the packet; when it is refused instead, the Drop that follows forgets both.
                Open(eni, TrafficDirection.Egress, packet);
                break;
        }
    }

    public void SecurityGroup(int eni, bool egress, int group, int rule, int prefixList, in FlowKey packet) { }

    public void SecurityGroupTracked(int eni, bool egress, in FlowKey packet) { }

    public void Acl(int acl, int subnet, bool egress, int entry, bool allowed, in FlowKey packet) { }

    public void Route(int table, int route, int subnet, in FlowKey packet) =>
        Close(accepted: true, network.Routing.TrafficPathOf(table, route));

    public void Subnet(int subnet, in FlowKey packet) => Close(accepted: true, TrafficPath.SameVpc);

    public void Gateway(ComponentKind kind, int index, HopAction action, in FlowKey packet)
    {
        if (kind == ComponentKind.LoadBalancer && action == HopAction.Translated)
        {
            Open(index, TrafficDirection.Egress, packet); // the node sends the connection on (index: its interface)
            return;
        }
        if (kind == ComponentKind.NatGateway)
        {
            if (action == HopAction.Translated)
                Open(network.Topology.Nats[index].Interface, TrafficDirection.Egress, packet);
            else
                Close(accepted: true, TrafficPath.None);
            return;
        }
        Close(accepted: true, TrafficPath.None);
    }

    public void Internet(HopAction action, in FlowKey packet) => Close(accepted: true, TrafficPath.None);

    /// <summary>The endpoint's interface accepted the packet (its NACL and groups passed); it hands it to the service,
    /// which the flow log does not see. A PrivateLink reply (Translated on the return path) leaves the endpoint's
    /// interface toward the client, which its flow log records (docs/semantics.md#privatelink-data-plane).</summary>
    public void InterfaceEndpoint(int eni, int endpoint, int sender, HopAction action, in FlowKey packet)
    {
        if (action == HopAction.Translated && path == PathDirection.Return)
        {
            Open(eni, TrafficDirection.Egress, packet, newStep: true);
            return;
        }
        Close(accepted: true, TrafficPath.None);
    }

    public void Service(VpcService kind, int vpc, in FlowKey packet)
    {
        // The Amazon DNS resolver and the metadata service: never in flow logs.
        if (_open >= 0)
            into.Truncate(_open);
        _open = -1;
    }

    public void Drop(DropReason reason)
    {
        switch (reason)
        {
            case DropReason.EniSgRulesMismatch or DropReason.SgHasNoRules or DropReason.SubnetAclRestriction:
                Close(accepted: false, TrafficPath.None);
                break;
            case DropReason.BadState or DropReason.EniSourceDestCheckRestriction or DropReason.VpceIntraVpcTraffic:
                // The interface never took the packet (an endpoint's interface never sends a connection of its own).
                if (_stepInterface >= 0)
                    into.Truncate(_stepStart);
                _open = -1;
                break;
            default:
                Close(accepted: true, TrafficPath.None);
                break;
        }
    }
}
