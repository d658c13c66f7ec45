using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The wire spellings of a flow log's enums (botocore's enum values), both ways. AWS's enums are
/// case-sensitive: <c>ALL</c>, never <c>all</c>.</summary>
public static class FlowLogNames
{
    public static string TrafficType(FlowLogTrafficType type) => type switch
    {
        FlowLogTrafficType.Accept => "ACCEPT",
        FlowLogTrafficType.Reject => "REJECT",
        _ => "ALL",
    };

    public static FlowLogTrafficType? ParseTrafficType(string? text) => text switch
    {
        "ACCEPT" => FlowLogTrafficType.Accept,
        "REJECT" => FlowLogTrafficType.Reject,
        "ALL" => FlowLogTrafficType.All,
        _ => null,
    };

    public static string DestinationType(FlowLogDestinationType type) => type switch
    {
        FlowLogDestinationType.S3 => "s3",
        FlowLogDestinationType.KinesisDataFirehose => "kinesis-data-firehose",
        _ => "cloud-watch-logs",
    };

    public static FlowLogDestinationType? ParseDestinationType(string? text) => text switch
    {
        "cloud-watch-logs" => FlowLogDestinationType.CloudWatchLogs,
        "s3" => FlowLogDestinationType.S3,
        "kinesis-data-firehose" => FlowLogDestinationType.KinesisDataFirehose,
        _ => null,
    };

    public static string FileFormat(FlowLogFileFormat format) => format == FlowLogFileFormat.Parquet ? "parquet" : "plain-text";

    public static FlowLogFileFormat? ParseFileFormat(string? text) => text switch
    {
        "plain-text" => FlowLogFileFormat.PlainText,
        "parquet" => FlowLogFileFormat.Parquet,
        _ => null,
    };

    public static string ResourceType(FlowLogResourceType type) => type switch
    {
        FlowLogResourceType.Vpc => "VPC",
        FlowLogResourceType.Subnet => "Subnet",
        _ => "NetworkInterface",
    };

    public static FlowLogResourceType? ParseResourceType(string? text) => text switch
    {
        "VPC" => FlowLogResourceType.Vpc,
        "Subnet" => FlowLogResourceType.Subnet,
        "NetworkInterface" => FlowLogResourceType.NetworkInterface,
        _ => null,
    };

    /// <summary>Resource types of the API that this lab does not model (transit gateway flow logs, regional NAT
    /// gateways): refused with InvalidParameter rather than stored half-understood.</summary>
    public static readonly IReadOnlySet<string> UnsupportedResourceTypes =
        new HashSet<string>(StringComparer.Ordinal) { "TransitGateway", "TransitGatewayAttachment", "RegionalNatGateway" };
}
