using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>LaunchTemplate → the model's LaunchTemplate, a version → LaunchTemplateVersion, and the kept parameters
/// → ResponseLaunchTemplateData (parameters not given are omitted, as AWS omits them; docs/semantics.md#launch-templates).</summary>
internal static class LaunchTemplateShape
{
    public static JsonObject Map(LaunchTemplate t, ShapeContext c) => new()
    {
        ["LaunchTemplateId"] = t.Id,
        ["LaunchTemplateName"] = t.Name,
        ["CreateTime"] = t.CreateTime,
        ["CreatedBy"] = t.CreatedBy,
        ["DefaultVersionNumber"] = t.DefaultVersionNumber,
        ["LatestVersionNumber"] = t.LatestVersionNumber,
        ["Tags"] = c.Tags(t.Id),
    };

    public static JsonObject Version(LaunchTemplateVersionResult x) => new()
    {
        ["LaunchTemplateId"] = x.Template.Id,
        ["LaunchTemplateName"] = x.Template.Name,
        ["VersionNumber"] = x.Version.VersionNumber,
        ["VersionDescription"] = x.Version.Description,
        ["CreateTime"] = x.Version.CreateTime,
        ["CreatedBy"] = x.Version.CreatedBy,
        ["DefaultVersion"] = x.Version.VersionNumber == x.Template.DefaultVersionNumber,
        ["LaunchTemplateData"] = Data(x.Version.Data),
    };

    public static JsonObject Data(LaunchTemplateData d) => new()
    {
        ["ImageId"] = d.ImageId,
        ["InstanceType"] = d.InstanceType,
        ["KeyName"] = d.KeyName,
        ["UserData"] = d.UserData,
        ["SecurityGroupIds"] = d.SecurityGroupIds.IsEmpty ? null : Json.Array(d.SecurityGroupIds, g => g),
        ["SecurityGroups"] = d.SecurityGroups.IsEmpty ? null : Json.Array(d.SecurityGroups, g => g),
        ["NetworkInterfaces"] = d.NetworkInterfaces.IsEmpty ? null : Json.Array(d.NetworkInterfaces, Interface),
        ["BlockDeviceMappings"] = d.BlockDeviceMappings.IsEmpty ? null : Json.Array(d.BlockDeviceMappings, Device),
        ["TagSpecifications"] = d.TagSpecifications.IsEmpty ? null : Json.Array(d.TagSpecifications, s => new JsonObject
        {
            ["ResourceType"] = s.ResourceType,
            ["Tags"] = Json.Array(s.Tags, t => new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }),
        }),
        ["IamInstanceProfile"] = d.IamInstanceProfile is { } p ? new JsonObject { ["Arn"] = p.Arn, ["Name"] = p.Name } : null,
        ["MetadataOptions"] = d.MetadataOptions is { } m ? new JsonObject
        {
            // AWS reports the options' state: applied at once in the lab.
            ["State"] = "applied",
            ["HttpTokens"] = m.HttpTokens,
            ["HttpPutResponseHopLimit"] = m.HttpPutResponseHopLimit,
            ["HttpEndpoint"] = m.HttpEndpoint,
            ["HttpProtocolIpv6"] = m.HttpProtocolIpv6,
            ["InstanceMetadataTags"] = m.InstanceMetadataTags,
        } : null,
        ["Placement"] = d.AvailabilityZone is { } zone ? new JsonObject { ["AvailabilityZone"] = zone } : null,
    };

    private static JsonObject Interface(LaunchTemplateNetworkInterface n) => new()
    {
        ["AssociatePublicIpAddress"] = n.AssociatePublicIpAddress,
        ["DeleteOnTermination"] = n.DeleteOnTermination,
        ["Description"] = n.Description,
        ["DeviceIndex"] = n.DeviceIndex,
        ["Groups"] = n.Groups.IsEmpty ? null : Json.Array(n.Groups, g => g),
        ["Ipv6AddressCount"] = n.Ipv6AddressCount,
        ["NetworkInterfaceId"] = n.NetworkInterfaceId,
        ["PrivateIpAddress"] = n.PrivateIpAddress,
        ["SecondaryPrivateIpAddressCount"] = n.SecondaryPrivateIpAddressCount,
        ["SubnetId"] = n.SubnetId,
    };

    private static JsonObject Device(LaunchTemplateBlockDevice b) => new()
    {
        ["DeviceName"] = b.DeviceName,
        ["VirtualName"] = b.VirtualName,
        ["NoDevice"] = b.NoDevice,
        ["Ebs"] = b.Ebs is { } e ? new JsonObject
        {
            ["Encrypted"] = e.Encrypted,
            ["DeleteOnTermination"] = e.DeleteOnTermination,
            ["Iops"] = e.Iops,
            ["SnapshotId"] = e.SnapshotId,
            ["VolumeSize"] = e.VolumeSize,
            ["VolumeType"] = e.VolumeType,
            ["Throughput"] = e.Throughput,
        } : null,
    };
}
