using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Scenarios;

// Route tables and NAT gateways of a scenario.

/// <summary>Builds a scenario's NAT gateways and route tables through the control plane.</summary>
internal sealed class RoutingBuilder(ScenarioContext context)
{
    public void BuildNatGateway(RequestContext ctx, NatGatewaySpec spec)
    {
        var subnetId = context.Resolve(spec.Line, spec.Subnet, "subnet");
        string? allocation = null;
        if (!spec.Private)
        {
            allocation = context.Do(spec.Line, "NAT gateway", spec.Name, () => context.ControlPlane.AllocateAddress(ctx, new AllocateAddressRequest
            {
                Domain = "vpc",
                TagSpecifications = TagSpecification.Named("elastic-ip", $"{spec.Name}-eip"),
            }).AllocationId);
        }
        var nat = context.Do(spec.Line, "NAT gateway", spec.Name, () => context.ControlPlane.CreateNatGateway(ctx, new CreateNatGatewayRequest
        {
            SubnetId = subnetId,
            AllocationId = allocation,
            ConnectivityType = spec.Private ? "private" : "public",
            TagSpecifications = TagSpecification.Named("natgateway", spec.Name),
        }).NatGateway);
        context.Register(spec.Line, spec.Name, nat.Id.Value);
    }

    public void BuildRouteTable(RequestContext ctx, RouteTableSpec spec, VpcId vpc)
    {
        var table = context.Do(spec.Line, "route table", spec.Name, () => context.ControlPlane.CreateRouteTable(ctx, new CreateRouteTableRequest
        {
            VpcId = vpc.Value,
            TagSpecifications = TagSpecification.Named("route-table", spec.Name),
        }).RouteTable);
        context.Register(spec.Line, spec.Name, table.Id.Value);

        if (spec.Main)
        {
            var mainAssociation = context.ControlPlane.Network.MainRouteTable(vpc).Associations.First(a => a.Main).Id.Value;
            context.Do(spec.Line, "route table", spec.Name, () => context.ControlPlane.ReplaceRouteTableAssociation(ctx, new ReplaceRouteTableAssociationRequest
            {
                AssociationId = mainAssociation,
                RouteTableId = table.Id.Value,
            }));
        }
        foreach (var subnet in spec.Subnets)
        {
            var subnetId = context.Resolve(spec.Line, subnet, "subnet");
            context.Do(spec.Line, "route table", spec.Name, () => context.ControlPlane.AssociateRouteTable(ctx, new AssociateRouteTableRequest
            {
                RouteTableId = table.Id.Value,
                SubnetId = subnetId,
            }));
        }
        foreach (var route in spec.Routes)
            context.Do(route.Line, "route table", spec.Name, () => context.ControlPlane.CreateRoute(ctx, RouteRequest(table.Id.Value, route)));
    }

    /// <summary>A scenario route: the destination's kind picks the request member (IPv4 CIDR, IPv6 CIDR or prefix
    /// list) and the target's id prefix picks the target member, as the API has one member per kind.</summary>
    private CreateRouteRequest RouteRequest(string tableId, RouteSpec route)
    {
        var request = new CreateRouteRequest { RouteTableId = tableId };
        if (Cidr.TryParse(route.Destination, out var cidr))
        {
            request = cidr.IsV4
                ? request with { DestinationCidrBlock = route.Destination }
                : request with { DestinationIpv6CidrBlock = route.Destination };
        }
        else
        {
            request = request with { DestinationPrefixListId = context.ResolvePrefixList(route.Line, route.Destination) };
        }
        var target = context.Resolve(route.Line, route.Target, "route target");
        return target[..target.LastIndexOf('-')] switch
        {
            "igw" or "vgw" => request with { GatewayId = target },
            "eigw" => request with { EgressOnlyInternetGatewayId = target },
            "nat" => request with { NatGatewayId = target },
            "i" => request with { InstanceId = target },
            "eni" => request with { NetworkInterfaceId = target },
            "pcx" => request with { VpcPeeringConnectionId = target },
            "vpce" => request with { GatewayId = target },
            "tgw" => request with { TransitGatewayId = target },
            _ => throw context.Fail(route.Line, $"route target '{route.Target}' is not a gateway, NAT gateway, instance, interface or peering connection"),
        };
    }
}
