using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

public sealed record CreateDefaultVpcRequest
{
    public bool? DryRun { get; init; }
}

public sealed record CreateDefaultVpcResult(Vpc Vpc);
