using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>VPC flow logs (spec flow-logs.md §1, §6): create on VPCs, subnets or interfaces of the caller's account
/// and Region, describe, delete. A flow log is immutable (only its tags change) and goes with its resource.
/// Choices: docs/semantics.md#flow-log-resources.</summary>
public sealed class FlowLogOperations
{
    private readonly ControlPlaneState _state;

    internal FlowLogOperations(ControlPlaneState state)
    {
        _state = state;
    }

    /// <summary>AWS: at most 300 resources per CreateFlowLogs call (25 for transit gateway kinds, not modelled).</summary>
    public const int MaxFlowLogResourceIds = 300;

    /// <summary>AWS: at most 1,000 ids per DescribeFlowLogs or DeleteFlowLogs call.</summary>
    public const int MaxFlowLogIds = 1000;

    /// <summary>Request-level problems fail the whole call; a resource that is unknown, already logged to the same
    /// destination with the same traffic type, or at its quota is refused alone, in <c>Unsuccessful</c>, and so is each
    /// resource when the S3 bucket does not exist.</summary>
    public CreateFlowLogsResult CreateFlowLogs(RequestContext ctx, CreateFlowLogsRequest request) =>
        _state.MutateIdempotent(ctx, request.DryRun, request.ClientToken, nameof(CreateFlowLogs), request, tx =>
        {
            var resourceIds = request.ResourceIds is { Count: > 0 } ids ? ids : throw Ec2Errors.MissingParameter("ResourceId");
            if (resourceIds.Count > MaxFlowLogResourceIds)
                throw Ec2Errors.InvalidParameter($"Too many ResourceIds: {resourceIds.Count} given, at most {MaxFlowLogResourceIds} allowed.");
            var resourceType = ParseFlowLogResourceType(request.ResourceType);
            var traffic = string.IsNullOrEmpty(request.TrafficType)
                ? throw Ec2Errors.MissingParameter("TrafficType")
                : FlowLogNames.ParseTrafficType(request.TrafficType)
                    ?? throw Ec2Errors.InvalidParameterValue($"Value ({request.TrafficType}) for parameter TrafficType is invalid. Valid values: ACCEPT, REJECT, ALL");
            var destinationType = string.IsNullOrEmpty(request.LogDestinationType)
                ? FlowLogDestinationType.CloudWatchLogs
                : FlowLogNames.ParseDestinationType(request.LogDestinationType)
                    ?? throw Ec2Errors.InvalidParameterValue($"Value ({request.LogDestinationType}) for parameter LogDestinationType is invalid. Valid values: cloud-watch-logs, s3, kinesis-data-firehose");
            var destination = FlowLogDestination.Parse(request, destinationType, tx.RegionName, tx.Account.Value);
            var format = FlowLogFormat.Default;
            if (request.LogFormat is not null && !FlowLogFormat.TryParse(request.LogFormat, out format, out var formatError))
                throw Ec2Errors.InvalidParameter($"LogFormat is invalid: {formatError}");
            int interval = request.MaxAggregationInterval ?? FlowLog.DefaultMaxAggregationInterval;
            // AWS's message, word for word (valid values: 60 or 600 seconds, API reference CreateFlowLogs).
            if (interval is not (60 or 600))
                throw Ec2Errors.InvalidParameter("Invalid Flow Log Max Aggregation Interval");
            var options = ParseDestinationOptions(request.DestinationOptions);
            var tags = tx.TagsFor(request.TagSpecifications, ResourceTypes.VpcFlowLog, [ResourceTypes.VpcFlowLog]);

            var created = new List<FlowLogId>();
            var unsuccessful = new List<UnsuccessfulItem>();
            // A log written before the bucket check may hold a flow log to a bucket it never made: it was acknowledged.
            var destinationMissing = _state.Replaying ? null : destination.Missing(tx.N);
            foreach (var resourceId in resourceIds.Distinct(StringComparer.Ordinal))
            {
                var refusal = FlowLogResourceMissing(tx, resourceType, resourceId) ?? destinationMissing;
                if (refusal is null)
                {
                    var onResource = tx.Where(IndexedKinds.FlowLog, "resource-id", resourceId).ToList();
                    if (onResource.Any(f => f.TrafficType == traffic && destination.SameAs(f)))
                        refusal = FlowLogErrors.FlowLogAlreadyExists();
                    else if (onResource.Count >= tx.Quotas.FlowLogsPerResource)
                        refusal = FlowLogErrors.FlowLogsLimitExceeded(resourceId, tx.Quotas.FlowLogsPerResource);
                }
                if (refusal is not null)
                {
                    unsuccessful.Add(UnsuccessfulItem.From(resourceId, refusal));
                    continue;
                }
                var id = new FlowLogId(tx.NewId(IdPrefixes.FlowLog));
                var log = ToFlowLog(id, destination) with
                {
                    OwnerId = tx.Account,
                    Region = tx.RegionName,
                    ResourceId = resourceId,
                    ResourceType = resourceType,
                    TrafficType = traffic,
                    Format = format,
                    MaxAggregationInterval = interval,
                    DestinationOptions = options,
                    CreationTime = tx.Now,
                    DeliverCrossAccountRole = string.IsNullOrEmpty(request.DeliverCrossAccountRole) ? null : request.DeliverCrossAccountRole,
                };
                tx.Put(log);
                if (tags.Count > 0)
                    tx.SetTags(id.Value, tags);
                created.Add(id);
            }
            return new CreateFlowLogsResult(request.ClientToken, created, unsuccessful);
        });

