using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::RouteTable: CreateRouteTable. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-routetable.html</summary>
internal sealed class RouteTableHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::RouteTable";

    public override IReadOnlyList<string> Required => ["VpcId"];

    public override IReadOnlyList<string>? Known => ["Tags", "VpcId"];

    public override IReadOnlyList<string> Attributes => ["RouteTableId"];

    public override Provisioned Create(ResourceContext context, JsonObject properties) =>
        new(context.ControlPlane.CreateRouteTable(context.Request, new CreateRouteTableRequest
        {
            VpcId = Props.Text(properties, "VpcId"),
            TagSpecifications = Props.Tags(properties, ResourceTypes.RouteTable),
        }).RouteTable.Id.Value);

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteRouteTable(context.Request, new DeleteRouteTableRequest { RouteTableId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "RouteTableId" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
