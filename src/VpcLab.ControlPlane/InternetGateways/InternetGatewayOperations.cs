using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The InternetGateways operations.</summary>
public sealed class InternetGatewayOperations
{
    private readonly ControlPlaneState _state;

    internal InternetGatewayOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public CreateInternetGatewayResult CreateInternetGateway(RequestContext ctx, CreateInternetGatewayRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            if (tx.AtRegionQuota(IndexedKinds.InternetGateway, tx.Quotas.InternetGatewaysPerRegion))
                throw GatewayErrors.InternetGatewayLimitExceeded();
            var igw = new InternetGateway(new InternetGatewayId(tx.NewId(IdPrefixes.InternetGateway)), tx.Account, tx.RegionName, null);
            tx.Put(igw);
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceTypes.InternetGateway, igw.Id.Value);
            return new CreateInternetGatewayResult(igw);
        });

    public EmptyResult AttachInternetGateway(RequestContext ctx, AttachInternetGatewayRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var igw = tx.Require(ResourceKinds.InternetGateway, request.InternetGatewayId);
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            // AWS: an internet gateway attaches to one VPC, and a VPC has at most one internet gateway.
            if (igw.AttachedVpcId is not null)
                throw Ec2Errors.ResourceAlreadyAssociated(igw.Id.Value);
            if (tx.World.HasInternetGateway(vpc.Id))
                throw Ec2Errors.ResourceAlreadyAssociated(vpc.Id.Value);
            tx.Put(igw with { AttachedVpcId = vpc.Id });
            return EmptyResult.Instance;
        });

    public EmptyResult DetachInternetGateway(RequestContext ctx, DetachInternetGatewayRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var igw = tx.Require(ResourceKinds.InternetGateway, request.InternetGatewayId);
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            if (igw.AttachedVpcId != vpc.Id)
                throw RouteTableErrors.GatewayNotAttached(igw.Id.Value, vpc.Id.Value);
            // AWS: detaching is refused while public addresses (EIPs, auto-assigned) are mapped in the VPC.
            bool mapped = tx.Where(IndexedKinds.NetworkInterface, "vpc-id", vpc.Id.Value).Any(e =>
                e.PrivateIpAddresses.Any(p => p.AutoAssignedPublicIp is not null)
                || tx.World.Any(IndexedKinds.ElasticIp, "network-interface-id", e.Id.Value));
            if (mapped)
                throw GatewayErrors.DetachWithMappedPublicAddresses(vpc.Id.Value);
            tx.Put(igw with { AttachedVpcId = null });
            return EmptyResult.Instance;
        });

    public EmptyResult DeleteInternetGateway(RequestContext ctx, DeleteInternetGatewayRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var igw = tx.Require(ResourceKinds.InternetGateway, request.InternetGatewayId);
            if (ResourceKinds.InternetGateway.FirstBlocker(tx.World, igw) is not null)
                throw GatewayErrors.InternetGatewayHasDependencies(igw.Id.Value);
            tx.Remove(igw.Id);
            tx.RemoveTags(igw.Id.Value);
            return EmptyResult.Instance;
        });

    public DescribeInternetGatewaysResult DescribeInternetGateways(RequestContext ctx, DescribeInternetGatewaysRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = Transaction.Named(request.InternetGatewayIds, id => tx.Require(ResourceKinds.InternetGateway, id));
            var schema = new FilterSchema<InternetGateway>(IndexedKinds.InternetGateway)
                .Add("owner-id", g => g.OwnerId.Value);
            return new DescribeInternetGatewaysResult([.. schema.Select(tx, request.Filters, named)]);
        });
}
