using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>DescribeVpcEndpointServices: ServiceName.N, Filter.N, ServiceRegion.N, DryRun. MaxResults and NextToken are the
/// server's (paging is done once for every Describe*).</summary>
public sealed record DescribeVpcEndpointServicesRequest
{
    public IReadOnlyList<string>? ServiceNames { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }

    /// <summary>Only services of these Regions (the caller's by default): another Region lists the providers' services
    /// hosted there that support the caller's Region (docs/semantics.md#cross-region-privatelink).</summary>
    public IReadOnlyList<string>? ServiceRegions { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>serviceNameSet (distinct names, sorted) and serviceDetailSet (one item per service and endpoint type).</summary>
public sealed record DescribeVpcEndpointServicesResult(IReadOnlyList<string> ServiceNames, IReadOnlyList<AwsRegionalService> ServiceDetails)
{
    /// <summary>Endpoint services of providers (vpce-svc-…) the caller may connect to, listed after the AWS services
    /// (docs/semantics.md#endpoint-services).</summary>
    public IReadOnlyList<EndpointServiceView> ProviderServices { get; init; } = [];
}
