using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::VPCEndpointService: CreateVpcEndpointServiceConfiguration (NetworkLoadBalancerArns,
/// AcceptanceRequired, SupportedIpAddressTypes, SupportedRegions). Ref is the service id (vpce-svc-…); GetAtt
/// ServiceId, ServiceType. A Gateway Load Balancer service is refused by the control plane as by the EC2 API.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpointservice.html</summary>
internal sealed class VpcEndpointServiceHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::VPCEndpointService";

    public override IReadOnlyList<string>? Known =>
        ["AcceptanceRequired", "ContributorInsightsEnabled", "GatewayLoadBalancerArns", "NetworkLoadBalancerArns", "PayerResponsibility",
         "SupportedIpAddressTypes", "SupportedRegions", "Tags"];

    public override IReadOnlyList<string> Attributes => ["ServiceId"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var made = context.ControlPlane.EndpointServiceConfigurations.CreateVpcEndpointServiceConfiguration(context.Request, new CreateVpcEndpointServiceConfigurationRequest
        {
            AcceptanceRequired = Props.Bool(p, "AcceptanceRequired"),
            NetworkLoadBalancerArns = Props.Strings(p, "NetworkLoadBalancerArns"),
            GatewayLoadBalancerArns = Props.Strings(p, "GatewayLoadBalancerArns"),
            SupportedIpAddressTypes = Props.Strings(p, "SupportedIpAddressTypes"),
            SupportedRegions = Props.Strings(p, "SupportedRegions"),
            TagSpecifications = Props.Tags(p, "vpc-endpoint-service"), // the EC2 API's resource type for the service
        });
        return new Provisioned(made.ServiceConfiguration.Service.Id.Value);
    }

    /// <summary>AcceptanceRequired and NetworkLoadBalancerArns are "Update requires: No interruption" on the type's page:
    /// ModifyVpcEndpointServiceConfiguration (load balancers added and removed). The rest is kept as given.</summary>
    public override IReadOnlyCollection<string> UpdatableInPlace =>
        ["AcceptanceRequired", "ContributorInsightsEnabled", "NetworkLoadBalancerArns", "PayerResponsibility", "SupportedIpAddressTypes", "SupportedRegions"];

    public override Provisioned Update(ResourceContext context, Provisioned resource, JsonObject before, JsonObject after)
    {
        var old = Props.Strings(before, "NetworkLoadBalancerArns") ?? [];
        var now = Props.Strings(after, "NetworkLoadBalancerArns") ?? [];
        bool? acceptance = JsonNode.DeepEquals(before["AcceptanceRequired"], after["AcceptanceRequired"]) ? null : Props.Bool(after, "AcceptanceRequired") ?? false;
        if (acceptance is null && old.SequenceEqual(now))
            return resource;
        context.ControlPlane.EndpointServiceConfigurations.ModifyVpcEndpointServiceConfiguration(context.Request, new ModifyVpcEndpointServiceConfigurationRequest
        {
            ServiceId = resource.PhysicalId,
            AcceptanceRequired = acceptance,
            AddNetworkLoadBalancerArns = now.Except(old).ToList() is { Count: > 0 } added ? added : null,
            RemoveNetworkLoadBalancerArns = old.Except(now).ToList() is { Count: > 0 } removed ? removed : null,
        });
        return resource;
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.EndpointServiceConfigurations.DeleteVpcEndpointServiceConfigurations(context.Request,
            new DeleteVpcEndpointServiceConfigurationsRequest { ServiceIds = [resource.PhysicalId] });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "ServiceId" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
