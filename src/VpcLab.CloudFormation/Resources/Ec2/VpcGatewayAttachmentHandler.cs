using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::VPCGatewayAttachment: AttachInternetGateway (a VPN gateway is not modelled); its physical id is
/// "IGW|vpc-…" as CloudFormation's handler names it. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcgatewayattachment.html</summary>
internal sealed class VpcGatewayAttachmentHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::VPCGatewayAttachment";

    public override IReadOnlyList<string> Required => ["VpcId"];

    public override IReadOnlyList<string>? Known => ["InternetGatewayId", "VpcId", "VpnGatewayId"];

    public override IReadOnlyList<string> Attributes => ["AttachmentType"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        if (Props.Text(p, "VpnGatewayId") is not null)
            throw CloudFormationException.Validation("VpcLab does not model virtual private gateways (VpnGatewayId)");
        var gateway = Props.Text(p, "InternetGatewayId")
            ?? throw CloudFormationException.Validation("#: only one of [InternetGatewayId, VpnGatewayId] must be specified");
        var vpc = Props.Text(p, "VpcId")!;
        context.ControlPlane.AttachInternetGateway(context.Request, new AttachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        return new Provisioned($"IGW|{vpc}").With("InternetGatewayId", gateway).With("VpcId", vpc);
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DetachInternetGateway(context.Request, new DetachInternetGatewayRequest
        {
            InternetGatewayId = resource["InternetGatewayId"],
            VpcId = resource["VpcId"],
        });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "AttachmentType" ? "IGW" : base.GetAtt(context, resource, attribute);
}
