using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::FlowLog: CreateFlowLogs for one resource (VPC, subnet or interface), to S3 or CloudWatch Logs.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-flowlog.html</summary>
internal sealed class FlowLogHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::FlowLog";

    public override IReadOnlyList<string> Required => ["ResourceId", "ResourceType"];

    public override IReadOnlyList<string>? Known =>
        ["DeliverCrossAccountRole", "DeliverLogsPermissionArn", "DestinationOptions", "LogDestination", "LogDestinationType",
         "LogFormat", "LogGroupName", "MaxAggregationInterval", "ResourceId", "ResourceType", "Tags", "TrafficType"];

    public override IReadOnlyList<string> Attributes => ["Id"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var options = p["DestinationOptions"] as JsonObject;
        var result = context.ControlPlane.CreateFlowLogs(context.Request, new CreateFlowLogsRequest
        {
            ResourceIds = [Props.Text(p, "ResourceId")!],
            ResourceType = Props.Text(p, "ResourceType"),
            TrafficType = Props.Text(p, "TrafficType"),
            LogDestinationType = Props.Text(p, "LogDestinationType"),
            LogDestination = Props.Text(p, "LogDestination"),
            LogGroupName = Props.Text(p, "LogGroupName"),
            DeliverLogsPermissionArn = Props.Text(p, "DeliverLogsPermissionArn"),
            DeliverCrossAccountRole = Props.Text(p, "DeliverCrossAccountRole"),
            LogFormat = Props.Text(p, "LogFormat"),
            MaxAggregationInterval = Props.Int(p, "MaxAggregationInterval"),
            DestinationOptions = options is null ? null : new DestinationOptionsRequest
            {
                FileFormat = Props.Text(options, "FileFormat"),
                HiveCompatiblePartitions = Props.Bool(options, "HiveCompatiblePartitions"),
                PerHourPartition = Props.Bool(options, "PerHourPartition"),
            },
            TagSpecifications = Props.Tags(p, ResourceTypes.VpcFlowLog),
        });
        if (result.Unsuccessful.Count > 0)
            throw new ControlPlane.Errors.Ec2Exception(new ControlPlane.Errors.Ec2ErrorCode(result.Unsuccessful[0].Code), result.Unsuccessful[0].Message);
        return new Provisioned(result.FlowLogIds[0].Value);
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteFlowLogs(context.Request, new DeleteFlowLogsRequest { FlowLogIds = [resource.PhysicalId] });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "Id" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
