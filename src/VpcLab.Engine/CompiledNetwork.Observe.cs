using VpcLab.Model;

namespace VpcLab.Engine;

public sealed partial class CompiledNetwork
{
    /// <summary>Decides a flow like <see cref="Decide"/> and records what every interface on its forward and return
    /// paths saw (<see cref="InterfaceObservation"/>): the raw material of flow logs. Reuse
    /// <paramref name="into"/> across calls; it is cleared first.</summary>
    public Decision Observe(in FlowKey flow, int sourceInterfaceIndex, FlowObservations into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        var (forward, reply) = into.Recorders(this);
        var decision = Run(forward, reply, in flow, sourceInterfaceIndex);
        into.Decision = decision;
        return decision;
    }

    /// <summary>The model interface at a compiled index (its subnet, VPC, owner, addresses...).</summary>
    public NetworkInterface InterfaceAt(int index) => _interfaceModels[index];

    internal int NatGatewayInterface(int nat) => _nats[nat].Interface;

    /// <summary>The flow-log traffic path of a packet routed by <paramref name="route"/> of a table.</summary>
    internal EgressPath EgressPathOf(int table, int route)
    {
        if (route < 0)
            return EgressPath.None;
        ref readonly var r = ref _routes[_tableSlices[table].RouteBase + route];
        if (r.Blackhole)
            return EgressPath.None;
        return r.Kind switch
        {
            RouteTargetKind.Local or RouteTargetKind.NatGateway or RouteTargetKind.NetworkInterface
                or RouteTargetKind.Instance => EgressPath.SameVpc,
            RouteTargetKind.InternetGateway or RouteTargetKind.EgressOnlyInternetGateway => EgressPath.InternetGateway,
            RouteTargetKind.VpcPeeringConnection => _peerings[r.Target].InterRegion ? EgressPath.InterRegionPeering : EgressPath.IntraRegionPeering,
            RouteTargetKind.GatewayEndpoint => EgressPath.GatewayEndpoint,
            RouteTargetKind.VirtualPrivateGateway => EgressPath.VirtualPrivateGateway,
            _ => EgressPath.None,
        };
    }
}
