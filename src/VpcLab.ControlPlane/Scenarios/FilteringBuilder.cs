using System.Globalization;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Scenarios;

// Security groups and network ACLs of a scenario.

/// <summary>Builds a scenario's security groups (rules deferred until every group exists) and network ACLs through the control plane.</summary>
internal sealed class FilteringBuilder(ScenarioContext context)
{
    public void BuildSecurityGroups(RequestContext ctx, IEnumerable<SecurityGroupSpec> specs, VpcId vpc)
    {
        var created = new List<(SecurityGroupSpec Spec, string Id)>();
        foreach (var spec in specs)
        {
            var id = context.Do(spec.Line, "security group", spec.Name, () => context.ControlPlane.CreateSecurityGroup(ctx, new CreateSecurityGroupRequest
            {
                GroupName = spec.Name,
                Description = spec.Description ?? spec.Name,
                VpcId = vpc.Value,
                TagSpecifications = TagSpecification.Named("security-group", spec.Name),
            }).GroupId);
            context.Register(spec.Line, spec.Name, id);
            created.Add((spec, id));
        }
        // Rules after every group exists: a rule may name any group of the scenario.
        foreach (var (spec, id) in created)
        {
            foreach (var rule in spec.Ingress)
            {
                if (NamesGroupOfAnotherVpc(rule, vpc))
                {
                    // A peer VPC's group can be named only once the peering is active: after the peerings.
                    _deferredIngress.Add((ctx, spec.Name, id, rule));
                    continue;
                }
                AuthorizeIngress(ctx, spec.Name, id, rule);
            }
            if (spec.Egress is not { } egress)
                continue;
            // Listing egress rules replaces the allow-all rule every new group starts with.
            var existing = context.ControlPlane.Network.SecurityGroups[new SecurityGroupId(id)].Egress.Select(r => r.Id.Value).ToList();
            if (existing.Count > 0)
            {
                context.Do(spec.Line, "security group", spec.Name, () => context.ControlPlane.RevokeSecurityGroupEgress(ctx, new RevokeSecurityGroupEgressRequest
                {
                    GroupId = id,
                    SecurityGroupRuleIds = existing,
                }));
            }
            foreach (var rule in egress)
            {
                context.Do(rule.Line, "security group", spec.Name, () => context.ControlPlane.AuthorizeSecurityGroupEgress(ctx, new AuthorizeSecurityGroupEgressRequest
                {
                    GroupId = id,
                    IpPermissions = [Permission(rule)],
                }));
            }
        }
    }

    private readonly List<(RequestContext Ctx, string Group, string GroupId, SecurityGroupRuleSpec Rule)> _deferredIngress = [];

