using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::VPCDHCPOptionsAssociation: AssociateDhcpOptions; deleting it gives the VPC the "default" set.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcdhcpoptionsassociation.html</summary>
internal sealed class VpcDhcpOptionsAssociationHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::VPCDHCPOptionsAssociation";

    public override IReadOnlyList<string> Required => ["DhcpOptionsId", "VpcId"];

    public override IReadOnlyList<string>? Known => ["DhcpOptionsId", "VpcId"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var vpc = Props.Text(p, "VpcId")!;
        var options = Props.Text(p, "DhcpOptionsId")!;
        context.ControlPlane.AssociateDhcpOptions(context.Request, new AssociateDhcpOptionsRequest { DhcpOptionsId = options, VpcId = vpc });
        return new Provisioned($"{options}|{vpc}").With("VpcId", vpc);
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.AssociateDhcpOptions(context.Request, new AssociateDhcpOptionsRequest
        {
            DhcpOptionsId = Ec2ControlPlane.DefaultDhcpOptionsId,
            VpcId = resource["VpcId"],
        });
}
