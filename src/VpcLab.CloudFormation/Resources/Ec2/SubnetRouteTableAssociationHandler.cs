using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::SubnetRouteTableAssociation: AssociateRouteTable; Ref is the association id.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnetroutetableassociation.html</summary>
internal sealed class SubnetRouteTableAssociationHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::SubnetRouteTableAssociation";

    public override IReadOnlyList<string> Required => ["RouteTableId", "SubnetId"];

    public override IReadOnlyList<string>? Known => ["RouteTableId", "SubnetId"];

    public override IReadOnlyList<string> Attributes => ["Id"];

    public override Provisioned Create(ResourceContext context, JsonObject p) =>
        new(context.ControlPlane.AssociateRouteTable(context.Request, new AssociateRouteTableRequest
        {
            RouteTableId = Props.Text(p, "RouteTableId"),
            SubnetId = Props.Text(p, "SubnetId"),
        }).AssociationId);

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DisassociateRouteTable(context.Request, new DisassociateRouteTableRequest { AssociationId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "Id" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
