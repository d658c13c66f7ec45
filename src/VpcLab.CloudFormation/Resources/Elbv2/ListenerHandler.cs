using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Elbv2;

/// <summary>AWS::ElasticLoadBalancingV2::Listener: CreateListener with the DefaultActions (forward, by TargetGroupArn
/// or ForwardConfig) and Certificates. Ref is the ARN; GetAtt ListenerArn.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-listener.html</summary>
internal sealed class ListenerHandler : ResourceHandler
{
    public override string Type => "AWS::ElasticLoadBalancingV2::Listener";

    public override IReadOnlyList<string> Required => ["DefaultActions", "LoadBalancerArn"];

    public override IReadOnlyList<string>? Known =>
        ["AlpnPolicy", "Certificates", "DefaultActions", "ListenerAttributes", "LoadBalancerArn", "MutualAuthentication", "Port", "Protocol", "SslPolicy"];

    public override IReadOnlyList<string> Attributes => ["ListenerArn"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var listener = context.ControlPlane.Listeners.CreateListener(context.Request, new CreateListenerRequest
        {
            LoadBalancerArn = Props.Text(p, "LoadBalancerArn"),
            Protocol = Props.Text(p, "Protocol"),
            Port = Props.Int(p, "Port"),
            Certificates = Props.Objects(p, "Certificates") is { Count: > 0 } certs
                ? [.. certs.Select(c => new ListenerCertificate { CertificateArn = Props.Text(c, "CertificateArn") })]
                : null,
            DefaultActions = [.. Props.Objects(p, "DefaultActions").Select(Action)],
        });
        return new Provisioned(listener.Arn.Value);
    }

    private static ListenerAction Action(JsonObject a) => new()
    {
        Type = Props.Text(a, "Type"),
        TargetGroupArn = Props.Text(a, "TargetGroupArn"),
        ForwardConfig = a["ForwardConfig"] is JsonObject forward
            ? new ForwardActionConfig
            {
                TargetGroups = [.. Props.Objects(forward, "TargetGroups").Select(t => new TargetGroupTuple
                {
                    TargetGroupArn = Props.Text(t, "TargetGroupArn"),
                    Weight = Props.Int(t, "Weight"),
                })],
            }
            : null,
    };

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.Listeners.DeleteListener(context.Request, new DeleteListenerRequest { ListenerArn = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "ListenerArn" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
