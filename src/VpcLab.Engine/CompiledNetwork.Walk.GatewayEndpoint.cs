using System.Collections.Frozen;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

// The walk through a gateway VPC endpoint (S3, DynamoDB): a prefix-list route leads to it, it carries the packet
// to the service, and the service's reply comes back through it to the sender. No interface, no security group;
// the sender's subnet NACL applies both ways. Same Region only: the route's prefix list holds only its Region's
// ranges, so a service address of another Region never matches it.
public sealed partial class CompiledNetwork
{
    private readonly VpcEndpoint[] _gatewayEndpointModels;
    /// <summary>The VPC index of each gateway endpoint (−1 when its VPC is not in the snapshot).</summary>
    private readonly int[] _gatewayEndpointVpc;
    private readonly FrozenDictionary<VpcEndpointId, int> _gatewayEndpointIndex;

    private (VpcEndpoint[] Models, int[] Vpc, FrozenDictionary<VpcEndpointId, int> Index) CompileGatewayEndpoints(Network network)
    {
        VpcEndpoint[] models = [.. network.VpcEndpoints.Values.Where(e => e.IsGateway).OrderBy(e => e.Id.Value, StringComparer.Ordinal)];
        int[] vpc = [.. models.Select(e => _vpcIndex.GetValueOrDefault(e.VpcId, -1))];
        return (models, vpc, Index(models, e => e.Id));
    }

    /// <summary>The compiled index of a gateway endpoint, or −1.</summary>
    internal int GatewayEndpointIndexOf(VpcEndpointId id) => _gatewayEndpointIndex.GetValueOrDefault(id, -1);

    /// <summary>The gateway endpoint at a compiled index (its id, service, policy).</summary>
    internal VpcEndpoint GatewayEndpointAt(int index) => _gatewayEndpointModels[index];

    /// <summary>AWS: through a gateway endpoint only TCP, or ICMP echo, goes toward the service (echo reply back);
    /// anything else is refused (RA: VPCE_GATEWAY_PROTOCOL_RESTRICTION).</summary>
    private static bool GatewayEndpointCarries(in FlowKey p, bool reply)
    {
        if (p.Protocol.Number == 6)
            return true;
        return p.Protocol.Number == 1 && p.IcmpType == (reply ? FlowKey.IcmpEchoReplyV4 : FlowKey.IcmpEchoRequestV4);
    }

    /// <summary>A route of the sender's subnet leads to a gateway endpoint: the endpoint hands the packet to the
    /// service, unchanged (the service sees the sender's private address).</summary>
    private void GatewayEndpointEgress<TRec>(TRec rec, ref WalkState st, int endpoint) where TRec : IPathRecorder
    {
        rec.Gateway(ComponentKind.GatewayEndpoint, endpoint, HopAction.Forwarded, in st.Packet);
        if (!GatewayEndpointCarries(st.Packet, st.Reply))
        {
            Drop(rec, ref st, DropReason.VpceGatewayProtocolRestriction);
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
    private void FromGatewayEndpoint<TRec>(TRec rec, ref WalkState st, int endpoint) where TRec : IPathRecorder
    {
        rec.Gateway(ComponentKind.AwsService, endpoint, HopAction.Sent, in st.Packet);
        rec.Gateway(ComponentKind.GatewayEndpoint, endpoint, HopAction.Forwarded, in st.Packet);
        if (!GatewayEndpointCarries(st.Packet, reply: true))
        {
            Drop(rec, ref st, DropReason.VpceGatewayProtocolRestriction);
            return;
        }
        int vpc = _gatewayEndpointVpc[endpoint];
        int target = vpc < 0 ? -1 : FindInterface(vpc, st.Packet.Destination);
        if (target < 0)
        {
            Drop(rec, ref st, DropReason.NoPossibleDestination);
            return;
        }
        ArriveAtInterface(rec, ref st, target, crossing: true);
    }
}

public sealed partial class CompiledNetwork
{
    /// <summary>A trace's prefix-list route with the list's CIDR that matched <paramref name="destination"/> (the
    /// longest, as the route table's lookup chose it); other routes unchanged.</summary>
    internal RouteRef WithMatchedCidr(RouteRef route, in IpAddress destination)
    {
        if (route.DestinationPrefixListId is not { } id || !_network.PrefixLists.TryGetValue(id, out var list))
            return route;
        Cidr? best = null;
        foreach (var e in list.Entries)
        {
            if (e.Cidr.Contains(destination) && (best is null || e.Cidr.PrefixLength > best.Value.PrefixLength))
                best = e.Cidr;
        }
        return route with { MatchedCidr = best };
    }
}
