using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::InternetGateway: CreateInternetGateway (attached by AWS::EC2::VPCGatewayAttachment).
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-internetgateway.html</summary>
internal sealed class InternetGatewayHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::InternetGateway";

    public override IReadOnlyList<string>? Known => ["Tags"];

    public override IReadOnlyList<string> Attributes => ["InternetGatewayId"];

    public override Provisioned Create(ResourceContext context, JsonObject p) =>
        new(context.ControlPlane.CreateInternetGateway(context.Request, new CreateInternetGatewayRequest
        {
            TagSpecifications = Props.Tags(p, ResourceTypes.InternetGateway),
        }).InternetGateway.Id.Value);

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteInternetGateway(context.Request, new DeleteInternetGatewayRequest { InternetGatewayId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "InternetGatewayId" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
