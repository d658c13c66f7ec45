using System.Collections.Immutable;
using VpcLab.FlowLogs.CloudWatchLogs;
using VpcLab.FlowLogs.Delivery.CloudWatch;
using VpcLab.FlowLogs.Delivery.S3;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>One flow log's delivery: how many records and where they went (s3://bucket/key or group/stream).</summary>
public sealed record FlowLogDelivered(FlowLog FlowLog, int Records, ImmutableArray<string> Locations);
