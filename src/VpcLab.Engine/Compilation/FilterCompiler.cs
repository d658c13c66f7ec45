using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>Compiles the filters: network ACL entries (sorted by rule number: AWS applies the first match) and
/// the union of an interface's security group rules, each bucketed by direction, family and protocol.</summary>
internal static class FilterCompiler
{
    /// <summary>Concatenates per-owner buckets into one array; ranges[owner × (Total + 1) + b] is where bucket b
    /// starts and the next entry where it ends.</summary>
    public static (T[] Items, int[] Ranges) Flatten<T>(List<T[][]> owners)
    {
        var items = new List<T>();
        var ranges = new int[owners.Count * (ProtocolBuckets.Total + 1)];
        for (int o = 0; o < owners.Count; o++)
        {
            int at = o * (ProtocolBuckets.Total + 1);
            for (int b = 0; b < ProtocolBuckets.Total; b++)
            {
                ranges[at + b] = items.Count;
                items.AddRange(owners[o][b]);
            }
            ranges[at + ProtocolBuckets.Total] = items.Count;
        }
        return ([.. items], ranges);
    }

    public static CompiledAcl CompileAcl(NetworkAcl acl)
    {
        var buckets = NewBuckets<AclEntry>();
        var ordered = acl.Entries.Select((e, i) => (e, i)).OrderBy(x => x.e.RuleNumber).ThenBy(x => x.i);
        foreach (var (entry, index) in ordered)
            AddToBuckets(buckets, entry.Egress, entry.Cidr.Family, entry.Protocol.Number, new AclEntry(entry, index));
        return new CompiledAcl { Model = acl, Buckets = [.. buckets.Select(b => b.ToArray())] };
    }

    public static CompiledSecurityGroupSet CompileSecurityGroupSet(int[] groups, CompiledModels models)
    {
        var buckets = NewBuckets<SgRule>();
        bool ingress = false, egress = false;
        foreach (int g in groups)
        {
            var group = models.SecurityGroups[g];
            for (int r = 0; r < group.Rules.Length; r++)
            {
                var rule = group.Rules[r];
                if (rule.IsEgress)
                    egress = true;
                else
                    ingress = true;
                AddRule(buckets, models, rule, g, r);
            }
        }
        // After every real rule, so a rule that allows the packet is the one a trace shows.
        foreach (bool direction in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (byte type in FlowKey.IcmpErrorTypesV4)
                AddToBuckets(buckets, direction, IpFamily.V4, 1, SgRule.TrackedIcmpError(1, type));
            foreach (byte type in FlowKey.IcmpErrorTypesV6)
                AddToBuckets(buckets, direction, IpFamily.V6, 58, SgRule.TrackedIcmpError(58, type));
        }
        return new CompiledSecurityGroupSet
        {
            Groups = groups,
            Buckets = [.. buckets.Select(b => b.ToArray())],
            HasIngressRules = ingress,
            HasEgressRules = egress,
        };
    }

    private static void AddRule(List<SgRule>[] buckets, CompiledModels models, SecurityGroupRule rule, int g, int r)
    {
        switch (rule.Peer)
        {
            case CidrPeer c:
                AddToBuckets(buckets, rule.IsEgress, c.Cidr.Family, rule.Protocol.Number, new SgRule(rule, g, r, c.Cidr, -1, -1));
                break;
            case PrefixListPeer p when models.PrefixListIndex.TryGetValue(p.PrefixListId, out int pl):
                foreach (var e in models.PrefixLists[pl].Entries)
                    AddToBuckets(buckets, rule.IsEgress, e.Cidr.Family, rule.Protocol.Number, new SgRule(rule, g, r, e.Cidr, -1, pl));
                break;
            case SecurityGroupPeer s when models.SecurityGroupIndex.TryGetValue(s.GroupId, out int peer):
                AddToBuckets(buckets, rule.IsEgress, IpFamily.V4, rule.Protocol.Number, new SgRule(rule, g, r, null, peer, -1));
                AddToBuckets(buckets, rule.IsEgress, IpFamily.V6, rule.Protocol.Number, new SgRule(rule, g, r, null, peer, -1));
                break;
        }
    }

    private static List<T>[] NewBuckets<T>()
    {
        var buckets = new List<T>[ProtocolBuckets.Total];
        for (int i = 0; i < buckets.Length; i++)
            buckets[i] = [];
        return buckets;
    }

    private static void AddToBuckets<T>(List<T>[] buckets, bool egress, IpFamily family, short protocol, T item)
    {
        if (protocol == -1)
        {
            for (int p = 0; p < ProtocolBuckets.Count; p++)
                buckets[ProtocolBuckets.Index(egress, family, 6) + p].Add(item); // tcp is bucket 0
        }
        else
        {
            buckets[ProtocolBuckets.Index(egress, family, protocol)].Add(item);
        }
    }
}
