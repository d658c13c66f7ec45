namespace VpcLab.ControlPlane;

public sealed record ModifyVpcTenancyRequest
{
    public string? VpcId { get; init; }
    public string? InstanceTenancy { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record ModifyVpcTenancyResult(bool ReturnValue);
