using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>CreateFlowLogs: botocore's input members (ResourceId.N on the wire is <see cref="ResourceIds"/>).</summary>
public sealed record CreateFlowLogsRequest
{
    public bool? DryRun { get; init; }
    public string? ClientToken { get; init; }
    public string? DeliverLogsPermissionArn { get; init; }
    public string? DeliverCrossAccountRole { get; init; }
    public string? LogGroupName { get; init; }
    public IReadOnlyList<string>? ResourceIds { get; init; }
    public string? ResourceType { get; init; }
    public string? TrafficType { get; init; }
    public string? LogDestinationType { get; init; }
    public string? LogDestination { get; init; }
    public string? LogFormat { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public int? MaxAggregationInterval { get; init; }
    public DestinationOptionsRequest? DestinationOptions { get; init; }
}

/// <summary>S3 delivery options (DestinationOptions.FileFormat, .HiveCompatiblePartitions, .PerHourPartition).</summary>
public sealed record DestinationOptionsRequest
{
    public string? FileFormat { get; init; }
    public bool? HiveCompatiblePartitions { get; init; }
    public bool? PerHourPartition { get; init; }
}

/// <summary>The ids created, and the resources refused one by one (AWS's partial success).</summary>
public sealed record CreateFlowLogsResult(string? ClientToken, IReadOnlyList<FlowLogId> FlowLogIds, IReadOnlyList<UnsuccessfulItem> Unsuccessful);

/// <summary>One item a batch action refused, with AWS's code and message (the UnsuccessfulItem shape).</summary>
public sealed record UnsuccessfulItem(string ResourceId, string Code, string Message)
{
    public static UnsuccessfulItem From(string resourceId, Ec2Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(resourceId, error.Code.Code, error.Message);
    }
}

/// <summary>DescribeFlowLogs: note botocore names the filter list <c>Filter</c> here (Filter.N on the wire), not
/// Filters. MaxResults and NextToken are the server's (paging is done once for every Describe*).</summary>
public sealed record DescribeFlowLogsRequest
{
    public bool? DryRun { get; init; }
    public IReadOnlyList<Filter>? Filter { get; init; }
    public IReadOnlyList<string>? FlowLogIds { get; init; }
}

public sealed record DescribeFlowLogsResult(IReadOnlyList<FlowLog> FlowLogs);

public sealed record DeleteFlowLogsRequest
{
    public bool? DryRun { get; init; }
    public IReadOnlyList<string>? FlowLogIds { get; init; }
}

public sealed record DeleteFlowLogsResult(IReadOnlyList<UnsuccessfulItem> Unsuccessful);
