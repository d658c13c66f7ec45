using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Resources.Elbv2;

/// <summary>AWS::ElasticLoadBalancingV2::TargetGroup: CreateTargetGroup, ModifyTargetGroupAttributes for
/// TargetGroupAttributes, RegisterTargets for Targets. Ref is the ARN; GetAtt TargetGroupArn, TargetGroupFullName
/// (targetgroup/NAME/ID), TargetGroupName, LoadBalancerArns.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-targetgroup.html</summary>
internal sealed class TargetGroupHandler : ResourceHandler
{
    public override string Type => "AWS::ElasticLoadBalancingV2::TargetGroup";

    public override IReadOnlyList<string>? Known =>
        ["HealthCheckEnabled", "HealthCheckIntervalSeconds", "HealthCheckPath", "HealthCheckPort", "HealthCheckProtocol",
         "HealthCheckTimeoutSeconds", "HealthyThresholdCount", "IpAddressType", "Matcher", "Name", "Port", "Protocol",
         "ProtocolVersion", "Tags", "TargetGroupAttributes", "TargetType", "Targets", "UnhealthyThresholdCount", "VpcId"];

    public override IReadOnlyList<string> Attributes =>
        ["LoadBalancerArns", "TargetGroupArn", "TargetGroupFullName", "TargetGroupName"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var ops = context.ControlPlane.TargetGroups;
        var group = ops.CreateTargetGroup(context.Request, new CreateTargetGroupRequest
        {
            Name = Props.Text(p, "Name") ?? context.GeneratedName(32),
            Protocol = Props.Text(p, "Protocol"),
            Port = Props.Int(p, "Port"),
            VpcId = Props.Text(p, "VpcId"),
            TargetType = Props.Text(p, "TargetType"),
            IpAddressType = Props.Text(p, "IpAddressType"),
            HealthCheckEnabled = Props.Bool(p, "HealthCheckEnabled"),
            HealthCheckProtocol = Props.Text(p, "HealthCheckProtocol"),
            HealthCheckPort = Props.Text(p, "HealthCheckPort"),
            HealthCheckPath = Props.Text(p, "HealthCheckPath"),
            HealthCheckIntervalSeconds = Props.Int(p, "HealthCheckIntervalSeconds"),
            HealthCheckTimeoutSeconds = Props.Int(p, "HealthCheckTimeoutSeconds"),
            HealthyThresholdCount = Props.Int(p, "HealthyThresholdCount"),
            UnhealthyThresholdCount = Props.Int(p, "UnhealthyThresholdCount"),
            Tags = ElbTags.Of(p),
        });
        var arn = group.Arn.Value;
        if (ElbTags.Attributes(p, "TargetGroupAttributes") is { Count: > 0 } attributes)
            ops.ModifyTargetGroupAttributes(context.Request, new TargetGroupAttributesRequest { TargetGroupArn = arn, Attributes = attributes });
        if (Props.Objects(p, "Targets") is { Count: > 0 } targets)
            ops.RegisterTargets(context.Request, new TargetsRequest
            {
                TargetGroupArn = arn,
                Targets = [.. targets.Select(t => new TargetDescription
                {
                    Id = Props.Text(t, "Id"),
                    Port = Props.Int(t, "Port"),
                    AvailabilityZone = Props.Text(t, "AvailabilityZone"),
                })],
            });
        return new Provisioned(arn);
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.TargetGroups.DeleteTargetGroup(context.Request, new DeleteTargetGroupRequest { TargetGroupArn = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute)
    {
        var network = context.ControlPlane.Network;
        var group = network.TargetGroups[new TargetGroupArn(resource.PhysicalId)];
        return attribute switch
        {
            "TargetGroupArn" => group.Arn.Value,
            "TargetGroupFullName" => group.Arn.Value[(group.Arn.Value.IndexOf("targetgroup/", StringComparison.Ordinal))..],
            "TargetGroupName" => group.Name,
            "LoadBalancerArns" => List(network.Listeners.Values
                .Where(l => l.DefaultTargetGroupArn == group.Arn)
                .Select(l => l.LoadBalancerArn.Value).Distinct()),
            _ => base.GetAtt(context, resource, attribute),
        };
    }
}
