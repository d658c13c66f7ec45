using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::NatGateway: CreateNatGateway (public with an EIP allocation, or private).
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-natgateway.html</summary>
internal sealed class NatGatewayHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::NatGateway";

    public override IReadOnlyList<string>? Known =>
        ["AllocationId", "AvailabilityMode", "AvailabilityZoneAddresses", "ConnectivityType", "MaxDrainDurationSeconds",
         "PrivateIpAddress", "SecondaryAllocationIds", "SecondaryPrivateIpAddressCount", "SecondaryPrivateIpAddresses",
         "SubnetId", "Tags", "VpcId"];

    public override IReadOnlyList<string> Attributes => ["NatGatewayId"];

    public override Provisioned Create(ResourceContext context, JsonObject p) =>
        new(context.ControlPlane.CreateNatGateway(context.Request, new CreateNatGatewayRequest
        {
            SubnetId = Props.Text(p, "SubnetId"),
            AllocationId = Props.Text(p, "AllocationId"),
            ConnectivityType = Props.Text(p, "ConnectivityType"),
            AvailabilityMode = Props.Text(p, "AvailabilityMode"),
            PrivateIpAddress = Props.Text(p, "PrivateIpAddress"),
            TagSpecifications = Props.Tags(p, ResourceTypes.NatGateway),
        }).NatGateway.Id.Value);

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteNatGateway(context.Request, new DeleteNatGatewayRequest { NatGatewayId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "NatGatewayId" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
