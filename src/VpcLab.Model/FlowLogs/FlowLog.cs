namespace VpcLab.Model;

/// <summary>A VPC flow log (fl-…): which interfaces it watches (a VPC's or a subnet's, including interfaces created
/// later, or one interface), which traffic it keeps, how records look and where they are delivered. Immutable on
/// AWS too: only its tags may change.</summary>
public sealed record FlowLog(
    FlowLogId Id, AccountId OwnerId, string Region, string ResourceId, FlowLogResourceType ResourceType,
    FlowLogTrafficType TrafficType, FlowLogDestinationType DestinationType, string LogDestination,
    string? LogGroupName, string? DeliverLogsPermissionArn, FlowLogFormat Format, int MaxAggregationInterval,
    FlowLogDestinationOptions DestinationOptions, DateTimeOffset CreationTime)
{
    /// <summary>The default aggregation window, in seconds (the other allowed value is 60).</summary>
    public const int DefaultMaxAggregationInterval = 600;

    public string? DeliverCrossAccountRole { get; init; }

    /// <summary>SUCCESS, or FAILED with <see cref="DeliverLogsErrorMessage"/> (Rate limited, Access error, Unknown error).</summary>
    public string DeliverLogsStatus { get; init; } = "SUCCESS";

    public string? DeliverLogsErrorMessage { get; init; }

    /// <summary>The bucket of an S3 destination (<c>arn:aws:s3:::bucket/prefix/</c> → bucket), else null.</summary>
    public string? S3Bucket => DestinationType == FlowLogDestinationType.S3 ? S3Arn.Bucket(LogDestination) : null;

    /// <summary>The folder inside the bucket of an S3 destination, without leading or trailing '/' ("" for none).</summary>
    public string? S3Prefix => DestinationType == FlowLogDestinationType.S3 ? S3Arn.Prefix(LogDestination) : null;

    /// <summary>True when this flow log watches the interface: its VPC, its subnet or the interface itself.</summary>
    public bool Covers(NetworkInterface eni) => ResourceType switch
    {
        FlowLogResourceType.Vpc => eni.VpcId.Value == ResourceId,
        FlowLogResourceType.Subnet => eni.SubnetId.Value == ResourceId,
        FlowLogResourceType.NetworkInterface => eni.Id.Value == ResourceId,
        _ => false,
    };

    /// <summary>True when a record with this action is kept (TrafficType ACCEPT, REJECT or ALL).</summary>
    public bool Keeps(bool accepted) => TrafficType switch
    {
        FlowLogTrafficType.All => true,
        FlowLogTrafficType.Accept => accepted,
        _ => !accepted,
    };
}
