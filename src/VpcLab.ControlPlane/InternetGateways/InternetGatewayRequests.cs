using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record CreateInternetGatewayRequest
{
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateInternetGatewayResult(InternetGateway InternetGateway);

public sealed record AttachInternetGatewayRequest
{
    public string? InternetGatewayId { get; init; }
    public string? VpcId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DetachInternetGatewayRequest
{
    public string? InternetGatewayId { get; init; }
    public string? VpcId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteInternetGatewayRequest
{
    public string? InternetGatewayId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeInternetGatewaysRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? InternetGatewayIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeInternetGatewaysResult(IReadOnlyList<InternetGateway> InternetGateways);
