using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The EgressOnlyInternetGateways operations.</summary>
public sealed class EgressOnlyInternetGatewayOperations
{
    private readonly ControlPlaneState _state;

    internal EgressOnlyInternetGatewayOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public CreateEgressOnlyInternetGatewayResult CreateEgressOnlyInternetGateway(RequestContext ctx, CreateEgressOnlyInternetGatewayRequest request) =>
        _state.MutateIdempotent(ctx, request.DryRun, request.ClientToken, nameof(CreateEgressOnlyInternetGateway), request, tx =>
        {
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId);
            if (tx.AtQuota(IndexedKinds.EgressOnlyInternetGateway, "attachment.vpc-id", vpc.Id.Value, tx.Quotas.EgressOnlyInternetGatewaysPerVpc))
                throw GatewayErrors.EgressOnlyInternetGatewayLimitExceeded(vpc.Id.Value);
            if (tx.AtRegionQuota(IndexedKinds.EgressOnlyInternetGateway, tx.Quotas.EgressOnlyInternetGatewaysPerRegion))
                throw GatewayErrors.EgressOnlyInternetGatewayLimitExceeded(vpc.Id.Value);
            var eigw = new EgressOnlyInternetGateway(new EgressOnlyInternetGatewayId(tx.NewId(IdPrefixes.EgressOnlyInternetGateway)),
                tx.Account, tx.RegionName, vpc.Id);
            tx.Put(eigw);
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceTypes.EgressOnlyInternetGateway, eigw.Id.Value);
            return new CreateEgressOnlyInternetGatewayResult(eigw);
        });

    public DeleteEgressOnlyInternetGatewayResult DeleteEgressOnlyInternetGateway(RequestContext ctx, DeleteEgressOnlyInternetGatewayRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var eigw = tx.Require(ResourceKinds.EgressOnlyInternetGateway, request.EgressOnlyInternetGatewayId);
            // Routes to it stay and turn blackhole (spec (a)).
            tx.Remove(eigw.Id);
            tx.RemoveTags(eigw.Id.Value);
            return new DeleteEgressOnlyInternetGatewayResult(true);
        });

    public DescribeEgressOnlyInternetGatewaysResult DescribeEgressOnlyInternetGateways(RequestContext ctx, DescribeEgressOnlyInternetGatewaysRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var named = Transaction.Named(request.EgressOnlyInternetGatewayIds, id => tx.Require(ResourceKinds.EgressOnlyInternetGateway, id));
            var schema = new FilterSchema<EgressOnlyInternetGateway>(IndexedKinds.EgressOnlyInternetGateway);
            return new DescribeEgressOnlyInternetGatewaysResult([.. schema.Select(tx, request.Filters, named)]);
        });
}
