using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::EgressOnlyInternetGateway: CreateEgressOnlyInternetGateway.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-egressonlyinternetgateway.html</summary>
internal sealed class EgressOnlyInternetGatewayHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::EgressOnlyInternetGateway";

    public override IReadOnlyList<string> Required => ["VpcId"];

    public override IReadOnlyList<string>? Known => ["Tags", "VpcId"];

    public override IReadOnlyList<string> Attributes => ["Id"];

    public override Provisioned Create(ResourceContext context, JsonObject p) =>
        new(context.ControlPlane.CreateEgressOnlyInternetGateway(context.Request, new CreateEgressOnlyInternetGatewayRequest
        {
            VpcId = Props.Text(p, "VpcId"),
            TagSpecifications = Props.Tags(p, ResourceTypes.EgressOnlyInternetGateway),
        }).EgressOnlyInternetGateway.Id.Value);

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteEgressOnlyInternetGateway(context.Request, new DeleteEgressOnlyInternetGatewayRequest { EgressOnlyInternetGatewayId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "Id" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
