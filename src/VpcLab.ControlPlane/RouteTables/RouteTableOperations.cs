using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The RouteTables operations.</summary>
public sealed class RouteTableOperations
{
    private readonly ControlPlaneState _state;

    internal RouteTableOperations(ControlPlaneState state)
    {
        _state = state;
    }

    // AWS: no routes to the link-local reserved ranges or subsets of them (spec §2).
    private static readonly Cidr[] ReservedRouteRanges = [Cidr.Parse("169.254.168.0/22"), Cidr.Parse("fd00:ec2::/32")];

    public CreateRouteTableResult CreateRouteTable(RequestContext ctx, CreateRouteTableRequest request) =>
        _state.MutateIdempotent(ctx, request.DryRun, request.ClientToken, nameof(CreateRouteTable), request, tx =>
        {
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            if (tx.AtQuota(IndexedKinds.RouteTable, "vpc-id", vpc.Id.Value, tx.Quotas.RouteTablesPerVpc))
                throw RouteTableErrors.RouteTableLimitExceeded(vpc.Id.Value);
            var table = new RouteTable(new RouteTableId(tx.NewId(IdPrefixes.RouteTable)), vpc.Id, tx.Account, tx.RegionName,
                [.. vpc.AssociatedCidrs.Select(c => new Route(RouteDestination.To(c), RouteTarget.Local, RouteOrigin.CreateRouteTable))], []);
            tx.Put(table);
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceTypes.RouteTable, table.Id.Value);
            return new CreateRouteTableResult(table);
        });

    public EmptyResult DeleteRouteTable(RequestContext ctx, DeleteRouteTableRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var table = tx.Require(ResourceKinds.RouteTable, request.RouteTableId);
            // AWS: the main table cannot be deleted; a custom table only without associations.
            if (ResourceKinds.RouteTable.FirstBlocker(tx.World, table) is not null)
                throw RouteTableErrors.RouteTableHasDependencies(table.Id.Value);
            tx.Remove(table.Id);
            VpcEndpointParts.ForgetRouteTableInEndpoints(tx, table.Id); // src/VpcLab.ControlPlane/VpcEndpoints/
            tx.RemoveTags(table.Id.Value);
            return EmptyResult.Instance;
        });

    public DescribeRouteTablesResult DescribeRouteTables(RequestContext ctx, DescribeRouteTablesRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = Transaction.Named(request.RouteTableIds, id => tx.Require(ResourceKinds.RouteTable, id));
            var n = tx.N;
            var schema = new FilterSchema<RouteTable>(IndexedKinds.RouteTable)
                .Add("owner-id", t => t.OwnerId.Value)
                .AddMany("association.route-table-id", t => t.Associations.Select(_ => t.Id.Value))
                .AddMany("route.origin", t => t.Routes.Select(r => OriginName(r.Origin)))
                .AddMany("route.state", t => t.Routes.Select(r => n.RouteState(t, r) == RouteState.Active ? "active" : "blackhole"));
            return new DescribeRouteTablesResult([.. schema.Select(tx, request.Filters, named)]);
        });

    /// <summary>AWS's wire name of a route origin.</summary>
    public static string OriginName(RouteOrigin origin) => origin switch
    {
        RouteOrigin.CreateRouteTable => "CreateRouteTable",
        RouteOrigin.CreateRoute => "CreateRoute",
        _ => "EnableVgwRoutePropagation",
    };

    public AssociateRouteTableResult AssociateRouteTable(RequestContext ctx, AssociateRouteTableRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var table = tx.Require(ResourceKinds.RouteTable, request.RouteTableId);
            if ((request.SubnetId is null) == (request.GatewayId is null))
                throw Ec2Errors.InvalidParameterCombination("The request must contain exactly one of subnetId or gatewayId");
            var associationId = new RouteTableAssociationId(tx.NewId(IdPrefixes.RouteTableAssociation));
            if (request.SubnetId is not null)
            {
                var subnet = tx.Require(ResourceKinds.Subnet, request.SubnetId);
                if (subnet.VpcId != table.VpcId)
                    throw Ec2Errors.InvalidParameterValue($"Route table {table.Id} and subnet {subnet.Id} belong to different networks");
                // AWS: a subnet has at most one explicit association; replace it with ReplaceRouteTableAssociation.
                if (tx.World.Any(IndexedKinds.RouteTable, "association.subnet-id", subnet.Id.Value))
                    throw Ec2Errors.ResourceAlreadyAssociated(subnet.Id.Value);
                tx.Put(table with { Associations = table.Associations.Add(new RouteTableAssociation(associationId, false, subnet.Id, null)) });
            }
            else
            {
                var gateway = tx.Require(ResourceKinds.InternetGateway, request.GatewayId, "GatewayId");
                if (gateway.AttachedVpcId != table.VpcId)
                    throw RouteTableErrors.GatewayNotAttached(gateway.Id.Value, table.VpcId.Value);
                if (tx.World.Any(IndexedKinds.RouteTable, "association.gateway-id", gateway.Id.Value))
                    throw Ec2Errors.ResourceAlreadyAssociated(gateway.Id.Value);
                tx.Put(table with { Associations = table.Associations.Add(new RouteTableAssociation(associationId, false, null, gateway.Id.Value)) });
            }
            return new AssociateRouteTableResult(associationId.Value, RouteTableAssociationState.Associated);
        });

    private static (RouteTable Table, RouteTableAssociation Association) FindRouteTableAssociation(Transaction tx, string? id)
    {
        id ??= "";
        foreach (var table in tx.Where(IndexedKinds.RouteTable, "association.route-table-association-id", id))
        {
            if (!tx.Owned(table.OwnerId, table.Region))
                continue;
            var association = table.Associations.FirstOrDefault(a => a.Id.Value == id);
            if (association is not null)
                return (table, association);
        }
        throw RouteTableErrors.AssociationNotFound(id);
    }

    public EmptyResult DisassociateRouteTable(RequestContext ctx, DisassociateRouteTableRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var (table, association) = FindRouteTableAssociation(tx, request.AssociationId);
            if (association.Main)
                throw RouteTableErrors.CannotDisassociateMain(association.Id.Value);
            tx.Put(table with { Associations = table.Associations.Remove(association) });
            return EmptyResult.Instance;
        });

    public ReplaceRouteTableAssociationResult ReplaceRouteTableAssociation(RequestContext ctx, ReplaceRouteTableAssociationRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var (old, association) = FindRouteTableAssociation(tx, request.AssociationId);
            var target = tx.Require(ResourceKinds.RouteTable, request.RouteTableId);
            if (target.VpcId != old.VpcId)
                throw Ec2Errors.InvalidParameterValue($"Route table {target.Id} and association {association.Id} belong to different networks");
            var replacement = association with { Id = new RouteTableAssociationId(tx.NewId(IdPrefixes.RouteTableAssociation)) };
            // Works for the main association too: the main marker moves to the new table.
            tx.Put(old with { Associations = old.Associations.Remove(association) });
            target = tx.N.RouteTables[target.Id];
            tx.Put(target with { Associations = target.Associations.Add(replacement) });
            return new ReplaceRouteTableAssociationResult(replacement.Id.Value, RouteTableAssociationState.Associated);
        });

    public ReturnResult CreateRoute(RequestContext ctx, CreateRouteRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var table = tx.Require(ResourceKinds.RouteTable, request.RouteTableId);
            var destination = ParseDestination(tx, request.DestinationCidrBlock, request.DestinationIpv6CidrBlock, request.DestinationPrefixListId);
            var target = ResolveTarget(tx, table, destination, new RouteTargetRequest(request.GatewayId, request.EgressOnlyInternetGatewayId,
                request.NatGatewayId, request.NetworkInterfaceId, request.InstanceId, request.VpcPeeringConnectionId,
                request.VpcEndpointId, request.TransitGatewayId, null));
            // Only the VPC's own CIDRs route to local, and those routes come with the table.
            if (target.Kind == RouteTargetKind.Local)
                throw Ec2Errors.InvalidParameterValue($"The route target 'local' cannot be used with CreateRoute (destination {destination}).");
            if (table.Routes.Any(r => r.Destination == destination))
                throw RouteTableErrors.RouteAlreadyExists(destination.ToString());
            CheckMoreSpecificThanLocal(tx, table, destination, target);
            var updated = table with { Routes = table.Routes.Add(new Route(destination, target, RouteOrigin.CreateRoute)) };
            QuotaUnits.CheckRoutes(tx, updated); // src/VpcLab.ControlPlane/QuotaUnits.cs: per family, a prefix list by its weight
            tx.Put(updated);
            return ReturnResult.True;
        });

    public EmptyResult ReplaceRoute(RequestContext ctx, ReplaceRouteRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var table = tx.Require(ResourceKinds.RouteTable, request.RouteTableId);
            var destination = ParseDestination(tx, request.DestinationCidrBlock, request.DestinationIpv6CidrBlock, request.DestinationPrefixListId);
            var existing = table.Routes.FirstOrDefault(r => r.Destination == destination)
                ?? throw RouteTableErrors.ReplaceMissingRoute(destination.ToString());
            if (existing.Target.Kind == RouteTargetKind.GatewayEndpoint)
                throw VpcEndpointErrors.EndpointRouteManaged(destination.ToString(), existing.Target.Id); // src/VpcLab.ControlPlane/VpcEndpoints/
            var target = ResolveTarget(tx, table, destination, new RouteTargetRequest(request.GatewayId, request.EgressOnlyInternetGatewayId,
                request.NatGatewayId, request.NetworkInterfaceId, request.InstanceId, request.VpcPeeringConnectionId,
                request.VpcEndpointId, request.TransitGatewayId, request.LocalTarget));
            bool isVpcCidr = existing.Origin == RouteOrigin.CreateRouteTable;
            if (target.Kind == RouteTargetKind.Local && !isVpcCidr)
                throw Ec2Errors.InvalidParameterValue($"The route {destination} is not a route of a VPC CIDR; only those can target local.");
            if (isVpcCidr && target.Kind is not (RouteTargetKind.Local or RouteTargetKind.NatGateway or RouteTargetKind.NetworkInterface or RouteTargetKind.GatewayLoadBalancerEndpoint))
                throw RouteTableErrors.RouteMoreSpecificThanLocal(destination.ToString(), destination.Cidr!.Value);
            if (!isVpcCidr)
                CheckMoreSpecificThanLocal(tx, table, destination, target);
            tx.Put(table with { Routes = table.Routes.Replace(existing, existing with { Target = target }) });
            return EmptyResult.Instance;
        });

    public EmptyResult DeleteRoute(RequestContext ctx, DeleteRouteRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var table = tx.Require(ResourceKinds.RouteTable, request.RouteTableId);
            var destination = ParseDestination(tx, request.DestinationCidrBlock, request.DestinationIpv6CidrBlock, request.DestinationPrefixListId, mustExist: false);
            var existing = table.Routes.FirstOrDefault(r => r.Destination == destination)
                ?? throw RouteTableErrors.RouteNotFound(destination.ToString(), table.Id.Value);
            if (existing.Origin == RouteOrigin.CreateRouteTable)
                throw RouteTableErrors.CannotDeleteLocalRoute(destination.ToString(), table.Id.Value);
            if (existing.Target.Kind == RouteTargetKind.GatewayEndpoint)
                throw VpcEndpointErrors.EndpointRouteManaged(destination.ToString(), existing.Target.Id); // src/VpcLab.ControlPlane/VpcEndpoints/
            tx.Put(table with { Routes = table.Routes.Remove(existing) });
            return EmptyResult.Instance;
        });

    private static IpFamily DestinationFamily(Transaction tx, RouteDestination destination) => QuotaUnits.FamilyOf(tx.N, destination);

    private static RouteDestination ParseDestination(Transaction tx, string? v4, string? v6, string? prefixList, bool mustExist = true)
    {
        int given = (v4 is not null ? 1 : 0) + (v6 is not null ? 1 : 0) + (prefixList is not null ? 1 : 0);
        if (given != 1)
            throw RouteTableErrors.RouteNeedsOneDestination();
        if (prefixList is not null)
        {
            if (!mustExist)
                return RouteDestination.To(new PrefixListId(prefixList));
            return RouteDestination.To(tx.Require(ResourceKinds.PrefixList, prefixList, "DestinationPrefixListId").Id);
        }
        var parameter = v4 is not null ? "destinationCidrBlock" : "destinationIpv6CidrBlock";
        var text = v4 ?? v6;
        var cidr = Transaction.ParseCidr(text, parameter);
        if (cidr.IsV4 != (v4 is not null))
            throw Ec2Errors.InvalidCidr(text, parameter);
        if (ReservedRouteRanges.Any(r => r.Contains(cidr)))
            throw RouteTableErrors.RouteToReservedRange(cidr.ToString());
        return RouteDestination.To(cidr);
    }

    private sealed record RouteTargetRequest(string? GatewayId, string? EgressOnlyInternetGatewayId, string? NatGatewayId,
        string? NetworkInterfaceId, string? InstanceId, string? VpcPeeringConnectionId, string? VpcEndpointId,
        string? TransitGatewayId, bool? LocalTarget);

    /// <summary>Exactly one target; it must exist, be the caller's, belong to the table's VPC and suit the
    /// destination's family (EIGW IPv6 only, NAT gateway IPv4 only apart from NAT64's 64:ff9b::/96).</summary>
    private static RouteTarget ResolveTarget(Transaction tx, RouteTable table, RouteDestination destination, RouteTargetRequest r)
    {
        var targets = new[] { r.GatewayId, r.EgressOnlyInternetGatewayId, r.NatGatewayId, r.NetworkInterfaceId, r.InstanceId,
            r.VpcPeeringConnectionId, r.VpcEndpointId, r.TransitGatewayId, r.LocalTarget == true ? "local" : null };
        if (targets.Count(t => t is not null) != 1)
            throw RouteTableErrors.RouteNeedsOneTarget();
        var family = DestinationFamily(tx, destination);
        void SameVpc(VpcId vpc, string id)
        {
            if (vpc != table.VpcId)
                throw RouteTableErrors.TargetInOtherVpc(id, table.VpcId.Value);
        }

        if (r.LocalTarget == true || r.GatewayId == "local")
            return RouteTarget.Local;
        if (r.GatewayId is { } gatewayId)
        {
            if (gatewayId.StartsWith("igw-", StringComparison.Ordinal))
            {
                if (!ResourceKinds.InternetGateway.IsWellFormed(gatewayId)
                    || !tx.N.InternetGateways.TryGetValue(new InternetGatewayId(gatewayId), out var igw) || !tx.Owned(igw.OwnerId, igw.Region))
                    throw RouteTableErrors.GatewayNotFound(gatewayId);
                // Choice (docs/semantics.md#route-to-detached-igw): AWS answers InvalidParameterValue
                // "... belong to different networks" when the gateway is not attached to the table's VPC.
                if (igw.AttachedVpcId != table.VpcId)
                    throw Ec2Errors.InvalidParameterValue($"route table {table.Id} and network gateway {gatewayId} belong to different networks");
                return new RouteTarget(RouteTargetKind.InternetGateway, gatewayId);
            }
            if (gatewayId.StartsWith("vpce-", StringComparison.Ordinal))
                throw RouteTableErrors.RouteNotSupported("VPC Endpoints of this type cannot be used as route targets.");
            throw RouteTableErrors.GatewayNotFound(gatewayId);
        }
        if (r.EgressOnlyInternetGatewayId is { } eigwId)
        {
            var eigw = tx.Require(ResourceKinds.EgressOnlyInternetGateway, eigwId);
            SameVpc(eigw.VpcId, eigwId);
            // AWS: the egress-only internet gateway is "[IPv6 traffic only]".
            if (family != IpFamily.V6)
                throw RouteTableErrors.RouteTargetFamilyMismatch(destination.ToString(), eigwId);
            return new RouteTarget(RouteTargetKind.EgressOnlyInternetGateway, eigwId);
        }
        if (r.NatGatewayId is { } natId)
        {
            var nat = tx.Require(ResourceKinds.NatGateway, natId);
            if (nat.State is NatGatewayState.Deleted or NatGatewayState.Deleting or NatGatewayState.Failed)
                throw ResourceIdErrors.NatGatewayNotFound(natId);
            SameVpc(nat.VpcId, natId);
            // AWS: NatGatewayId is "[IPv4 traffic only]"; IPv6 only for NAT64 (64:ff9b::/96).
            if (family != IpFamily.V4 && !(destination.Cidr is { } c && Nat64Address.WellKnownPrefix.Contains(c)))
                throw RouteTableErrors.RouteTargetFamilyMismatch(destination.ToString(), natId);
            return new RouteTarget(RouteTargetKind.NatGateway, natId);
        }
        if (r.NetworkInterfaceId is { } eniId)
        {
            var eni = tx.Require(ResourceKinds.NetworkInterface, eniId);
            SameVpc(eni.VpcId, eniId);
            return new RouteTarget(RouteTargetKind.NetworkInterface, eniId);
        }
        if (r.InstanceId is { } instanceId)
        {
            var instance = tx.Require(ResourceKinds.Instance, instanceId);
            if (instance.State == InstanceState.Terminated)
                throw ResourceIdErrors.InstanceNotFound(instanceId);
            SameVpc(instance.VpcId, instanceId);
            if (instance.NetworkInterfaces.Length > 1)
                throw RouteTableErrors.InstanceHasMultipleInterfaces(instanceId);
            return new RouteTarget(RouteTargetKind.Instance, instanceId);
        }
        if (r.VpcPeeringConnectionId is { } pcx)
            return VpcPeeringOperations.PeeringRouteTarget(tx, table, pcx); // src/VpcLab.ControlPlane/VpcPeering/
        if (r.VpcEndpointId is { } vpce)
            throw VpcEndpointParts.EndpointAsRouteTarget(tx, vpce); // Gateway Load Balancer endpoints are not modelled
        throw RouteTableErrors.TransitGatewayNotFound(r.TransitGatewayId!);
    }

    /// <summary>AWS: a route equal to or more specific than a VPC CIDR is allowed only when its destination is
    /// exactly a subnet's CIDR and its target a NAT gateway, a network interface or a GWLB endpoint.</summary>
    private static void CheckMoreSpecificThanLocal(Transaction tx, RouteTable table, RouteDestination destination, RouteTarget target)
    {
        if (destination.Cidr is not { } cidr)
            return;
        var vpc = tx.N.Vpcs[table.VpcId];
        var local = vpc.AssociatedCidrs.FirstOrDefault(c => c.Contains(cidr));
        if (local == default)
            return;
        bool isSubnetCidr = tx.Where(IndexedKinds.Subnet, "vpc-id", vpc.Id.Value).Any(s => s.CidrBlock == cidr || s.Ipv6Cidr == cidr);
        bool middlebox = target.Kind is RouteTargetKind.NatGateway or RouteTargetKind.NetworkInterface or RouteTargetKind.GatewayLoadBalancerEndpoint;
        if (!isSubnetCidr || !middlebox || local == cidr)
            throw RouteTableErrors.RouteMoreSpecificThanLocal(cidr.ToString(), local);
    }
}