    private void AuthorizeIngress(RequestContext ctx, string group, string groupId, SecurityGroupRuleSpec rule) =>
        context.Do(rule.Line, "security group", group, () => context.ControlPlane.AuthorizeSecurityGroupIngress(ctx, new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            IpPermissions = [Permission(rule)],
        }));

    /// <summary>Rules that name a group of a peer VPC, authorized once the peerings exist.</summary>
    public void AuthorizeDeferredRules()
    {
        foreach (var (ctx, group, groupId, rule) in _deferredIngress)
            AuthorizeIngress(ctx, group, groupId, rule);
    }

    private bool NamesGroupOfAnotherVpc(SecurityGroupRuleSpec rule, VpcId vpc) =>
        context.Names.TryGetValue(rule.Peer, out var named) && named.Id.StartsWith("sg-", StringComparison.Ordinal)
        && context.ControlPlane.Network.SecurityGroups.TryGetValue(new SecurityGroupId(named.Id), out var group) && group.VpcId != vpc;

    /// <summary>A rule as the API takes it. The peer is a CIDR (IPv4 or IPv6), a group name or a prefix list.</summary>
    private IpPermission Permission(SecurityGroupRuleSpec rule)
    {
        var protocol = ProtocolNumber(rule.Line, rule.Protocol);
        var (from, to) = RulePorts(rule.Line, protocol, rule.Ports);
        var permission = new IpPermission { IpProtocol = protocol, FromPort = from, ToPort = to };
        if (Cidr.TryParse(rule.Peer, out var cidr))
        {
            return cidr.IsV4
                ? permission with { IpRanges = [new IpRange { CidrIp = rule.Peer, Description = rule.Description }] }
                : permission with { Ipv6Ranges = [new Ipv6Range { CidrIpv6 = rule.Peer, Description = rule.Description }] };
        }
        if (context.Names.TryGetValue(rule.Peer, out var named) && named.Id.StartsWith("sg-", StringComparison.Ordinal))
        {
            // A group of another account (across a peering) is named with its owner, as the API requires.
            var owner = context.ControlPlane.Network.SecurityGroups.TryGetValue(new SecurityGroupId(named.Id), out var group) ? group.OwnerId.Value : null;
            return permission with { UserIdGroupPairs = [new UserIdGroupPair { GroupId = named.Id, UserId = owner, Description = rule.Description }] };
        }
        if (rule.Peer.StartsWith("sg-", StringComparison.Ordinal))
            return permission with { UserIdGroupPairs = [new UserIdGroupPair { GroupId = rule.Peer, Description = rule.Description }] };
        return permission with { PrefixListIds = [new PrefixListIdEntry { PrefixListId = context.ResolvePrefixList(rule.Line, rule.Peer), Description = rule.Description }] };
    }

    /// <summary>Scenario ports to the API's FromPort/ToPort: "443", "1024-65535", or absent for all; for ICMP the
    /// ports field holds "type" or "type/code".</summary>
    private (int From, int To) RulePorts(int line, string protocol, string? ports)
    {
        if (protocol is "6" or "17")
        {
            if (ports is null or "all")
                return (0, 65535);
            var range = ParsePorts(line, ports);
            return (range.From, range.To);
        }
        if (protocol is "1" or "58")
        {
            var icmp = ParseIcmp(line, ports);
            return (icmp.Type, icmp.Code);
        }
        return (-1, -1);
    }

    public void BuildNetworkAcl(RequestContext ctx, NetworkAclSpec spec, VpcId vpc)
    {
        var acl = context.Do(spec.Line, "network ACL", spec.Name, () => context.ControlPlane.CreateNetworkAcl(ctx, new CreateNetworkAclRequest
        {
            VpcId = vpc.Value,
            TagSpecifications = TagSpecification.Named("network-acl", spec.Name),
        }).NetworkAcl);
        context.Register(spec.Line, spec.Name, acl.Id.Value);
        foreach (var (entries, egress) in new[] { (spec.Inbound, false), (spec.Outbound, true) })
        {
            foreach (var entry in entries)
                context.Do(entry.Line, "network ACL", spec.Name, () => context.ControlPlane.CreateNetworkAclEntry(ctx, AclEntry(acl.Id.Value, entry, egress)));
        }
        foreach (var subnet in spec.Subnets)
        {
            var subnetId = new SubnetId(context.Resolve(spec.Line, subnet, "subnet"));
            var association = context.ControlPlane.Network.NetworkAclFor(subnetId).Associations.First(a => a.SubnetId == subnetId).Id.Value;
            context.Do(spec.Line, "network ACL", spec.Name, () => context.ControlPlane.ReplaceNetworkAclAssociation(ctx, new ReplaceNetworkAclAssociationRequest
            {
                AssociationId = association,
                NetworkAclId = acl.Id.Value,
            }));
        }
    }

    private CreateNetworkAclEntryRequest AclEntry(string aclId, NetworkAclEntrySpec entry, bool egress)
    {
        var protocol = ProtocolNumber(entry.Line, entry.Protocol);
        var request = new CreateNetworkAclEntryRequest
        {
            NetworkAclId = aclId,
            RuleNumber = entry.Rule,
            Protocol = protocol,
            RuleAction = entry.Action,
            Egress = egress,
        };
        request = Cidr.TryParse(entry.Cidr, out var cidr) && cidr.IsV6
            ? request with { Ipv6CidrBlock = entry.Cidr }
            : request with { CidrBlock = entry.Cidr };
        if (protocol is "6" or "17")
        {
            var range = entry.Ports is null or "all" ? PortRange.All : ParsePorts(entry.Line, entry.Ports);
            request = request with { PortRange = new PortRangeRequest { From = range.From, To = range.To } };
        }
        else if (protocol is "1" or "58")
        {
            var icmp = ParseIcmp(entry.Line, entry.Icmp ?? entry.Ports);
            request = request with { IcmpTypeCode = new IcmpTypeCodeRequest { Type = icmp.Type, Code = icmp.Code } };
        }
        return request;
    }

    /// <summary>The protocol as the API's number string: names (tcp, udp, icmp, icmpv6, all) become numbers.</summary>
    private string ProtocolNumber(int line, string text) =>
        IpProtocol.TryParse(text, out var protocol)
            ? protocol.Number.ToString(CultureInfo.InvariantCulture)
            : throw context.Fail(line, $"'{text}' is not a protocol (tcp, udp, icmp, icmpv6, all or a number)");

    private PortRange ParsePorts(int line, string text)
    {
        try
        {
            return PortRange.Parse(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw context.Fail(line, $"'{text}' is not a port or port range (such as 443 or 1024-65535)");
        }
    }

    private IcmpTypeCode ParseIcmp(int line, string? text)
    {
        if (text is null or "all")
            return IcmpTypeCode.Any;
        var parts = text.Split('/');
        if (parts.Length > 2 || !parts.All(p => int.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
            throw context.Fail(line, $"'{text}' is not an ICMP type or type/code (such as 8 or 3/4)");
        return new IcmpTypeCode(int.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : -1);
    }
}
