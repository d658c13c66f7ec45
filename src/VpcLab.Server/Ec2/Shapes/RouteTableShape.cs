using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>RouteTable → the RouteTable output shape, with each route's state (Network.RouteState) and origin.</summary>
internal static class RouteTableShape
{
    public static JsonObject Map(RouteTable t, ShapeContext c) => new()
    {
        ["Associations"] = Json.Array(t.Associations, a => Association(t, a)),
        ["PropagatingVgws"] = new JsonArray(),
        ["RouteTableId"] = t.Id.Value,
        ["Routes"] = Json.Array(t.Routes, r => Route(t, r, c)),
        ["Tags"] = c.Tags(t.Id.Value) ?? new JsonArray(),
        ["VpcId"] = t.VpcId.Value,
        ["OwnerId"] = t.OwnerId.Value,
    };

    public static JsonObject Association(RouteTable t, RouteTableAssociation a) => new()
    {
        ["Main"] = a.Main,
        ["RouteTableAssociationId"] = a.Id.Value,
        ["RouteTableId"] = t.Id.Value,
        ["SubnetId"] = a.SubnetId?.Value,
        ["GatewayId"] = a.GatewayId,
        ["AssociationState"] = Json.State(RouteTableAssociationState.Associated.State),
    };

    public static JsonObject Route(RouteTable t, Route r, ShapeContext c)
    {
        var o = new JsonObject();
        var d = r.Destination;
        if (d.PrefixListId is { } pl)
            o["DestinationPrefixListId"] = pl.Value;
        else if (d.Cidr is { IsV4: true } v4)
            o["DestinationCidrBlock"] = v4.ToString();
        else
            o["DestinationIpv6CidrBlock"] = d.Cidr?.ToString();

        var id = r.Target.Id;
        switch (r.Target.Kind)
        {
            case RouteTargetKind.EgressOnlyInternetGateway:
                o["EgressOnlyInternetGatewayId"] = id;
                break;
            case RouteTargetKind.NatGateway:
                o["NatGatewayId"] = id;
                break;
            case RouteTargetKind.TransitGateway:
                o["TransitGatewayId"] = id;
                break;
            case RouteTargetKind.VpcPeeringConnection:
                o["VpcPeeringConnectionId"] = id;
                break;
            case RouteTargetKind.Instance:
                // AWS shows the instance, its owner and the primary interface the route resolves to.
                o["InstanceId"] = id;
                if (c.Network.Instances.TryGetValue(new InstanceId(id), out var instance))
                {
                    o["InstanceOwnerId"] = instance.OwnerId.Value;
                    o["NetworkInterfaceId"] = instance.PrimaryNetworkInterface.Value;
                }
                break;
            case RouteTargetKind.NetworkInterface:
                if (c.Network.NetworkInterfaces.TryGetValue(new NetworkInterfaceId(id), out var eni) && eni.Attachment is { } at)
                {
                    o["InstanceId"] = at.InstanceId.Value;
                    o["InstanceOwnerId"] = eni.OwnerId.Value;
                }
                o["NetworkInterfaceId"] = id;
                break;
            default:
                // local, internet gateways, virtual private gateways and gateway endpoints all print as GatewayId.
                o["GatewayId"] = id;
                break;
        }
        o["Origin"] = Ec2ControlPlane.OriginName(r.Origin);
        o["State"] = c.Network.RouteState(t, r) == RouteState.Active ? "active" : "blackhole";
        return o;
    }
}
