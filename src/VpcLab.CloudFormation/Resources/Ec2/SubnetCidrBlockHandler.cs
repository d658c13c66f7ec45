using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::SubnetCidrBlock: AssociateSubnetCidrBlock (an IPv6 /64 of the VPC's block); Ref is the
/// association id. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnetcidrblock.html</summary>
internal sealed class SubnetCidrBlockHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::SubnetCidrBlock";

    public override IReadOnlyList<string> Required => ["SubnetId"];

    public override IReadOnlyList<string>? Known => ["Ipv6CidrBlock", "Ipv6IpamPoolId", "Ipv6NetmaskLength", "SubnetId"];

    public override IReadOnlyList<string> Attributes => ["Id", "IpSource", "Ipv6AddressAttribute"];

    public override Provisioned Create(ResourceContext context, JsonObject p) =>
        new(context.ControlPlane.AssociateSubnetCidrBlock(context.Request, new AssociateSubnetCidrBlockRequest
        {
            SubnetId = Props.Text(p, "SubnetId"),
            Ipv6CidrBlock = Props.Text(p, "Ipv6CidrBlock"),
        }).Ipv6CidrBlockAssociation.AssociationId);

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DisassociateSubnetCidrBlock(context.Request, new DisassociateSubnetCidrBlockRequest { AssociationId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) => attribute switch
    {
        "Id" => resource.PhysicalId,
        "IpSource" => "amazon",
        "Ipv6AddressAttribute" => "public",
        _ => base.GetAtt(context, resource, attribute),
    };
}
