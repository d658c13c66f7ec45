using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The NatGateways operations.</summary>
public sealed class NatGatewayOperations
{
    private readonly ControlPlaneState _state;

    internal NatGatewayOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public CreateNatGatewayResult CreateNatGateway(RequestContext ctx, CreateNatGatewayRequest request) =>
        _state.MutateIdempotent(ctx, request.DryRun, request.ClientToken, nameof(CreateNatGateway), request, tx =>
        {
            if (request.AvailabilityMode is not (null or "zonal"))
            {
                if (request.AvailabilityMode == "regional")
                    throw GatewayErrors.RegionalNatGatewayUnsupported();
                throw Ec2Errors.InvalidParameterValue($"Value ({request.AvailabilityMode}) for parameter availabilityMode is invalid. Valid values: zonal, regional");
            }
            var subnet = tx.Require(ResourceKinds.Subnet, request.SubnetId);
            var connectivity = request.ConnectivityType switch
            {
                null or "public" => NatConnectivityType.Public,
                "private" => NatConnectivityType.Private,
                var other => throw Ec2Errors.InvalidParameterValue($"Value ({other}) for parameter connectivityType is invalid. Valid values: public, private"),
            };
            ElasticIpAddress? eip = null;
            if (connectivity == NatConnectivityType.Public)
            {
                // AWS: a public NAT gateway needs an Elastic IP at creation.
                eip = tx.Require(ResourceKinds.ElasticIp, request.AllocationId ?? throw Ec2Errors.MissingParameter("AllocationId"));
                if (eip.AssociationId is not null || tx.World.Any(IndexedKinds.NatGateway, IndexedKinds.NatAllocationLink, eip.AllocationId.Value, g => g.State != NatGatewayState.Deleted))
                    throw Ec2Errors.ResourceAlreadyAssociated(eip.AllocationId.Value);
            }
            else if (request.AllocationId is not null)
            {
                throw Ec2Errors.InvalidParameterCombination("A private NAT gateway cannot have an Elastic IP address (AllocationId).");
            }
            int inZone = tx.Mine(IndexedKinds.NatGateway).Count(g => g.State != NatGatewayState.Deleted
                && tx.N.Subnets.TryGetValue(g.SubnetId, out var s) && s.AvailabilityZone.Name == subnet.AvailabilityZone.Name);
            if (inZone >= tx.Quotas.NatGatewaysPerAvailabilityZone)
                throw GatewayErrors.NatGatewayLimitExceeded(subnet.AvailabilityZone.Name);

            var used = tx.UsedAddresses(subnet.Id);
            IpAddress privateIp;
            if (request.PrivateIpAddress is not null)
            {
                privateIp = Transaction.ParseIp(request.PrivateIpAddress, "privateIpAddress");
                tx.CheckRequestedAddress(subnet, privateIp, used);
            }
            else
            {
                privateIp = tx.AllocatePrivateIpv4(subnet, used);
            }
            var natId = new NatGatewayId(tx.NewId(IdPrefixes.NatGateway));
            // The NAT gateway's own interface: requester-managed, no security groups (spec (c)).
            var eni = new NetworkInterface(new NetworkInterfaceId(tx.NewId(IdPrefixes.NetworkInterface)), tx.Account, tx.RegionName,
                subnet.Id, subnet.VpcId, subnet.AvailabilityZone.Name, [new PrivateIpAddress(privateIp, true, null)], [], [],
                SourceDestCheck: false, NetworkInterfaceType.NatGateway, null, $"Interface for NAT Gateway {natId}", tx.NewMacAddress())
            {
                RequesterManaged = true,
            };
            tx.Put(eni);
            if (eip is not null)
                tx.Put(eip with { AssociationId = tx.NewId(IdPrefixes.ElasticIpAssociation), NetworkInterfaceId = eni.Id, PrivateIp = privateIp });
            var nat = new NatGateway(natId, tx.Account, tx.RegionName, subnet.VpcId, subnet.Id, connectivity, eip?.AllocationId, eni.Id,
                privateIp, eip?.PublicIp, NatGatewayState.Available, tx.Now);
            tx.Put(nat);
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceTypes.NatGateway, natId.Value);
            return new CreateNatGatewayResult(nat);
        });

    public DeleteNatGatewayResult DeleteNatGateway(RequestContext ctx, DeleteNatGatewayRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var nat = tx.Require(ResourceKinds.NatGateway, request.NatGatewayId);
            if (nat.State == NatGatewayState.Deleted)
                throw ResourceIdErrors.NatGatewayNotFound(nat.Id.Value);
            // AWS: the gateway goes to deleted (and stays visible), its interface is released, its Elastic IP is
            // disassociated (still allocated); routes to it turn blackhole.
            tx.Remove(nat.NetworkInterfaceId);
            FlowLogOperations.DeleteFlowLogsOf(tx, nat.NetworkInterfaceId.Value); // the interface's flow logs go with it
            foreach (var eip in tx.Where(IndexedKinds.ElasticIp, "network-interface-id", nat.NetworkInterfaceId.Value).ToList())
                tx.Put(eip with { AssociationId = null, NetworkInterfaceId = null, PrivateIp = null });
            tx.Put(nat with { State = NatGatewayState.Deleted });
            return new DeleteNatGatewayResult(nat.Id.Value);
        });

    public DescribeNatGatewaysResult DescribeNatGateways(RequestContext ctx, DescribeNatGatewaysRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = Transaction.Named(request.NatGatewayIds, id => tx.Require(ResourceKinds.NatGateway, id));
            var schema = new FilterSchema<NatGateway>(IndexedKinds.NatGateway)
                .Add("connectivity-type", g => g.ConnectivityType == NatConnectivityType.Public ? "public" : "private");
            return new DescribeNatGatewaysResult([.. schema.Select(tx, request.Filter, named)]);
        });

    public static string NatStateName(NatGatewayState state) => state switch
    {
        NatGatewayState.Pending => "pending",
        NatGatewayState.Failed => "failed",
        NatGatewayState.Available => "available",
        NatGatewayState.Deleting => "deleting",
        _ => "deleted",
    };
}
