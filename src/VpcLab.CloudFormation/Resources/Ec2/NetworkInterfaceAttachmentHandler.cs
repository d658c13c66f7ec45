using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::NetworkInterfaceAttachment: AttachNetworkInterface; Ref is the attachment id.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-networkinterfaceattachment.html</summary>
internal sealed class NetworkInterfaceAttachmentHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::NetworkInterfaceAttachment";

    public override IReadOnlyList<string> Required => ["DeviceIndex", "InstanceId", "NetworkInterfaceId"];

    public override IReadOnlyList<string>? Known => ["DeleteOnTermination", "DeviceIndex", "EnaQueueCount", "EnaSrdSpecification", "InstanceId", "NetworkInterfaceId"];

    public override IReadOnlyList<string> Attributes => ["AttachmentId"];

    public override Provisioned Create(ResourceContext context, JsonObject p) =>
        new(context.ControlPlane.AttachNetworkInterface(context.Request, new AttachNetworkInterfaceRequest
        {
            NetworkInterfaceId = Props.Text(p, "NetworkInterfaceId"),
            InstanceId = Props.Text(p, "InstanceId"),
            DeviceIndex = Props.Int(p, "DeviceIndex"),
        }).AttachmentId);

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DetachNetworkInterface(context.Request, new DetachNetworkInterfaceRequest { AttachmentId = resource.PhysicalId, Force = true });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "AttachmentId" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
