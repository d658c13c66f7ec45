using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>FlowLog → the FlowLog shape of DescribeFlowLogs; CreateFlowLogs' and DeleteFlowLogs' results with
/// their UnsuccessfulItem lists (botocore output member names).</summary>
internal static class FlowLogShape
{
    public static JsonObject Map(FlowLog f, ShapeContext c) => new()
    {
        ["CreationTime"] = f.CreationTime,
        ["DeliverLogsErrorMessage"] = f.DeliverLogsErrorMessage,
        ["DeliverLogsPermissionArn"] = f.DeliverLogsPermissionArn,
        ["DeliverCrossAccountRole"] = f.DeliverCrossAccountRole,
        ["DeliverLogsStatus"] = f.DeliverLogsStatus,
        ["FlowLogId"] = f.Id.Value,
        ["FlowLogStatus"] = "ACTIVE", // a flow log exists only while active; deleting removes it
        ["LogGroupName"] = f.LogGroupName,
        ["ResourceId"] = f.ResourceId,
        ["TrafficType"] = FlowLogNames.TrafficType(f.TrafficType),
        ["LogDestinationType"] = FlowLogNames.DestinationType(f.DestinationType),
        ["LogDestination"] = f.LogDestination,
        ["LogFormat"] = f.Format.Text, // always present: the default format's text when none was given
        ["Tags"] = c.Tags(f.Id.Value),
        ["MaxAggregationInterval"] = f.MaxAggregationInterval,
        ["DestinationOptions"] = f.DestinationType == FlowLogDestinationType.S3
            ? new JsonObject
            {
                ["FileFormat"] = FlowLogNames.FileFormat(f.DestinationOptions.FileFormat),
                ["HiveCompatiblePartitions"] = f.DestinationOptions.HiveCompatiblePartitions,
                ["PerHourPartition"] = f.DestinationOptions.PerHourPartition,
            }
            : null,
    };

    public static JsonObject Created(CreateFlowLogsResult x) => new()
    {
        ["ClientToken"] = x.ClientToken,
        ["FlowLogIds"] = Json.Array(x.FlowLogIds, id => id.Value),
        ["Unsuccessful"] = Unsuccessful(x.Unsuccessful),
    };

    public static JsonArray Unsuccessful(IEnumerable<UnsuccessfulItem> items) =>
        Json.Array(items, u => new JsonObject
        {
            ["Error"] = new JsonObject { ["Code"] = u.Code, ["Message"] = u.Message },
            ["ResourceId"] = u.ResourceId,
        });
}
