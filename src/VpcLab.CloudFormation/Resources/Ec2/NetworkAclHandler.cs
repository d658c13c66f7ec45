using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::NetworkAcl: CreateNetworkAcl (entries are AWS::EC2::NetworkAclEntry).
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-networkacl.html</summary>
internal sealed class NetworkAclHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::NetworkAcl";

    public override IReadOnlyList<string> Required => ["VpcId"];

    public override IReadOnlyList<string>? Known => ["Tags", "VpcId"];

    public override IReadOnlyList<string> Attributes => ["Id"];

    public override Provisioned Create(ResourceContext context, JsonObject p) =>
        new(context.ControlPlane.CreateNetworkAcl(context.Request, new CreateNetworkAclRequest
        {
            VpcId = Props.Text(p, "VpcId"),
            TagSpecifications = Props.Tags(p, ResourceTypes.NetworkAcl),
        }).NetworkAcl.Id.Value);

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteNetworkAcl(context.Request, new DeleteNetworkAclRequest { NetworkAclId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "Id" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
