using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::EIP: AllocateAddress (and AssociateAddress for InstanceId); Ref is the public address.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-eip.html</summary>
internal sealed class EipHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::EIP";

    public override IReadOnlyList<string>? Known =>
        ["Address", "Domain", "InstanceId", "IpamPoolId", "NetworkBorderGroup", "PublicIpv4Pool", "Tags", "TransferAddress"];

    public override IReadOnlyList<string> Attributes => ["AllocationId", "PublicIp"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var result = context.ControlPlane.AllocateAddress(context.Request, new AllocateAddressRequest
        {
            Domain = Props.Text(p, "Domain") ?? "vpc",
            TagSpecifications = Props.Tags(p, ResourceTypes.ElasticIp),
        });
        var provisioned = new Provisioned(result.PublicIp).With("AllocationId", result.AllocationId);
        if (Props.Text(p, "InstanceId") is { } instance)
        {
            var association = context.ControlPlane.AssociateAddress(context.Request, new AssociateAddressRequest
            {
                AllocationId = result.AllocationId,
                InstanceId = instance,
            });
            provisioned = provisioned.With("AssociationId", association.AssociationId);
        }
        return provisioned;
    }

    public override string TagTarget(Provisioned resource) => resource["AllocationId"];

    public override void Delete(ResourceContext context, Provisioned resource)
    {
        if (resource.State.TryGetValue("AssociationId", out var association))
            context.ControlPlane.DisassociateAddress(context.Request, new DisassociateAddressRequest { AssociationId = association });
        context.ControlPlane.ReleaseAddress(context.Request, new ReleaseAddressRequest { AllocationId = resource["AllocationId"] });
    }

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) => attribute switch
    {
        "AllocationId" => resource["AllocationId"],
        "PublicIp" => resource.PhysicalId,
        _ => base.GetAtt(context, resource, attribute),
    };
}
