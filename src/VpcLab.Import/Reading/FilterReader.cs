using System.Collections.Immutable;
using VpcLab.Import.Json;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Import.Reading;

/// <summary>describe-security-groups with describe-security-group-rules (the only output that carries rule ids), and
/// describe-network-acls.</summary>
internal static class FilterReader
{
    public static void ReadSecurityGroups(FolderContext ctx)
    {
        var rules = ctx.Items(DescribeCalls.SecurityGroupRules)
            .Select(r => (Group: new SecurityGroupId(r.String("GroupId")), Rule: Rule(r)))
            .ToLookup(x => x.Group, x => x.Rule);
        bool haveRules = ctx.Open(DescribeCalls.SecurityGroupRules.FileName) is not null;
        foreach (var g in ctx.Items(DescribeCalls.SecurityGroups))
        {
            var id = new SecurityGroupId(g.String("GroupId"));
            if (!haveRules && (g.Items("IpPermissions").Any() || g.Items("IpPermissionsEgress").Any()))
                throw g.Error($"{DescribeCalls.SecurityGroupRules.FileName} is missing: only it gives each rule's id (sgr-…)");
            if (g.OptionalString("VpcId") is not { } vpc)
            {
                ctx.Skip("security-group", id.Value, "EC2-Classic group (no VPC)");
                continue;
            }
            var group = new SecurityGroup(id, VpcReader.OwnerOf(g, ctx), ctx.Region, new VpcId(vpc), g.String("GroupName"),
                g.OptionalString("Description") ?? "", [.. PermissionOrder.Sort(g, rules[id])]);
            if (ctx.Parts.SecurityGroups.TryAdd(id, group))
                ctx.Parts.Tag(id.Value, g.Tags());
        }
    }

    private static SecurityGroupRule Rule(JsonSource r) => new(
        new SecurityGroupRuleId(r.String("SecurityGroupRuleId")), r.Bool("IsEgress"), r.Protocol("IpProtocol"),
        r.OptionalInt("FromPort") ?? -1, r.OptionalInt("ToPort") ?? -1, Peer(r), r.OptionalString("Description"));

    private static RulePeer Peer(JsonSource r)
    {
        if (r.Member("CidrIpv4") is { } v4)
            return new CidrPeer(v4.Cidr());
        if (r.Member("CidrIpv6") is { } v6)
            return new CidrPeer(v6.Cidr());
        if (r.OptionalString("PrefixListId") is { } pl)
            return new PrefixListPeer(new PrefixListId(pl));
        var g = r.Member("ReferencedGroupInfo") ?? throw r.Error("names no CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupInfo");
        return new SecurityGroupPeer(new SecurityGroupId(g.String("GroupId")),
            g.OptionalString("UserId") is { } user ? new AccountId(user) : null,
            g.OptionalString("VpcPeeringConnectionId") is { } pcx ? new VpcPeeringConnectionId(pcx) : null);
    }

    public static void ReadNetworkAcls(FolderContext ctx)
    {
        foreach (var a in ctx.Items(DescribeCalls.NetworkAcls))
        {
            var id = new NetworkAclId(a.String("NetworkAclId"));
            var entries = a.Items("Entries").Select(Entry).Where(e => e.RuleNumber <= NetworkAcl.MaxRuleNumber);
            var associations = a.Items("Associations").Select(s => new NetworkAclAssociation(
                new NetworkAclAssociationId(s.String("NetworkAclAssociationId")), new SubnetId(s.String("SubnetId"))));
            var acl = new NetworkAcl(id, VpcReader.OwnerOf(a, ctx), ctx.Region, new VpcId(a.String("VpcId")), a.Bool("IsDefault"),
                [.. entries], [.. associations]);
            if (ctx.Parts.NetworkAcls.TryAdd(id, acl))
                ctx.Parts.Tag(id.Value, a.Tags());
        }
    }

    /// <summary>One entry; the '*' entries AWS prints (32767, 32768) are the implicit deny the model does not store.</summary>
    private static NetworkAclEntry Entry(JsonSource e)
    {
        int number = e.Int("RuleNumber");
        if (number is < NetworkAcl.MinRuleNumber or > NetworkAcl.DefaultDenyRuleNumberV6)
            throw e.Required("RuleNumber").Error($"{number} is not a rule number (1-32766, or 32767/32768 for '*')");
        var cidr = e.Member("CidrBlock") is { } v4 ? v4.Cidr() : e.Cidr("Ipv6CidrBlock");
        PortRange? ports = e.Member("PortRange") is { } p ? Ports(p) : null;
        IcmpTypeCode? icmp = e.Member("IcmpTypeCode") is { } i ? new IcmpTypeCode(i.OptionalInt("Type") ?? -1, i.OptionalInt("Code") ?? -1) : null;
        return new NetworkAclEntry(number, e.Bool("Egress"), e.Protocol("Protocol"), e.Enum<RuleAction>("RuleAction"), cidr, ports, icmp);
    }

    private static PortRange Ports(JsonSource p)
    {
        int from = p.Int("From"), to = p.Int("To");
        return from is >= 0 and <= ushort.MaxValue && to is >= 0 and <= ushort.MaxValue && from <= to
            ? new PortRange((ushort)from, (ushort)to)
            : throw p.Error($"{from}-{to} is not a port range");
    }

    internal static ImmutableArray<SecurityGroupId> Groups(JsonSource item, string member = "Groups") =>
        [.. item.Items(member).Select(g => new SecurityGroupId(g.String("GroupId")))];
}
