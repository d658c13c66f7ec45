using System.Text.Json.Nodes;
using VpcLab.Model;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>PrivateDnsNameOptions → the PrivateDnsNameOptionsOnLaunch (subnet) and PrivateDnsNameOptionsResponse
/// (instance) shapes, which have the same three members.</summary>
internal static class PrivateDnsNameOptionsShape
{
    public static JsonObject Map(PrivateDnsNameOptions o) => new()
    {
        ["HostnameType"] = o.HostnameType == HostnameType.ResourceName ? "resource-name" : "ip-name",
        ["EnableResourceNameDnsARecord"] = o.EnableResourceNameDnsARecord,
        ["EnableResourceNameDnsAAAARecord"] = o.EnableResourceNameDnsAAAARecord,
    };
}
