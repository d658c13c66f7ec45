using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>StaleSecurityGroup → its shape (botocore output member names; DescribeStaleSecurityGroups).</summary>
internal static class StaleSecurityGroupShape
{
    public static JsonObject Map(StaleSecurityGroup g, ShapeContext c) => new()
    {
        ["Description"] = g.Description,
        ["GroupId"] = g.GroupId.Value,
        ["GroupName"] = g.GroupName,
        ["StaleIpPermissions"] = Permissions(g.StaleIpPermissions),
        ["StaleIpPermissionsEgress"] = Permissions(g.StaleIpPermissionsEgress),
        ["VpcId"] = g.VpcId.Value,
    };

    private static JsonArray Permissions(IReadOnlyList<StaleIpPermission> permissions) =>
        [.. permissions.Select(p => (JsonNode)new JsonObject
        {
            ["FromPort"] = p.FromPort,
            ["IpProtocol"] = p.IpProtocol,
            ["ToPort"] = p.ToPort,
            ["UserIdGroupPairs"] = new JsonArray([.. p.UserIdGroupPairs.Select(u => (JsonNode)new JsonObject
            {
                ["GroupId"] = u.GroupId,
                ["GroupName"] = u.GroupName,
                ["PeeringStatus"] = u.PeeringStatus,
                ["UserId"] = u.UserId,
                ["VpcId"] = u.VpcId,
                ["VpcPeeringConnectionId"] = u.VpcPeeringConnectionId,
            })]),
        })];
}
