using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::Subnet: CreateSubnet (with Ipv6Native), then ModifySubnetAttribute for MapPublicIpOnLaunch,
/// AssignIpv6AddressOnCreation, EnableDns64 and each member of PrivateDnsNameOptionsOnLaunch (CreateSubnet has no
/// hostname parameters: one ModifySubnetAttribute call per attribute, as EC2 takes them). https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnet.html</summary>
internal sealed class SubnetHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::Subnet";

    public override IReadOnlyList<string> Required => ["VpcId"];

    public override IReadOnlyList<string>? Known =>
        ["AssignIpv6AddressOnCreation", "AvailabilityZone", "AvailabilityZoneId", "CidrBlock", "EnableDns64",
         "EnableLniAtDeviceIndex", "Ipv4IpamPoolId", "Ipv4NetmaskLength", "Ipv6CidrBlock", "Ipv6IpamPoolId", "Ipv6Native",
         "Ipv6NetmaskLength", "MapPublicIpOnLaunch", "OutpostArn", "PrivateDnsNameOptionsOnLaunch", "Tags", "VpcId"];

    public override IReadOnlyList<string> Attributes =>
        ["AvailabilityZone", "AvailabilityZoneId", "CidrBlock", "Ipv6CidrBlocks", "NetworkAclAssociationId", "OutpostArn", "SubnetId", "VpcId", "Ipv6Native"];

    public override Provisioned Create(ResourceContext context, JsonObject properties)
    {
        var cp = context.ControlPlane;
        var subnet = cp.CreateSubnet(context.Request, new CreateSubnetRequest
        {
            VpcId = Props.Text(properties, "VpcId"),
            CidrBlock = Props.Text(properties, "CidrBlock"),
            Ipv6CidrBlock = Props.Text(properties, "Ipv6CidrBlock"),
            Ipv6Native = Props.Bool(properties, "Ipv6Native") == true ? true : null,
            AvailabilityZone = Props.Text(properties, "AvailabilityZone"),
            AvailabilityZoneId = Props.Text(properties, "AvailabilityZoneId"),
            TagSpecifications = Props.Tags(properties, ResourceTypes.Subnet),
        }).Subnet;
        var id = subnet.Id.Value;
        if (Props.Bool(properties, "MapPublicIpOnLaunch") == true)
            cp.ModifySubnetAttribute(context.Request, new ModifySubnetAttributeRequest { SubnetId = id, MapPublicIpOnLaunch = true });
        if (Props.Bool(properties, "AssignIpv6AddressOnCreation") == true)
            cp.ModifySubnetAttribute(context.Request, new ModifySubnetAttributeRequest { SubnetId = id, AssignIpv6AddressOnCreation = true });
        if (Props.Bool(properties, "EnableDns64") == true)
            cp.ModifySubnetAttribute(context.Request, new ModifySubnetAttributeRequest { SubnetId = id, EnableDns64 = true });
        if (properties["PrivateDnsNameOptionsOnLaunch"] is JsonObject hostnames)
            SetHostnameOptions(context, id, hostnames, resetAbsent: false);
        return new Provisioned(id);
    }

    /// <summary>"Update requires: No interruption" on the type's page; the others (VpcId, CidrBlock, the zone, Ipv6Native,
    /// the IPAM properties, OutpostArn) are Replacement. EnableLniAtDeviceIndex is kept, not modelled.</summary>
    public override IReadOnlyCollection<string> UpdatableInPlace =>
        ["AssignIpv6AddressOnCreation", "EnableDns64", "EnableLniAtDeviceIndex", "Ipv6CidrBlock", "MapPublicIpOnLaunch", "PrivateDnsNameOptionsOnLaunch"];

    /// <summary>ModifySubnetAttribute for each changed attribute (absent is false); a changed Ipv6CidrBlock is the old
    /// block disassociated and the new one associated (DisassociateSubnetCidrBlock, AssociateSubnetCidrBlock).</summary>
    public override Provisioned Update(ResourceContext context, Provisioned resource, JsonObject before, JsonObject after)
    {
        var cp = context.ControlPlane;
        var id = resource.PhysicalId;
        bool Changed(string key) => !JsonNode.DeepEquals(before[key], after[key]);
        if (Changed("Ipv6CidrBlock"))
            ReplaceIpv6Block(context, id, Props.Text(after, "Ipv6CidrBlock"));
        if (Changed("MapPublicIpOnLaunch"))
            cp.ModifySubnetAttribute(context.Request, new ModifySubnetAttributeRequest { SubnetId = id, MapPublicIpOnLaunch = Props.Bool(after, "MapPublicIpOnLaunch") ?? false });
        if (Changed("AssignIpv6AddressOnCreation"))
            cp.ModifySubnetAttribute(context.Request, new ModifySubnetAttributeRequest { SubnetId = id, AssignIpv6AddressOnCreation = Props.Bool(after, "AssignIpv6AddressOnCreation") ?? false });
        if (Changed("EnableDns64"))
            cp.ModifySubnetAttribute(context.Request, new ModifySubnetAttributeRequest { SubnetId = id, EnableDns64 = Props.Bool(after, "EnableDns64") ?? false });
        if (Changed("PrivateDnsNameOptionsOnLaunch"))
            SetHostnameOptions(context, id, after["PrivateDnsNameOptionsOnLaunch"] as JsonObject ?? [], resetAbsent: true);
        return resource;
    }

    /// <summary>PrivateDnsNameOptionsOnLaunch's members, one ModifySubnetAttribute each (HostnameType is
    /// PrivateDnsHostnameTypeOnLaunch). On update an absent record flag is false, like the other booleans; an absent
    /// HostnameType keeps the subnet's (EC2 has no "unset").
    /// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-subnet-privatednsnameoptionsonlaunch.html</summary>
    private static void SetHostnameOptions(ResourceContext context, string id, JsonObject options, bool resetAbsent)
    {
        var cp = context.ControlPlane;
        if (Props.Text(options, "HostnameType") is { } type)
            cp.ModifySubnetAttribute(context.Request, new ModifySubnetAttributeRequest { SubnetId = id, PrivateDnsHostnameTypeOnLaunch = type });
        var a = Props.Bool(options, "EnableResourceNameDnsARecord") ?? (resetAbsent ? false : null);
        if (a is { } aValue)
            cp.ModifySubnetAttribute(context.Request, new ModifySubnetAttributeRequest { SubnetId = id, EnableResourceNameDnsARecordOnLaunch = aValue });
        var aaaa = Props.Bool(options, "EnableResourceNameDnsAAAARecord") ?? (resetAbsent ? false : null);
        if (aaaa is { } aaaaValue)
            cp.ModifySubnetAttribute(context.Request, new ModifySubnetAttributeRequest { SubnetId = id, EnableResourceNameDnsAAAARecordOnLaunch = aaaaValue });
    }

    private static void ReplaceIpv6Block(ResourceContext context, string subnetId, string? block)
    {
        var cp = context.ControlPlane;
        if (cp.Network.Subnets[new SubnetId(subnetId)].Ipv6CidrBlock is { State: CidrBlockState.Associated } associated)
            cp.DisassociateSubnetCidrBlock(context.Request, new DisassociateSubnetCidrBlockRequest { AssociationId = associated.AssociationId });
        if (block is not null)
            cp.AssociateSubnetCidrBlock(context.Request, new AssociateSubnetCidrBlockRequest { SubnetId = subnetId, Ipv6CidrBlock = block });
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteSubnet(context.Request, new DeleteSubnetRequest { SubnetId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute)
    {
        var network = context.ControlPlane.Network;
        var subnet = network.Subnets[new SubnetId(resource.PhysicalId)];
        return attribute switch
        {
            "AvailabilityZone" => subnet.AvailabilityZone.Name,
            "AvailabilityZoneId" => subnet.AvailabilityZone.ZoneId,
            "CidrBlock" => subnet.CidrBlock.ToString(),
            "Ipv6CidrBlocks" => List(subnet.Ipv6Cidr is { } v6 ? [v6.ToString()] : []),
            "NetworkAclAssociationId" => network.NetworkAcls.Values.SelectMany(a => a.Associations).First(a => a.SubnetId == subnet.Id).Id.Value,
            "OutpostArn" => "",
            "SubnetId" => subnet.Id.Value,
            "VpcId" => subnet.VpcId.Value,
            "Ipv6Native" => subnet.Ipv6Native ? "true" : "false",
            _ => base.GetAtt(context, resource, attribute),
        };
    }
}
