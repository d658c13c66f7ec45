using System.Text.Json.Nodes;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Server.Ec2.Shapes;

/// <summary>NetworkAcl → the NetworkAcl shape. Entries are listed as AWS lists them: egress first, then
/// ingress, each in ascending rule number, ending with the implicit '*' deny entries the model does not store:
/// rule 32767 for 0.0.0.0/0 and, when the VPC has an IPv6 block (or the ACL holds IPv6 rules), rule 32768 for
/// ::/0.</summary>
internal static class NetworkAclShape
{
    public static JsonObject Map(NetworkAcl acl, ShapeContext c)
    {
        bool ipv6 = (c.Network.Vpcs.TryGetValue(acl.VpcId, out var vpc) && vpc.HasIpv6) || acl.Entries.Any(e => !e.Cidr.IsV4);
        var entries = new JsonArray();
        foreach (var egress in new[] { true, false })
        {
            foreach (var entry in acl.EntriesFor(egress))
                entries.Add(Entry(entry));
            entries.Add(Entry(new NetworkAclEntry(NetworkAcl.DefaultDenyRuleNumberV4, egress, IpProtocol.All, RuleAction.Deny, Cidr.AnyV4, null, null)));
            if (ipv6)
                entries.Add(Entry(new NetworkAclEntry(NetworkAcl.DefaultDenyRuleNumberV6, egress, IpProtocol.All, RuleAction.Deny, Cidr.AnyV6, null, null)));
        }
        return new JsonObject
        {
            ["Associations"] = Json.Array(acl.Associations, a => new JsonObject
            {
                ["NetworkAclAssociationId"] = a.Id.Value,
                ["NetworkAclId"] = acl.Id.Value,
                ["SubnetId"] = a.SubnetId.Value,
            }),
            ["Entries"] = entries,
            ["IsDefault"] = acl.IsDefault,
            ["NetworkAclId"] = acl.Id.Value,
            ["Tags"] = c.Tags(acl.Id.Value) ?? new JsonArray(),
            ["VpcId"] = acl.VpcId.Value,
            ["OwnerId"] = acl.OwnerId.Value,
        };
    }

    /// <summary>Protocol is the number as text ("-1", "6"); PortRange only for TCP/UDP, IcmpTypeCode only for
    /// ICMP/ICMPv6.</summary>
    public static JsonObject Entry(NetworkAclEntry e)
    {
        var o = new JsonObject();
        if (e.Cidr.IsV4)
            o["CidrBlock"] = e.Cidr.ToString();
        o["Egress"] = e.Egress;
        if (e.Icmp is { } icmp && e.Protocol.IsIcmp)
            o["IcmpTypeCode"] = new JsonObject { ["Code"] = icmp.Code, ["Type"] = icmp.Type };
        if (!e.Cidr.IsV4)
            o["Ipv6CidrBlock"] = e.Cidr.ToString();
        if (e.PortRange is { } ports && e.Protocol.HasPorts)
            o["PortRange"] = new JsonObject { ["From"] = (int)ports.From, ["To"] = (int)ports.To };
        o["Protocol"] = e.Protocol.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        o["RuleAction"] = e.Action == RuleAction.Allow ? "allow" : "deny";
        o["RuleNumber"] = e.RuleNumber;
        return o;
    }
}
