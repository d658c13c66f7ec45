using VpcLab.Engine.Compilation;

namespace VpcLab.Engine.Walk;

/// <summary>A gateway VPC endpoint (S3, DynamoDB): a prefix-list route leads to it, it carries the packet to the
/// service, and the service's reply comes back through it to the sender. No interface, no security group; the
/// sender's subnet NACL applies both ways. Same Region only: the route's prefix list holds only its Region's
/// ranges, so a service address of another Region never matches it.</summary>
internal sealed class GatewayEndpointStep(Topology topology, AddressTables addresses)
{
    private readonly int[] _endpointVpc = topology.GatewayEndpointVpc;

    /// <summary>AWS: through a gateway endpoint only TCP, or ICMP echo, goes toward the service (echo reply back);
    /// anything else is refused (RA: VPCE_GATEWAY_PROTOCOL_RESTRICTION).</summary>
    private static bool Carries(in FlowKey p, bool reply)
    {
        if (p.Protocol.Number == 6)
            return true;
        return p.Protocol.Number == 1 && p.IcmpType == (reply ? FlowKey.IcmpEchoReplyV4 : FlowKey.IcmpEchoRequestV4);
    }

    /// <summary>A route of the sender's subnet leads to a gateway endpoint: the endpoint hands the packet to the
    /// service, unchanged (the service sees the sender's private address).</summary>
    public void Egress<TRec>(TRec rec, ref WalkState st, int endpoint) where TRec : IPathRecorder
    {
        rec.Gateway(ComponentKind.GatewayEndpoint, endpoint, HopAction.Forwarded, in st.Packet);
        if (!Carries(st.Packet, st.Reply))
        {
            st.Drop(rec, DropReason.VpceGatewayProtocolRestriction);
            return;
        }
        // A reply that ends here (a connection opened from an address in the service's range) fails the walk's
        // return check: it does not get back to the requester.
        rec.Gateway(ComponentKind.AwsService, endpoint, HopAction.Delivered, in st.Packet);
        st.End = WalkEnd.AwsService;
        st.GatewayEndpoint = endpoint;
    }

    /// <summary>The service's reply comes back through the endpoint into its VPC, to the interface that owns the
    /// destination address: that subnet's NACL inbound applies; security groups are stateful.</summary>
    public void FromService<TRec>(TRec rec, ref WalkState st, int endpoint) where TRec : IPathRecorder
    {
        rec.Gateway(ComponentKind.AwsService, endpoint, HopAction.Sent, in st.Packet);
        rec.Gateway(ComponentKind.GatewayEndpoint, endpoint, HopAction.Forwarded, in st.Packet);
        if (!Carries(st.Packet, reply: true))
        {
            st.Drop(rec, DropReason.VpceGatewayProtocolRestriction);
            return;
        }
        int vpc = _endpointVpc[endpoint];
        int target = vpc < 0 ? -1 : addresses.FindInterface(vpc, st.Packet.Destination);
        if (target < 0)
        {
            st.Drop(rec, DropReason.NoPossibleDestination);
            return;
        }
        st.ArriveAt(target, crossing: true);
    }
}
