using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::VPCPeeringConnection: CreateVpcPeeringConnection, accepted at once when CloudFormation can accept
/// it — the peer VPC is the caller's own, or PeerRoleArn names a role of the peer account (CloudFormation assumes it to
/// accept). https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcpeeringconnection.html</summary>
internal sealed class VpcPeeringConnectionHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::VPCPeeringConnection";

    public override IReadOnlyList<string> Required => ["PeerVpcId", "VpcId"];

    public override IReadOnlyList<string>? Known => ["PeerOwnerId", "PeerRegion", "PeerRoleArn", "PeerVpcId", "Tags", "VpcId"];

    public override IReadOnlyList<string> Attributes => ["Id"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var peerOwner = Props.Text(p, "PeerOwnerId");
        var peerRegion = Props.Text(p, "PeerRegion");
        var id = context.ControlPlane.CreateVpcPeeringConnection(context.Request, new CreateVpcPeeringConnectionRequest
        {
            VpcId = Props.Text(p, "VpcId"),
            PeerVpcId = Props.Text(p, "PeerVpcId"),
            PeerOwnerId = peerOwner,
            PeerRegion = peerRegion,
            TagSpecifications = Props.Tags(p, ResourceTypes.VpcPeeringConnection),
        }).VpcPeeringConnection.Id.Value;
        var sameAccount = peerOwner is null || peerOwner == context.Request.Account.Value;
        if (sameAccount || Props.Text(p, "PeerRoleArn") is not null)
        {
            var accepter = RequestContext.For(peerOwner ?? context.Request.Account.Value, peerRegion ?? context.Request.Region);
            context.ControlPlane.AcceptVpcPeeringConnection(accepter, new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
        }
        return new Provisioned(id);
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteVpcPeeringConnection(context.Request, new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "Id" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
