using System.Collections.Immutable;
using VpcLab.Import.Json;
using VpcLab.Model;

namespace VpcLab.Import.Reading;

/// <summary>describe-route-tables. A route to a target kind VpcLab names but does not model (a transit gateway, a
/// virtual private gateway) is kept and acts as a blackhole; a route to a kind it cannot name (a local gateway, a
/// carrier gateway, a Cloud WAN core network) is left out; both are listed as skipped
/// (docs/semantics.md#import-unmodelled-targets).</summary>
internal static class RouteTableReader
{
    public static void Read(FolderContext ctx)
    {
        foreach (var t in ctx.Items(DescribeCalls.RouteTables))
        {
            var id = new RouteTableId(t.String("RouteTableId"));
            var routes = ImmutableArray.CreateBuilder<Route>();
            foreach (var r in t.Items("Routes"))
            {
                if (Route(ctx, id, r) is { } route)
                    routes.Add(route);
            }
            var table = new RouteTable(id, new VpcId(t.String("VpcId")), VpcReader.OwnerOf(t, ctx), ctx.Region, routes.ToImmutable(),
                [.. t.Items("Associations").Where(Associated).Select(Association)]);
            if (ctx.Parts.RouteTables.TryAdd(id, table))
                ctx.Parts.Tag(id.Value, t.Tags());
        }
    }

    private static bool Associated(JsonSource a) =>
        a.Member("AssociationState") is not { } state || state.OptionalString("State") is null or "associated" or "associating";

    private static RouteTableAssociation Association(JsonSource a) =>
        new(new RouteTableAssociationId(a.String("RouteTableAssociationId")), a.Bool("Main"),
            a.OptionalString("SubnetId") is { } s ? new SubnetId(s) : null, a.OptionalString("GatewayId"));

    private static Route? Route(FolderContext ctx, RouteTableId table, JsonSource r)
    {
        RouteDestination destination = r.Member("DestinationPrefixListId") is { } pl
            ? RouteDestination.To(new PrefixListId(pl.Text()))
            : RouteDestination.To(r.Member("DestinationCidrBlock") is { } v4 ? v4.Cidr() : r.Cidr("DestinationIpv6CidrBlock"));
        var origin = r.Member("Origin") is { } o ? o.Enum<RouteOrigin>() : RouteOrigin.CreateRoute;
        if (Target(r) is not { } target)
        {
            ctx.Skip("route", $"{table} {destination}", $"target not modelled ({string.Join(", ", UnmodelledMembers.Where(r.Has))})");
            return null;
        }
        if (target.Kind is RouteTargetKind.TransitGateway or RouteTargetKind.VirtualPrivateGateway)
            ctx.Skip("route", $"{table} {destination}", $"to {target.Id}: kept, acts as a blackhole (target not modelled)");
        return new Route(destination, target, origin);
    }

    private static readonly string[] UnmodelledMembers = ["LocalGatewayId", "CarrierGatewayId", "CoreNetworkArn", "OdbNetworkArn"];

    /// <summary>The one target a route names, in the member AWS prints it in. A route to an instance prints both the
    /// instance and the interface it resolves to: the interface is what the route sends to.</summary>
    private static RouteTarget? Target(JsonSource r)
    {
        if (r.OptionalString("NetworkInterfaceId") is { } eni)
            return new RouteTarget(RouteTargetKind.NetworkInterface, eni);
        if (r.OptionalString("InstanceId") is { } instance)
            return new RouteTarget(RouteTargetKind.Instance, instance);
        if (r.OptionalString("NatGatewayId") is { } nat)
            return new RouteTarget(RouteTargetKind.NatGateway, nat);
        if (r.OptionalString("EgressOnlyInternetGatewayId") is { } eigw)
            return new RouteTarget(RouteTargetKind.EgressOnlyInternetGateway, eigw);
        if (r.OptionalString("VpcPeeringConnectionId") is { } pcx)
            return new RouteTarget(RouteTargetKind.VpcPeeringConnection, pcx);
        if (r.OptionalString("TransitGatewayId") is { } tgw)
            return new RouteTarget(RouteTargetKind.TransitGateway, tgw);
        if (r.OptionalString("GatewayId") is not { } gateway)
            return null;
        return gateway switch
        {
            "local" => RouteTarget.Local,
            _ when gateway.StartsWith("igw-", StringComparison.Ordinal) => new RouteTarget(RouteTargetKind.InternetGateway, gateway),
            _ when gateway.StartsWith("vgw-", StringComparison.Ordinal) => new RouteTarget(RouteTargetKind.VirtualPrivateGateway, gateway),
            _ when gateway.StartsWith("vpce-", StringComparison.Ordinal) => new RouteTarget(RouteTargetKind.GatewayEndpoint, gateway),
            _ => null,
        };
    }
}
