using VpcLab.Import.Json;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Import.Reading;

/// <summary>The order of a group's rules. describe-security-group-rules carries the ids but lists rules in no
/// particular order (by page, by id); describe-security-groups lists the same rules grouped into IpPermissions in the
/// group's own order. Rules are sorted by where they appear there, so the imported group describes as it did.</summary>
internal static class PermissionOrder
{
    public static IEnumerable<SecurityGroupRule> Sort(JsonSource group, IEnumerable<SecurityGroupRule> rules)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (egress, member) in new[] { (false, "IpPermissions"), (true, "IpPermissionsEgress") })
        {
            foreach (var p in group.Items(member))
            {
                foreach (var peer in Peers(p))
                    order.TryAdd(Key(egress, p.Protocol("IpProtocol"), p.OptionalInt("FromPort") ?? -1, p.OptionalInt("ToPort") ?? -1, peer), order.Count);
            }
        }
        return rules.OrderBy(r => order.GetValueOrDefault(Key(r.IsEgress, r.Protocol, r.FromPort, r.ToPort, PeerKey(r.Peer)), int.MaxValue));
    }

    private static IEnumerable<string> Peers(JsonSource permission) =>
        permission.Items("IpRanges").Select(r => "cidr " + r.Cidr("CidrIp"))
            .Concat(permission.Items("Ipv6Ranges").Select(r => "cidr " + r.Cidr("CidrIpv6")))
            .Concat(permission.Items("PrefixListIds").Select(r => "pl " + r.String("PrefixListId")))
            .Concat(permission.Items("UserIdGroupPairs").Select(r => "sg " + r.String("GroupId")));

    private static string PeerKey(RulePeer peer) => peer switch
    {
        CidrPeer c => "cidr " + c.Cidr,
        PrefixListPeer p => "pl " + p.PrefixListId,
        SecurityGroupPeer g => "sg " + g.GroupId,
        _ => "",
    };

    private static string Key(bool egress, IpProtocol protocol, int from, int to, string peer) =>
        string.Join('|', egress, protocol.Number, from, to, peer);
}