    /// <summary>Unknown ids in FlowLogId.N are simply not in the answer (docs/semantics.md#flow-log-resources: DescribeFlowLogs
    /// treats the ids as a filter, as AWS does).</summary>
    public DescribeFlowLogsResult DescribeFlowLogs(RequestContext ctx, DescribeFlowLogsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            if (request.FlowLogIds is { Count: > MaxFlowLogIds } tooMany)
                throw Ec2Errors.InvalidParameter($"Too many FlowLogIds: {tooMany.Count} given, at most {MaxFlowLogIds} allowed.");
            // Ids the caller has no flow log of are left out, not refused (docs/semantics.md#flow-log-resources).
            var named = request.FlowLogIds is { Count: > 0 } ids
                ? ids.Distinct(StringComparer.Ordinal).Select(id => tx.Find(ResourceKinds.FlowLog, id)).OfType<FlowLog>().ToList()
                : null;
            return new DescribeFlowLogsResult([.. new FilterSchema<FlowLog>(IndexedKinds.FlowLog).Select(tx, request.Filter, named)]);
        });

    /// <summary>Each id that is not one of the caller's flow logs (here, in this Region) is refused alone, in
    /// <c>Unsuccessful</c>, with InvalidFlowLogId.NotFound; the others are deleted (docs/semantics.md#flow-log-resources).</summary>
    public DeleteFlowLogsResult DeleteFlowLogs(RequestContext ctx, DeleteFlowLogsRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var ids = request.FlowLogIds is { Count: > 0 } given ? given : throw Ec2Errors.MissingParameter("FlowLogId");
            if (ids.Count > MaxFlowLogIds)
                throw Ec2Errors.InvalidParameter($"Too many FlowLogIds: {ids.Count} given, at most {MaxFlowLogIds} allowed.");
            var unsuccessful = new List<UnsuccessfulItem>();
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                if (tx.Find(ResourceKinds.FlowLog, id) is not { } log)
                {
                    unsuccessful.Add(UnsuccessfulItem.From(id, ResourceIdErrors.FlowLogNotFound(id)));
                    continue;
                }
                tx.Remove(log.Id);
                tx.RemoveTags(id);
            }
            return new DeleteFlowLogsResult(unsuccessful);
        });

    /// <summary>AWS deletes a VPC's, subnet's or interface's flow logs together with it (called by DeleteVpc,
    /// DeleteSubnet and every path that removes an interface). Already-delivered logs are not touched.</summary>
    internal static void DeleteFlowLogsOf(Transaction tx, string resourceId)
    {
        // Through the index (resource-id): deleting an interface costs its own flow logs, not the world's.
        foreach (var log in tx.Where(IndexedKinds.FlowLog, "resource-id", resourceId).ToList())
        {
            tx.Remove(log.Id);
            tx.RemoveTags(log.Id.Value);
        }
    }

    private static FlowLogResourceType ParseFlowLogResourceType(string? text)
    {
        if (string.IsNullOrEmpty(text))
            throw Ec2Errors.MissingParameter("ResourceType");
        if (FlowLogNames.UnsupportedResourceTypes.Contains(text))
            throw Ec2Errors.InvalidParameter($"ResourceType {text} is not supported: VpcLab creates flow logs for VPC, Subnet and NetworkInterface resources only.");
        return FlowLogNames.ParseResourceType(text)
            ?? throw Ec2Errors.InvalidParameterValue($"Value ({text}) for parameter ResourceType is invalid. Valid values: VPC, Subnet, NetworkInterface, TransitGateway, TransitGatewayAttachment, RegionalNatGateway");
    }

    private static FlowLogDestinationOptions ParseDestinationOptions(DestinationOptionsRequest? options)
    {
        if (options is null)
            return FlowLogDestinationOptions.Default;
        var fileFormat = options.FileFormat is null
            ? FlowLogFileFormat.PlainText
            : FlowLogNames.ParseFileFormat(options.FileFormat)
                ?? throw Ec2Errors.InvalidParameterValue($"Value ({options.FileFormat}) for parameter DestinationOptions.FileFormat is invalid. Valid values: plain-text, parquet");
        return new FlowLogDestinationOptions(fileFormat, options.HiveCompatiblePartitions ?? false, options.PerHourPartition ?? false);
    }

    /// <summary>The resource's own NotFound error when it is not the caller's (in the caller's Region) — a peer
    /// VPC of another account included — else null.</summary>
    private static Ec2Exception? FlowLogResourceMissing(Transaction tx, FlowLogResourceType type, string id) => type switch
    {
        FlowLogResourceType.Vpc => Missing(tx, ResourceKinds.Vpc, id),
        FlowLogResourceType.Subnet => Missing(tx, ResourceKinds.Subnet, id),
        _ => Missing(tx, ResourceKinds.NetworkInterface, id),
    };

    // Looked up by map and owner only: an ill-formed id is the kind's NotFound here, as before.
    private static Ec2Exception? Missing<TId, TRecord>(Transaction tx, ResourceKind<TId, TRecord> kind, string id)
        where TId : notnull
        where TRecord : class =>
        tx.Find(kind, id) is null ? kind.NotFound(id) : null;

    private static FlowLog ToFlowLog(FlowLogId id, FlowLogDestination destination) => new(
        id, default, "", "", default, default, destination.Type, destination.LogDestination, destination.LogGroupName,
        destination.DeliverLogsPermissionArn, FlowLogFormat.Default, FlowLog.DefaultMaxAggregationInterval,
        FlowLogDestinationOptions.Default, default);
}
