using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>SecurityGroup → the SecurityGroup shape. AWS groups a direction's rules by protocol and port range:
/// one IpPermission per (protocol, from, to), in order of first appearance, holding every peer of those rules
/// in IpRanges, Ipv6Ranges, PrefixListIds and UserIdGroupPairs.</summary>
internal static class SecurityGroupShape
{
    public static JsonObject Map(SecurityGroup g, ShapeContext c) => new()
    {
        ["GroupId"] = g.Id.Value,
        ["IpPermissionsEgress"] = Permissions(g.Egress, c),
        ["Tags"] = c.Tags(g.Id.Value),
        ["VpcId"] = g.VpcId.Value,
        ["SecurityGroupArn"] = Ec2ControlPlane.SecurityGroupArn(g),
        ["OwnerId"] = g.OwnerId.Value,
        ["GroupName"] = g.GroupName,
        ["Description"] = g.Description,
        ["IpPermissions"] = Permissions(g.Ingress, c),
    };

    public static JsonArray Permissions(IEnumerable<SecurityGroupRule> rules, ShapeContext c)
    {
        var result = new JsonArray();
        foreach (var group in rules.GroupBy(r => (r.Protocol, r.FromPort, r.ToPort)))
        {
            var (protocol, from, to) = group.Key;
            var permission = new JsonObject { ["IpProtocol"] = protocol.Name };
            if (ShowsPorts(protocol))
            {
                permission["FromPort"] = from;
                permission["ToPort"] = to;
            }
            permission["UserIdGroupPairs"] = Json.Array(group.Where(r => r.Peer is SecurityGroupPeer), r => GroupPair((SecurityGroupPeer)r.Peer, r.Description, c));
            permission["IpRanges"] = Json.Array(group.Where(r => r.Peer is CidrPeer { Cidr.IsV4: true }),
                r => new JsonObject { ["Description"] = r.Description, ["CidrIp"] = ((CidrPeer)r.Peer).Cidr.ToString() });
            permission["Ipv6Ranges"] = Json.Array(group.Where(r => r.Peer is CidrPeer { Cidr.IsV4: false }),
                r => new JsonObject { ["Description"] = r.Description, ["CidrIpv6"] = ((CidrPeer)r.Peer).Cidr.ToString() });
            permission["PrefixListIds"] = Json.Array(group.Where(r => r.Peer is PrefixListPeer),
                r => new JsonObject { ["Description"] = r.Description, ["PrefixListId"] = ((PrefixListPeer)r.Peer).PrefixListId.Value });
            result.Add(permission);
        }
        return result;
    }

    /// <summary>AWS prints FromPort/ToPort for TCP, UDP, ICMP and ICMPv6 (ICMP type/code, -1 = any), and leaves
    /// them out for "-1" (all traffic) and other protocol numbers.</summary>
    private static bool ShowsPorts(IpProtocol protocol) => protocol.HasPorts || protocol.IsIcmp;

    private static JsonObject GroupPair(SecurityGroupPeer peer, string? description, ShapeContext c) => new()
    {
        ["Description"] = description,
        ["UserId"] = peer.UserId?.Value
            ?? (c.Network.SecurityGroups.TryGetValue(peer.GroupId, out var g) ? g.OwnerId.Value : null),
        ["GroupId"] = peer.GroupId.Value,
        ["VpcPeeringConnectionId"] = peer.VpcPeeringConnectionId?.Value,
        ["PeeringStatus"] = peer.VpcPeeringConnectionId is null ? null : "active",
    };

    public static JsonObject Created(CreateSecurityGroupResult r, ShapeContext c) => new()
    {
        ["GroupId"] = r.GroupId,
        ["Tags"] = c.Tags(r.GroupId),
        ["SecurityGroupArn"] = r.SecurityGroupArn,
    };
}

/// <summary>One rule with its group (SecurityGroupRuleEntry) → the SecurityGroupRule shape of the rule-id APIs,
/// and → the RevokedSecurityGroupRule shape.</summary>
internal static class SecurityGroupRuleShape
{
    public static JsonObject Map(SecurityGroupRuleEntry e, ShapeContext c)
    {
        var r = e.Rule;
        var region = c.Network.SecurityGroups.TryGetValue(new SecurityGroupId(e.GroupId), out var g) ? g.Region : c.Caller.Region;
        var o = new JsonObject
        {
            ["SecurityGroupRuleId"] = r.Id.Value,
            ["GroupId"] = e.GroupId,
            ["GroupOwnerId"] = e.GroupOwnerId,
            ["IsEgress"] = r.IsEgress,
            ["IpProtocol"] = r.Protocol.Name,
            ["FromPort"] = r.FromPort,
            ["ToPort"] = r.ToPort,
        };
        Peer(o, r.Peer, c, referenced: true);
        o["Description"] = r.Description;
        o["Tags"] = c.Tags(r.Id.Value) ?? new JsonArray();
        o["SecurityGroupRuleArn"] = ShapeContext.Arn(region, e.GroupOwnerId, "security-group-rule", r.Id.Value);
        return o;
    }

    public static JsonObject Revoked(SecurityGroupRuleEntry e, ShapeContext c)
    {
        var r = e.Rule;
        var o = new JsonObject
        {
            ["SecurityGroupRuleId"] = r.Id.Value,
            ["GroupId"] = e.GroupId,
            ["IsEgress"] = r.IsEgress,
            ["IpProtocol"] = r.Protocol.Name,
            ["FromPort"] = r.FromPort,
            ["ToPort"] = r.ToPort,
        };
        Peer(o, r.Peer, c, referenced: false);
        o["Description"] = r.Description;
        return o;
    }

    private static void Peer(JsonObject o, RulePeer peer, ShapeContext c, bool referenced)
    {
        switch (peer)
        {
            case CidrPeer { Cidr.IsV4: true } v4:
                o["CidrIpv4"] = v4.Cidr.ToString();
                break;
            case CidrPeer v6:
                o["CidrIpv6"] = v6.Cidr.ToString();
                break;
            case PrefixListPeer pl:
                o["PrefixListId"] = pl.PrefixListId.Value;
                break;
            case SecurityGroupPeer sg when referenced:
                o["ReferencedGroupInfo"] = new JsonObject
                {
                    ["GroupId"] = sg.GroupId.Value,
                    ["PeeringStatus"] = sg.VpcPeeringConnectionId is null ? null : "active",
                    ["UserId"] = sg.UserId?.Value
                        ?? (c.Network.SecurityGroups.TryGetValue(sg.GroupId, out var g) ? g.OwnerId.Value : null),
                    ["VpcPeeringConnectionId"] = sg.VpcPeeringConnectionId?.Value,
                };
                break;
            case SecurityGroupPeer sg:
                o["ReferencedGroupId"] = sg.GroupId.Value;
                break;
        }
    }
}
