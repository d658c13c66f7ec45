using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>Vpc → the Vpc output shape (describe-vpcs, create-vpc).</summary>
internal static class VpcShape
{
    public static JsonObject Map(Vpc vpc, ShapeContext c) => new()
    {
        ["OwnerId"] = vpc.OwnerId.Value,
        ["InstanceTenancy"] = vpc.InstanceTenancy,
        ["Ipv6CidrBlockAssociationSet"] = vpc.Ipv6CidrBlocks.IsEmpty ? null : Json.Array(vpc.Ipv6CidrBlocks, b => Ipv6Association(b, vpc.Region)),
        ["CidrBlockAssociationSet"] = Json.Array(vpc.CidrBlocks, Ipv4Association),
        ["IsDefault"] = vpc.IsDefault,
        ["Tags"] = c.Tags(vpc.Id.Value),
        ["BlockPublicAccessStates"] = new JsonObject { ["InternetGatewayBlockMode"] = "off" },
        ["VpcId"] = vpc.Id.Value,
        ["State"] = "available",
        ["CidrBlock"] = vpc.PrimaryCidr.ToString(),
        ["DhcpOptionsId"] = vpc.DhcpOptionsId,
    };

    public static JsonObject Ipv4Association(VpcCidrBlock block) => new()
    {
        ["AssociationId"] = block.AssociationId,
        ["CidrBlock"] = block.Cidr.ToString(),
        ["CidrBlockState"] = Json.State(Ec2ControlPlane.StateName(block.State)),
    };

    public static JsonObject Ipv6Association(VpcCidrBlock block, string region) => new()
    {
        ["AssociationId"] = block.AssociationId,
        ["Ipv6CidrBlock"] = block.Cidr.ToString(),
        ["Ipv6CidrBlockState"] = Json.State(Ec2ControlPlane.StateName(block.State)),
        ["NetworkBorderGroup"] = region,
        ["Ipv6Pool"] = "Amazon",
        ["Ipv6AddressAttribute"] = "public",
        ["IpSource"] = "amazon",
    };

    /// <summary>Associate/DisassociateVpcCidrBlock: the VPC id and the one association that changed.</summary>
    public static JsonObject CidrAssociationResult(string vpcId, VpcCidrBlock? v4, VpcCidrBlock? v6, ShapeContext c)
    {
        var region = c.Network.Vpcs.TryGetValue(new VpcId(vpcId), out var vpc) ? vpc.Region : c.Caller.Region;
        return new JsonObject
        {
            ["Ipv6CidrBlockAssociation"] = v6 is null ? null : Ipv6Association(v6, region),
            ["CidrBlockAssociation"] = v4 is null ? null : Ipv4Association(v4),
            ["VpcId"] = vpcId,
        };
    }

    public static JsonObject Attribute(DescribeVpcAttributeResult r) => new()
    {
        ["EnableDnsHostnames"] = r.EnableDnsHostnames is { } h ? new JsonObject { ["Value"] = h.Value } : null,
        ["EnableDnsSupport"] = r.EnableDnsSupport is { } s ? new JsonObject { ["Value"] = s.Value } : null,
        ["EnableNetworkAddressUsageMetrics"] = r.EnableNetworkAddressUsageMetrics is { } m ? new JsonObject { ["Value"] = m.Value } : null,
        ["VpcId"] = r.VpcId,
    };
}

/// <summary>DhcpOptionsSet → the DhcpOptions shape (DhcpConfigurations[{Key, Values[{Value}]}]).</summary>
internal static class DhcpOptionsShape
{
    public static JsonObject Map(DhcpOptionsSet d, ShapeContext c) => new()
    {
        ["OwnerId"] = d.OwnerId.Value,
        ["Tags"] = c.Tags(d.Id) ?? new JsonArray(),
        ["DhcpOptionsId"] = d.Id,
        ["DhcpConfigurations"] = Json.Array(d.Configurations, kv => new JsonObject
        {
            ["Key"] = kv.Key,
            ["Values"] = Json.Array(kv.Value, v => new JsonObject { ["Value"] = v }),
        }),
    };
}
