using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::NetworkInterface: CreateNetworkInterface (SourceDestCheck through
/// ModifyNetworkInterfaceAttribute). https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-networkinterface.html</summary>
internal sealed class NetworkInterfaceHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::NetworkInterface";

    public override IReadOnlyList<string> Required => ["SubnetId"];

    public override IReadOnlyList<string>? Known => null;

    public override IReadOnlyList<string> Attributes => ["Id", "PrimaryPrivateIpAddress", "SecondaryPrivateIpAddresses", "Ipv6Address", "VpcId"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var eni = context.ControlPlane.CreateNetworkInterface(context.Request, new CreateNetworkInterfaceRequest
        {
            SubnetId = Props.Text(p, "SubnetId"),
            Description = Props.Text(p, "Description"),
            PrivateIpAddress = Props.Text(p, "PrivateIpAddress"),
            Groups = Props.Strings(p, "GroupSet"),
            SecondaryPrivateIpAddressCount = Props.Int(p, "SecondaryPrivateIpAddressCount"),
            Ipv6AddressCount = Props.Int(p, "Ipv6AddressCount"),
            TagSpecifications = Props.Tags(p, ResourceTypes.NetworkInterface),
        }).NetworkInterface;
        if (Props.Bool(p, "SourceDestCheck") is { } check)
            context.ControlPlane.ModifyNetworkInterfaceAttribute(context.Request, new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.Id.Value, SourceDestCheck = check });
        return new Provisioned(eni.Id.Value);
    }

    /// <summary>Description, GroupSet, SourceDestCheck: "Update requires: No interruption" and applied; the secondary
    /// address and IPv6 counts and lists (No interruption on the page) are kept, not applied; SubnetId, PrivateIpAddress,
    /// InterfaceType: Replacement.</summary>
    public override IReadOnlyCollection<string> UpdatableInPlace =>
        ["Description", "GroupSet", "SourceDestCheck", "EnablePrimaryIpv6", "ConnectionTrackingSpecification"];

    /// <summary>ModifyNetworkInterfaceAttribute, one attribute a call.</summary>
    public override Provisioned Update(ResourceContext context, Provisioned resource, JsonObject before, JsonObject after)
    {
        var cp = context.ControlPlane;
        var id = resource.PhysicalId;
        bool Changed(string key) => !JsonNode.DeepEquals(before[key], after[key]);
        if (Changed("Description"))
            cp.ModifyNetworkInterfaceAttribute(context.Request, new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, Description = new AttributeValue { Value = Props.Text(after, "Description") ?? "" } });
        if (Changed("GroupSet") && Props.Strings(after, "GroupSet") is { Count: > 0 } groups)
            cp.ModifyNetworkInterfaceAttribute(context.Request, new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, Groups = groups });
        if (Changed("SourceDestCheck"))
            cp.ModifyNetworkInterfaceAttribute(context.Request, new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, SourceDestCheck = Props.Bool(after, "SourceDestCheck") ?? true });
        return resource;
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteNetworkInterface(context.Request, new DeleteNetworkInterfaceRequest { NetworkInterfaceId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute)
    {
        var eni = context.ControlPlane.Network.NetworkInterfaces[new NetworkInterfaceId(resource.PhysicalId)];
        return attribute switch
        {
            "Id" => eni.Id.Value,
            "PrimaryPrivateIpAddress" => eni.PrimaryPrivateIp.ToString(),
            "SecondaryPrivateIpAddresses" => List(eni.PrivateIpAddresses.Where(a => !a.Primary).Select(a => a.Address.ToString())),
            "Ipv6Address" => eni.Ipv6Addresses.Length > 0 ? eni.Ipv6Addresses[0].ToString() : "",
            "VpcId" => eni.VpcId.Value,
            _ => base.GetAtt(context, resource, attribute),
        };
    }
}
