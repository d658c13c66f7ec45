using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>VpcPeeringConnection → its shape (botocore output member names). The ends' CIDRs are shown only
/// while the connection is active (spec gateways-endpoints-peering.md (f)).</summary>
internal static class VpcPeeringConnectionShape
{
    public static JsonObject Map(VpcPeeringConnection p, ShapeContext c) => new()
    {
        ["AccepterVpcInfo"] = VpcInfo(p.Accepter, p.IsActive),
        ["ExpirationTime"] = p.ExpirationTime,
        ["RequesterVpcInfo"] = VpcInfo(p.Requester, p.IsActive),
        ["Status"] = new JsonObject
        {
            ["Code"] = Ec2ControlPlane.PeeringStateName(p.State),
            ["Message"] = p.StatusMessage,
        },
        ["Tags"] = c.Tags(p.Id.Value),
        ["VpcPeeringConnectionId"] = p.Id.Value,
    };

    public static JsonObject Options(bool allowDnsResolutionFromRemoteVpc) => new()
    {
        ["AllowDnsResolutionFromRemoteVpc"] = allowDnsResolutionFromRemoteVpc,
        ["AllowEgressFromLocalClassicLinkToRemoteVpc"] = false,
        ["AllowEgressFromLocalVpcToRemoteClassicLink"] = false,
    };

    private static JsonObject VpcInfo(VpcPeeringConnectionVpcInfo info, bool withCidrs)
    {
        var o = new JsonObject();
        if (withCidrs && info.CidrBlocks.Length > 0)
        {
            o["CidrBlock"] = info.CidrBlocks[0].ToString();
            o["CidrBlockSet"] = Json.Array(info.CidrBlocks, b => new JsonObject { ["CidrBlock"] = b.ToString() });
            o["Ipv6CidrBlockSet"] = Json.Array(info.Ipv6CidrBlocks, b => new JsonObject { ["Ipv6CidrBlock"] = b.ToString() });
        }
        o["OwnerId"] = info.OwnerId.Value;
        if (withCidrs)
            o["PeeringOptions"] = Options(info.AllowDnsResolutionFromRemoteVpc);
        o["VpcId"] = info.VpcId.Value;
        o["Region"] = info.Region;
        return o;
    }
}
