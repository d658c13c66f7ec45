using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Scenarios;

// Route tables and NAT gateways of a scenario.
internal sealed partial class ScenarioBuild
{
    private void BuildNatGateway(RequestContext ctx, NatGatewaySpec spec)
    {
        var subnetId = Resolve(spec.Line, spec.Subnet, "subnet");
        string? allocation = null;
        if (!spec.Private)
        {
            allocation = Do(spec.Line, "NAT gateway", spec.Name, () => controlPlane.AllocateAddress(ctx, new AllocateAddressRequest
            {
                Domain = "vpc",
                TagSpecifications = TagSpecification.Named("elastic-ip", $"{spec.Name}-eip"),
            }).AllocationId);
        }
        var nat = Do(spec.Line, "NAT gateway", spec.Name, () => controlPlane.CreateNatGateway(ctx, new CreateNatGatewayRequest
        {
            SubnetId = subnetId,
            AllocationId = allocation,
            ConnectivityType = spec.Private ? "private" : "public",
            TagSpecifications = TagSpecification.Named("natgateway", spec.Name),
        }).NatGateway);
        Register(spec.Line, spec.Name, nat.Id.Value);
    }

    private void BuildRouteTable(RequestContext ctx, RouteTableSpec spec, VpcId vpc)
    {
        var table = Do(spec.Line, "route table", spec.Name, () => controlPlane.CreateRouteTable(ctx, new CreateRouteTableRequest
        {
            VpcId = vpc.Value,
            TagSpecifications = TagSpecification.Named("route-table", spec.Name),
        }).RouteTable);
        Register(spec.Line, spec.Name, table.Id.Value);

        if (spec.Main)
        {
            var mainAssociation = controlPlane.Network.MainRouteTable(vpc).Associations.First(a => a.Main).Id.Value;
            Do(spec.Line, "route table", spec.Name, () => controlPlane.ReplaceRouteTableAssociation(ctx, new ReplaceRouteTableAssociationRequest
            {
                AssociationId = mainAssociation,
                RouteTableId = table.Id.Value,
            }));
        }
        foreach (var subnet in spec.Subnets)
        {
            var subnetId = Resolve(spec.Line, subnet, "subnet");
            Do(spec.Line, "route table", spec.Name, () => controlPlane.AssociateRouteTable(ctx, new AssociateRouteTableRequest
            {
                RouteTableId = table.Id.Value,
                SubnetId = subnetId,
            }));
        }
        foreach (var route in spec.Routes)
            Do(route.Line, "route table", spec.Name, () => controlPlane.CreateRoute(ctx, RouteRequest(table.Id.Value, route)));
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
            request = request with { DestinationPrefixListId = ResolvePrefixList(route.Line, route.Destination) };
        }
        var target = Resolve(route.Line, route.Target, "route target");
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
            _ => throw Fail(route.Line, $"route target '{route.Target}' is not a gateway, NAT gateway, instance, interface or peering connection"),
        };
    }

    /// <summary>A prefix list by id (pl-…), by the name of an AWS-managed list (com.amazonaws.us-east-1.s3), or by
    /// the name a scenario gave one.</summary>
    private string ResolvePrefixList(int line, string nameOrId)
    {
        if (_names.TryGetValue(nameOrId, out var named))
            return named.Id;
        var list = controlPlane.Network.PrefixLists.Values.FirstOrDefault(p => p.Id.Value == nameOrId || p.Name == nameOrId);
        return list?.Id.Value ?? throw Fail(line, $"'{nameOrId}' is neither a CIDR nor a known prefix list");
    }
}
