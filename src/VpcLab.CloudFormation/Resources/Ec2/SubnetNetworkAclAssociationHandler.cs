using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::SubnetNetworkAclAssociation: ReplaceNetworkAclAssociation of the subnet's current association;
/// deleting it gives the subnet back to its VPC's default network ACL, as AWS does.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnetnetworkaclassociation.html</summary>
internal sealed class SubnetNetworkAclAssociationHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::SubnetNetworkAclAssociation";

    public override IReadOnlyList<string> Required => ["NetworkAclId", "SubnetId"];

    public override IReadOnlyList<string>? Known => ["NetworkAclId", "SubnetId"];

    public override IReadOnlyList<string> Attributes => ["AssociationId"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var subnet = Props.Text(p, "SubnetId")!;
        var id = context.ControlPlane.ReplaceNetworkAclAssociation(context.Request, new ReplaceNetworkAclAssociationRequest
        {
            AssociationId = CurrentAssociation(context, subnet),
            NetworkAclId = Props.Text(p, "NetworkAclId"),
        }).NewAssociationId;
        return new Provisioned(id).With("SubnetId", subnet);
    }

    /// <summary>The subnet's association now (every subnet has one); an unknown subnet passes through so that EC2
    /// reports it.</summary>
    private static string CurrentAssociation(ResourceContext context, string subnet) =>
        context.ControlPlane.Network.NetworkAcls.Values.SelectMany(a => a.Associations)
            .FirstOrDefault(a => a.SubnetId.Value == subnet)?.Id.Value ?? subnet;

    public override void Delete(ResourceContext context, Provisioned resource)
    {
        var network = context.ControlPlane.Network;
        if (!network.Subnets.TryGetValue(new SubnetId(resource["SubnetId"]), out var subnet))
            return;
        var defaultAcl = network.NetworkAcls.Values.First(a => a.VpcId == subnet.VpcId && a.IsDefault);
        context.ControlPlane.ReplaceNetworkAclAssociation(context.Request, new ReplaceNetworkAclAssociationRequest
        {
            AssociationId = CurrentAssociation(context, subnet.Id.Value),
            NetworkAclId = defaultAcl.Id.Value,
        });
    }

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "AssociationId" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
