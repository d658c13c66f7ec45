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
            TagSpecifications = Props.Tags(p, "vpc-endpoint-service"),
        });
        return new Provisioned(made.ServiceConfiguration.Service.Id.Value);
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.EndpointServiceConfigurations.DeleteVpcEndpointServiceConfigurations(context.Request,
            new DeleteVpcEndpointServiceConfigurationsRequest { ServiceIds = [resource.PhysicalId] });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "ServiceId" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
