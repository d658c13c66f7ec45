using VpcLab.Model;

namespace VpcLab.Engine;

// The walk through an interface VPC endpoint (AWS PrivateLink): the endpoint is one requester-managed interface per
// chosen subnet. A client's packet reaches that interface like any other (the subnet NACL when it crosses, then the
// endpoint's security groups inbound), and the endpoint hands it to the service. TCP only; the service never opens
// a connection into the VPC; the reply leaves the endpoint interface toward the client (security groups are
// stateful, NACLs apply). Spec: gateways-endpoints-peering.md §e; docs/semantics.md#interface-endpoints.
public sealed partial class CompiledNetwork
{
    private VpcEndpoint[] _interfaceEndpointModels = [];
    /// <summary>Per compiled interface: the interface endpoint it belongs to, else −1.</summary>
    private int[] _endpointOfInterface = [];
    /// <summary>Per interface endpoint: true when it carries traffic (state available).</summary>
    private bool[] _interfaceEndpointAvailable = [];

    /// <summary>Marks the interfaces of interface endpoints. Runs after the interfaces are compiled.</summary>
    private void CompileInterfaceEndpoints(Network network)
    {
        _interfaceEndpointModels = [.. network.VpcEndpoints.Values.Where(e => e.IsInterface).OrderBy(e => e.Id.Value, StringComparer.Ordinal)];
        _interfaceEndpointAvailable = [.. _interfaceEndpointModels.Select(e => e.IsAvailable)];
        _endpointOfInterface = new int[_interfaces.Length];
        Array.Fill(_endpointOfInterface, -1);
        for (int ep = 0; ep < _interfaceEndpointModels.Length; ep++)
        {
            foreach (var id in _interfaceEndpointModels[ep].NetworkInterfaceIds)
            {
                if (!_interfaceIndex.TryGetValue(id, out int eni))
                    continue;
                _endpointOfInterface[eni] = ep;
                _interfaces[eni].IsVpcEndpoint = true;
                // AWS manages the interface for the endpoint: it has no instance, and works while the endpoint does
                // (the endpoint's own state is checked when a packet reaches it).
                _interfaces[eni].Usable = true;
            }
        }
    }

    /// <summary>A packet reached an endpoint's interface (after its subnet's NACL): the endpoint's security groups,
    /// then the endpoint itself, which accepts TCP only and hands the packet to the service.</summary>
    private void ArriveAtInterfaceEndpoint<TRec>(TRec rec, ref WalkState st, int target) where TRec : IPathRecorder
    {
        if (!Owns(target, st.Packet.Destination))
        {
            // Nothing is routed through an endpoint interface: it only takes packets addressed to it.
            rec.Interface(target, HopAction.Forwarded, in st.Packet);
            Drop(rec, ref st, DropReason.EniSourceDestCheckRestriction);
            return;
        }
        if (st.Reply)
        {
            rec.Interface(target, HopAction.Delivered, in st.Packet);
            st.End = WalkEnd.Interface;
            st.EndInterface = target;
            return;
        }
        if (!SecurityGroupAllows(rec, ref st, target, egress: false))
            return;
        int endpoint = _endpointOfInterface[target];
        rec.InterfaceEndpoint(target, endpoint, st.Sender, HopAction.Forwarded, in st.Packet);
        if (!_interfaceEndpointAvailable[endpoint])
        {
            Drop(rec, ref st, DropReason.BadState);
            return;
        }
        // Choice (docs/semantics.md#interface-endpoints): interface endpoints carry TCP only (spec §e); UDP, ICMP and the rest stop here.
        if (st.Packet.Protocol.Number != 6)
        {
            Drop(rec, ref st, DropReason.ProtocolRestriction);
            return;
        }
        rec.InterfaceEndpoint(target, endpoint, st.Sender, HopAction.Delivered, in st.Packet);
        // The reply starts at the endpoint's interface, toward the client.
        st.End = WalkEnd.Interface;
        st.EndInterface = target;
    }

    /// <summary>The model of an interface endpoint at a compiled index.</summary>
    internal VpcEndpoint InterfaceEndpointAt(int endpoint) => _interfaceEndpointModels[endpoint];

    /// <summary>The interface endpoint an interface belongs to, or −1.</summary>
    internal int InterfaceEndpointOf(int eni) => _endpointOfInterface[eni];

    /// <summary>An endpoint's interface without a Name tag is shown by its endpoint's name and zone.</summary>
    private string InterfaceEndpointInterfaceName(int eni) =>
        $"{_network.NameOf(_interfaceEndpointModels[_endpointOfInterface[eni]].Id.Value)} {_interfaceModels[eni].AvailabilityZone}";

    internal ComponentRef InterfaceEndpointRef(int endpoint) =>
        Ref(ComponentKind.InterfaceEndpoint, _interfaceEndpointModels[endpoint].Id.Value);

    /// <summary>Where the endpoint's interface sits relative to the client that reached it: the client's zone (null
    /// when unknown), the interface's zone, and whether the endpoint has an interface in the client's zone.</summary>
    internal EndpointZoneChoice EndpointZoneOf(int endpoint, int eni, int sender)
    {
        var model = _interfaceEndpointModels[endpoint];
        string endpointZone = _interfaceModels[eni].AvailabilityZone;
        string? sourceZone = null;
        // Zone names are per account and Region; compare them only for a client of the same Region.
        if (sender >= 0 && _interfaceModels[sender].Region == _interfaceModels[eni].Region)
            sourceZone = _interfaceModels[sender].AvailabilityZone;
        bool hasInSourceZone = sourceZone is not null && model.NetworkInterfaceIds.Any(id =>
            _interfaceIndex.TryGetValue(id, out int i) && _interfaceModels[i].AvailabilityZone == sourceZone);
        return new EndpointZoneChoice(model.Id, model.ServiceName, sourceZone, endpointZone,
            sourceZone == endpointZone, hasInSourceZone);
    }
}
