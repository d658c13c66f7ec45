using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Resources.Elbv2;

/// <summary>AWS::ElasticLoadBalancingV2::LoadBalancer: CreateLoadBalancer (Network Load Balancers only, as the ELBv2
/// API here; the control plane refuses the other types). Ref is the ARN; GetAtt DNSName, LoadBalancerFullName
/// (net/NAME/ID), LoadBalancerName, LoadBalancerArn, SecurityGroups.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-loadbalancer.html</summary>
internal sealed class LoadBalancerHandler : ResourceHandler
{
    public override string Type => "AWS::ElasticLoadBalancingV2::LoadBalancer";

    public override IReadOnlyList<string>? Known =>
        ["EnableCapacityReservationProvisionStabilize", "EnablePrefixForIpv6SourceNat", "EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic",
         "IpAddressType", "Ipv4IpamPoolId", "LoadBalancerAttributes", "MinimumLoadBalancerCapacity", "Name", "Scheme", "SecurityGroups",
         "SubnetMappings", "Subnets", "Tags", "Type"];

    public override IReadOnlyList<string> Attributes =>
        ["DNSName", "LoadBalancerArn", "LoadBalancerFullName", "LoadBalancerName", "SecurityGroups"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var lb = context.ControlPlane.LoadBalancers.CreateLoadBalancer(context.Request, new CreateLoadBalancerRequest
        {
            Name = Props.Text(p, "Name") ?? context.GeneratedName(32),
            Type = Props.Text(p, "Type") ?? "application", // CloudFormation's default; the control plane refuses it clearly
            Scheme = Props.Text(p, "Scheme"),
            IpAddressType = Props.Text(p, "IpAddressType"),
            Subnets = Props.Strings(p, "Subnets"),
            SubnetMappings = Props.Objects(p, "SubnetMappings") is { Count: > 0 } maps
                ? [.. maps.Select(m => new SubnetMapping
                {
                    SubnetId = Props.Text(m, "SubnetId"),
                    AllocationId = Props.Text(m, "AllocationId"),
                    PrivateIPv4Address = Props.Text(m, "PrivateIPv4Address"),
                    IPv6Address = Props.Text(m, "IPv6Address"),
                })]
                : null,
            SecurityGroups = Props.Strings(p, "SecurityGroups"),
            Tags = ElbTags.Of(p),
        });
        if (ElbTags.Attributes(p) is { Count: > 0 } attributes)
            context.ControlPlane.LoadBalancers.ModifyLoadBalancerAttributes(context.Request, new LoadBalancerAttributesRequest { LoadBalancerArn = lb.Arn.Value, Attributes = attributes });
        return new Provisioned(lb.Arn.Value);
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.LoadBalancers.DeleteLoadBalancer(context.Request, new DeleteLoadBalancerRequest { LoadBalancerArn = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute)
    {
        var lb = context.ControlPlane.Network.LoadBalancers[new LoadBalancerArn(resource.PhysicalId)];
        return attribute switch
        {
            "DNSName" => lb.DnsName,
            "LoadBalancerArn" => lb.Arn.Value,
            "LoadBalancerFullName" => $"net/{lb.Name}/{lb.ShortId}",
            "LoadBalancerName" => lb.Name,
            "SecurityGroups" => List(lb.SecurityGroups.Select(g => g.Value)),
            _ => base.GetAtt(context, resource, attribute),
        };
    }
}
