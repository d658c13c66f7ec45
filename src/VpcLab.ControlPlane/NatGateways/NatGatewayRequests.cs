using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record CreateNatGatewayRequest
{
    public string? SubnetId { get; init; }
    public string? AllocationId { get; init; }

    /// <summary>public (default) or private.</summary>
    public string? ConnectivityType { get; init; }

    /// <summary>zonal (default) only: a regional NAT gateway is refused clearly (spec (c)).</summary>
    public string? AvailabilityMode { get; init; }
    public string? PrivateIpAddress { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    /// <summary>Idempotency token: a retry with the same token and parameters returns the first result.</summary>
    public string? ClientToken { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateNatGatewayResult(NatGateway NatGateway);

public sealed record DeleteNatGatewayRequest
{
    public string? NatGatewayId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteNatGatewayResult(string NatGatewayId);

/// <summary>Note the model's member name: <c>Filter</c>, not Filters, for this action.</summary>
public sealed record DescribeNatGatewaysRequest
{
    public IReadOnlyList<Filter>? Filter { get; init; }
    public IReadOnlyList<string>? NatGatewayIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeNatGatewaysResult(IReadOnlyList<NatGateway> NatGateways);
