using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::EIPAssociation: AssociateAddress; Ref is the association id.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-eipassociation.html</summary>
internal sealed class EipAssociationHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::EIPAssociation";

    public override IReadOnlyList<string>? Known => ["AllocationId", "EIP", "InstanceId", "NetworkInterfaceId", "PrivateIpAddress"];

    public override IReadOnlyList<string> Attributes => ["Id"];

    public override Provisioned Create(ResourceContext context, JsonObject p) =>
        new(context.ControlPlane.AssociateAddress(context.Request, new AssociateAddressRequest
        {
            AllocationId = Props.Text(p, "AllocationId"),
            PublicIp = Props.Text(p, "EIP"),
            InstanceId = Props.Text(p, "InstanceId"),
            NetworkInterfaceId = Props.Text(p, "NetworkInterfaceId"),
            PrivateIpAddress = Props.Text(p, "PrivateIpAddress"),
        }).AssociationId);

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DisassociateAddress(context.Request, new DisassociateAddressRequest { AssociationId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "Id" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
