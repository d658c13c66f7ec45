using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane;

/// <summary>ModifyVpcTenancy (docs/semantics.md#vpc-tenancy): AWS changes a VPC's instance tenancy only from
/// dedicated to default; instances already running keep theirs.</summary>
public sealed class VpcTenancyOperations
{
    private readonly ControlPlaneState _state;

    internal VpcTenancyOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public ModifyVpcTenancyResult ModifyVpcTenancy(RequestContext ctx, ModifyVpcTenancyRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            if (request.InstanceTenancy is null)
                throw Ec2Errors.MissingParameter("InstanceTenancy");
            if (request.InstanceTenancy != "default")
                throw VpcErrors.UnsupportedTenancy(request.InstanceTenancy);
            var vpc = tx.Require(ResourceKinds.Vpc, request.VpcId, "VpcId");
            if (vpc.InstanceTenancy != "default")
                tx.Put(vpc with { InstanceTenancy = "default" });
            return new ModifyVpcTenancyResult(true);
        });
}
