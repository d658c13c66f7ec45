using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::VPCCidrBlock: AssociateVpcCidrBlock (a secondary IPv4 block, or an Amazon-provided IPv6 /56);
/// Ref is the association id. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpccidrblock.html</summary>
internal sealed class VpcCidrBlockHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::VPCCidrBlock";

    public override IReadOnlyList<string> Required => ["VpcId"];

    public override IReadOnlyList<string>? Known =>
        ["AmazonProvidedIpv6CidrBlock", "CidrBlock", "Ipv4IpamPoolId", "Ipv4NetmaskLength", "Ipv6CidrBlock",
         "Ipv6CidrBlockNetworkBorderGroup", "Ipv6IpamPoolId", "Ipv6NetmaskLength", "Ipv6Pool", "VpcId"];

    public override IReadOnlyList<string> Attributes => ["Id", "IpSource", "Ipv6AddressAttribute"];

    public override Provisioned Create(ResourceContext context, JsonObject properties)
    {
        var result = context.ControlPlane.AssociateVpcCidrBlock(context.Request, new AssociateVpcCidrBlockRequest
        {
            VpcId = Props.Text(properties, "VpcId"),
            CidrBlock = Props.Text(properties, "CidrBlock"),
            AmazonProvidedIpv6CidrBlock = Props.Bool(properties, "AmazonProvidedIpv6CidrBlock"),
        });
        var association = result.CidrBlockAssociation ?? result.Ipv6CidrBlockAssociation!;
        return new Provisioned(association.AssociationId).With("VpcId", result.VpcId)
            .With("Family", result.Ipv6CidrBlockAssociation is null ? "ipv4" : "ipv6");
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DisassociateVpcCidrBlock(context.Request, new DisassociateVpcCidrBlockRequest { AssociationId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) => attribute switch
    {
        "Id" => resource.PhysicalId,
        "IpSource" => resource["Family"] == "ipv6" ? "amazon" : "none",
        "Ipv6AddressAttribute" => resource["Family"] == "ipv6" ? "public" : "none",
        _ => base.GetAtt(context, resource, attribute),
    };
}
