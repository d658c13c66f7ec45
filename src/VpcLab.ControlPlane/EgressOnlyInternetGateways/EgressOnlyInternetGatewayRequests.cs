using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record CreateEgressOnlyInternetGatewayRequest
{
    public string? VpcId { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    /// <summary>Idempotency token: a retry with the same token and parameters returns the first result.</summary>
    public string? ClientToken { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateEgressOnlyInternetGatewayResult(EgressOnlyInternetGateway EgressOnlyInternetGateway);

public sealed record DeleteEgressOnlyInternetGatewayRequest
{
    public string? EgressOnlyInternetGatewayId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteEgressOnlyInternetGatewayResult(bool ReturnCode = true);

public sealed record DescribeEgressOnlyInternetGatewaysRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? EgressOnlyInternetGatewayIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeEgressOnlyInternetGatewaysResult(IReadOnlyList<EgressOnlyInternetGateway> EgressOnlyInternetGateways);
