using System.Collections.Immutable;
using System.Globalization;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>The SecurityGroups operations.</summary>
public sealed class SecurityGroupOperations
{
    private readonly ControlPlaneState _state;

    internal SecurityGroupOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public CreateSecurityGroupResult CreateSecurityGroup(RequestContext ctx, CreateSecurityGroupRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var name = request.GroupName ?? throw Ec2Errors.MissingParameter("GroupName");
            // AWS: GroupDescription is required; an empty one counts as missing.
            var description = string.IsNullOrEmpty(request.Description) ? throw Ec2Errors.MissingParameter("GroupDescription") : request.Description;
            // AWS (VpcId): "[Default VPC]" when omitted (docs/semantics.md#default-vpc-fallback).
            var vpc = request.VpcId is null ? DefaultVpcLookup.Require(tx) : tx.Require(ResourceKinds.Vpc, request.VpcId);
            if (name.Length == 0 || name.Length > 255)
                throw Ec2Errors.InvalidParameterValue($"Value ({name}) for parameter groupName is invalid. Group names must be 1 to 255 characters.");
            if (!ValidDescription(description))
                throw SecurityGroupErrors.DescriptionInvalid("GroupDescription");
            if (name.StartsWith("sg-", StringComparison.OrdinalIgnoreCase))
                throw SecurityGroupErrors.SecurityGroupNameStartsWithSg();
            if (string.Equals(name, SecurityGroup.DefaultGroupName, StringComparison.OrdinalIgnoreCase))
                throw SecurityGroupErrors.SecurityGroupNameReserved();
            // AWS: names are unique per VPC, case-insensitively.
            if (tx.Where(IndexedKinds.SecurityGroup, "vpc-id", vpc.Id.Value).Any(g => string.Equals(g.GroupName, name, StringComparison.OrdinalIgnoreCase)))
                throw SecurityGroupErrors.SecurityGroupDuplicate(name, vpc.Id.Value);
            if (tx.AtRegionQuota(IndexedKinds.SecurityGroup, tx.Quotas.SecurityGroupsPerRegion))
                throw SecurityGroupErrors.SecurityGroupLimitExceeded();
            var id = new SecurityGroupId(tx.NewId(IdPrefixes.SecurityGroup));
            // AWS: a new group has no inbound rules and allows all outbound traffic (docs/semantics.md#sg-ipv6-egress).
            var group = new SecurityGroup(id, tx.Account, tx.RegionName, vpc.Id, name, description, DefaultEgressRules.ForNewGroup(tx, vpc));
            tx.Put(group);
            tx.ApplyTagSpecifications(request.TagSpecifications, ResourceTypes.SecurityGroup, id.Value);
            return new CreateSecurityGroupResult(id.Value, SecurityGroupArn(group)) { SecurityGroup = group };
        });

    public static string SecurityGroupArn(SecurityGroup group) =>
        $"arn:aws:ec2:{group.Region}:{group.OwnerId}:security-group/{group.Id}";

    /// <summary>AWS: at most 255 characters of a-zA-Z0-9, spaces and ._-:/()#,@[]+=&amp;;{}!$* (spec §4).</summary>
    private static bool ValidDescription(string? text) =>
        text is null || (text.Length <= 255 && text.All(c => char.IsAsciiLetterOrDigit(c) || " ._-:/()#,@[]+=&;{}!$*".Contains(c)));

    public DeleteSecurityGroupResult DeleteSecurityGroup(RequestContext ctx, DeleteSecurityGroupRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var group = GroupByIdOrName(tx, request.GroupId, request.GroupName);
            if (group.IsDefault)
                throw SecurityGroupErrors.CannotDeleteDefaultGroup(group.Id.Value);
            // AWS: not while another group's rule references it or an interface (or endpoint) carries it.
            if (ResourceKinds.SecurityGroup.FirstBlocker(tx.World, group) is not null)
                throw SecurityGroupErrors.SecurityGroupInUse(group.Id.Value);
            tx.Remove(group.Id);
            tx.RemoveTags(group.Id.Value);
            foreach (var rule in group.Rules)
                tx.RemoveTags(rule.Id.Value);
            return new DeleteSecurityGroupResult(true, group.Id.Value);
        });

    public DescribeSecurityGroupsResult DescribeSecurityGroups(RequestContext ctx, DescribeSecurityGroupsRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            var selected = Transaction.Named(request.GroupIds, id => tx.Require(ResourceKinds.SecurityGroup, id));
            if (request.GroupNames is { Count: > 0 } names)
            {
                // AWS (GroupNames): "[Default VPC]"; a name missing there is InvalidGroup.NotFound.
                var byName = names.Select(n => DefaultVpcLookup.GroupByName(tx, n)).DistinctBy(g => g.Id).ToList();
                selected = selected is null ? byName : selected.Where(g => byName.Any(x => x.Id == g.Id)).ToList();
            }
            var schema = new FilterSchema<SecurityGroup>(IndexedKinds.SecurityGroup)
                .Add("description", g => g.Description)
                .Add("owner-id", g => g.OwnerId.Value);
            foreach (var (prefix, egress) in new[] { ("ip-permission.", false), ("egress.ip-permission.", true) })
            {
                IEnumerable<SecurityGroupRule> Rules(SecurityGroup g) => g.Rules.Where(r => r.IsEgress == egress);
                schema
                    .AddMany(prefix + "group-name", g => Rules(g).Select(r => r.Peer is SecurityGroupPeer p
                        && tx.N.SecurityGroups.TryGetValue(p.GroupId, out var peer) ? peer.GroupName : null))
                    .AddMany(prefix + "user-id", g => Rules(g).Select(r => r.Peer is SecurityGroupPeer p
                        ? (p.UserId ?? (tx.N.SecurityGroups.TryGetValue(p.GroupId, out var peer) ? peer.OwnerId : g.OwnerId)).Value : null))
                    .AddMany(prefix + "protocol", g => Rules(g).Select(r => r.Protocol.Name))
                    .AddMany(prefix + "from-port", g => Rules(g).Select(r => r.FromPort.ToString(CultureInfo.InvariantCulture)))
                    .AddMany(prefix + "to-port", g => Rules(g).Select(r => r.ToPort.ToString(CultureInfo.InvariantCulture)));
            }
            return new DescribeSecurityGroupsResult([.. schema.Select(tx, request.Filters, selected)]);
        });

    public AuthorizeSecurityGroupIngressResult AuthorizeSecurityGroupIngress(RequestContext ctx, AuthorizeSecurityGroupIngressRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var group = GroupByIdOrName(tx, request.GroupId, request.GroupName);
            var permissions = Permissions(request.IpPermissions, request.IpProtocol, request.FromPort, request.ToPort, request.CidrIp, request.SourceSecurityGroupName);
            return new AuthorizeSecurityGroupIngressResult(true, Authorize(tx, group, permissions, egress: false, request.TagSpecifications));
        });

    public AuthorizeSecurityGroupEgressResult AuthorizeSecurityGroupEgress(RequestContext ctx, AuthorizeSecurityGroupEgressRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var group = tx.Require(ResourceKinds.SecurityGroup, request.GroupId);
            var permissions = Permissions(request.IpPermissions, request.IpProtocol, request.FromPort, request.ToPort, request.CidrIp, null);
            return new AuthorizeSecurityGroupEgressResult(true, Authorize(tx, group, permissions, egress: true, request.TagSpecifications));
        });

    public RevokeSecurityGroupIngressResult RevokeSecurityGroupIngress(RequestContext ctx, RevokeSecurityGroupIngressRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var group = GroupByIdOrName(tx, request.GroupId, request.GroupName);
            var permissions = request.SecurityGroupRuleIds is { Count: > 0 } ? [] :
                Permissions(request.IpPermissions, request.IpProtocol, request.FromPort, request.ToPort, request.CidrIp, request.SourceSecurityGroupName);
            return new RevokeSecurityGroupIngressResult(true, Revoke(tx, group, permissions, request.SecurityGroupRuleIds, egress: false));
        });

    public RevokeSecurityGroupEgressResult RevokeSecurityGroupEgress(RequestContext ctx, RevokeSecurityGroupEgressRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var group = tx.Require(ResourceKinds.SecurityGroup, request.GroupId);
            var permissions = request.SecurityGroupRuleIds is { Count: > 0 } ? [] :
                Permissions(request.IpPermissions, request.IpProtocol, request.FromPort, request.ToPort, request.CidrIp, null);
            return new RevokeSecurityGroupEgressResult(true, Revoke(tx, group, permissions, request.SecurityGroupRuleIds, egress: true));
        });

    public DescribeSecurityGroupRulesResult DescribeSecurityGroupRules(RequestContext ctx, DescribeSecurityGroupRulesRequest request) =>
        _state.Read(ctx, request.DryRun, tx =>
        {
            // AWS documents no order: groups by id, each group's rules in the order they were made (the default
            // egress rule first, then authorizations as requested), the server paging by position
            // (docs/semantics.md#security-group-rule-order).
            var world = tx.World;
            IEnumerable<SecurityGroupRuleEntry> selected;
            if (request.SecurityGroupRuleIds is { Count: > 0 } ids)
            {
                selected = ids.Distinct(StringComparer.Ordinal).Select(id =>
                {
                    if (!ResourceKinds.SecurityGroupRule.IsWellFormed(id))
                        throw ResourceIdErrors.SecurityGroupRuleMalformed(id);
                    var group = ResourceKinds.SecurityGroupRule.Find(world, id, tx.Caller) ?? throw ResourceIdErrors.SecurityGroupRuleNotFound(id);
                    return new SecurityGroupRuleEntry(group.Id.Value, group.OwnerId.Value, group.Rules.First(r => r.Id.Value == id));
                }).ToList();
            }
            else
            {
                selected = RuleGroups(tx, request.Filters).SelectMany(g => g.Rules.Select(r => new SecurityGroupRuleEntry(g.Id.Value, g.OwnerId.Value, r)));
            }
            // AWS: a group-id filter value must be a well-formed group id (InvalidGroupId.Malformed); an unknown one
            // matches nothing.
            foreach (var value in (request.Filters ?? []).Where(f => f.Name == "group-id").SelectMany(f => f.Values ?? []))
            {
                if (!ResourceKinds.SecurityGroup.IsWellFormed(value))
                    throw SecurityGroupErrors.GroupIdFilterMalformed(value);
            }
            var schema = new FilterSchema<SecurityGroupRuleEntry>(e => e.Rule.Id.Value)
                .Add("group-id", e => e.GroupId)
                .Add("security-group-rule-id", e => e.Rule.Id.Value)
                .Add("is-egress", e => Wire.Bool(e.Rule.IsEgress));
            return new DescribeSecurityGroupRulesResult([.. schema.Apply(selected, request.Filters, tx.N)]);
        });

    /// <summary>The caller's groups whose rules DescribeSecurityGroupRules considers, in id order: those named by a
    /// literal group-id or security-group-rule-id filter (the fewer), else all of the caller's; the filters are then
    /// checked on each rule (docs/semantics.md#filter-indexes).</summary>
    private static IEnumerable<SecurityGroup> RuleGroups(Transaction tx, IReadOnlyList<Filter>? filters)
    {
        var world = tx.World;
        var byGroup = FilterValues.Literals(filters, "group-id");
        var byRule = FilterValues.Literals(filters, "security-group-rule-id");
        IEnumerable<string> ids;
        if (byGroup is not null && (byRule is null || byGroup.Count <= byRule.Count))
            ids = byGroup;
        else if (byRule is not null)
            ids = byRule.SelectMany(r => world.Index.Ids(IndexedKinds.SecurityGroup.Key, IndexedKinds.RuleIdLink, r));
        else
            ids = world.Index.Ids(IndexedKinds.SecurityGroup.Key, WorldIndex.ScopeName, IndexedKind<SecurityGroup>.Scope(tx.Account, tx.RegionName));
        return ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => ResourceKinds.SecurityGroup.Find(tx.N, id, tx.Caller)).OfType<SecurityGroup>();
    }

    internal static SecurityGroup GroupByIdOrName(Transaction tx, string? id, string? name)
    {
        if (id is not null)
            return tx.Require(ResourceKinds.SecurityGroup, id);
        if (name is not null)
            return DefaultVpcLookup.GroupByName(tx, name); // AWS: a name alone addresses the default VPC
        throw Ec2Errors.MissingParameter("GroupId");
    }

    private static IReadOnlyList<IpPermission> Permissions(IReadOnlyList<IpPermission>? permissions, string? protocol, int? from, int? to,
        string? cidrIp, string? sourceGroupName)
    {
        bool legacy = protocol is not null || from is not null || to is not null || cidrIp is not null || sourceGroupName is not null;
        if (permissions is { Count: > 0 })
        {
            if (legacy)
                throw Ec2Errors.InvalidParameterCombination("The parameter 'ipPermissions' may not be used in combination with 'ipProtocol', 'fromPort', 'toPort', 'cidrIp' or 'sourceSecurityGroupName'");
            return permissions;
        }
        if (!legacy)
            throw Ec2Errors.MissingParameter("IpPermissions");
        return
        [
            new IpPermission
            {
                IpProtocol = protocol ?? "-1",
                FromPort = from,
                ToPort = to,
                IpRanges = cidrIp is null ? null : [new IpRange { CidrIp = cidrIp }],
                UserIdGroupPairs = sourceGroupName is null ? null : [new UserIdGroupPair { GroupName = sourceGroupName }],
            },
        ];
    }

    /// <summary>Expands permissions into rules (one per peer) and validates protocol, ports and peers.</summary>
    internal static List<SecurityGroupRule> ExpandPermissions(Transaction tx, SecurityGroup group, IReadOnlyList<IpPermission> permissions, bool egress, bool allocateIds)
    {
        var rules = new List<SecurityGroupRule>();
        foreach (var permission in permissions)
        {
            if (!IpProtocol.TryParse(permission.IpProtocol, out var protocol))
                throw SecurityGroupErrors.PermissionMalformed($"Invalid IP protocol: {permission.IpProtocol}");
            var (from, to) = RulePorts(protocol, permission.FromPort, permission.ToPort);
            var peers = new List<(RulePeer Peer, string? Description)>();
            foreach (var range in permission.IpRanges ?? [])
            {
                var cidr = Transaction.ParseCidr(range.CidrIp, "cidrIp");
                if (!cidr.IsV4)
                    throw Ec2Errors.InvalidCidr(range.CidrIp, "cidrIp");
                peers.Add((new CidrPeer(cidr), CheckRuleDescription(range.Description)));
            }
            foreach (var range in permission.Ipv6Ranges ?? [])
            {
                var cidr = Transaction.ParseCidr(range.CidrIpv6, "cidrIpv6");
                if (!cidr.IsV6)
                    throw Ec2Errors.InvalidCidr(range.CidrIpv6, "cidrIpv6");
                peers.Add((new CidrPeer(cidr), CheckRuleDescription(range.Description)));
            }
            foreach (var pl in permission.PrefixListIds ?? [])
                peers.Add((new PrefixListPeer(tx.Require(ResourceKinds.PrefixList, pl.PrefixListId, "PrefixListId").Id), CheckRuleDescription(pl.Description)));
            foreach (var pair in permission.UserIdGroupPairs ?? [])
            {
                if (pair.VpcPeeringConnectionId is not null)
                    throw ResourceIdErrors.PeeringNotFound(pair.VpcPeeringConnectionId);
                SecurityGroup referenced;
                if (pair.GroupId is not null)
                {
                    var owner = pair.UserId is null ? tx.Account : new AccountId(pair.UserId);
                    if (!ResourceKinds.SecurityGroup.IsWellFormed(pair.GroupId))
                        throw ResourceIdErrors.SecurityGroupMalformed(pair.GroupId);
                    if (!tx.N.SecurityGroups.TryGetValue(new SecurityGroupId(pair.GroupId), out referenced!)
                        || referenced.OwnerId != owner || referenced.Region != tx.RegionName)
                        throw ResourceIdErrors.SecurityGroupNotFound(pair.GroupId);
                }
                else if (pair.GroupName is not null)
                {
                    referenced = tx.Where(IndexedKinds.SecurityGroup, "vpc-id", group.VpcId.Value).FirstOrDefault(g => g.GroupName == pair.GroupName)
                        ?? throw SecurityGroupErrors.SecurityGroupNameNotFound(pair.GroupName, group.VpcId.Value);
                }
                else
                {
                    throw Ec2Errors.MissingParameter("GroupId");
                }
                // A referenced group must be in the same VPC, or in a VPC peered with it by an active peering in the
                // same Region (spec §4; the Region was checked above).
                if (referenced.VpcId != group.VpcId && !VpcPeeringOperations.Of(tx, group.VpcId).Any(p =>
                        p.IsActive && p.PeerOf(group.VpcId)?.VpcId == referenced.VpcId))
                    throw Ec2Errors.InvalidParameter($"You have specified two resources that belong to different networks: {group.Id} and {referenced.Id}.");
                peers.Add((new SecurityGroupPeer(referenced.Id, referenced.OwnerId, null), CheckRuleDescription(pair.Description)));
            }
            if (peers.Count == 0)
                throw SecurityGroupErrors.PermissionMalformed("Each permission must name at least one source or destination (IpRanges, Ipv6Ranges, PrefixListIds or UserIdGroupPairs).");
            foreach (var (peer, description) in peers)
            {
                var id = allocateIds ? new SecurityGroupRuleId(tx.NewId(IdPrefixes.SecurityGroupRule)) : default;
                rules.Add(new SecurityGroupRule(id, egress, protocol, from, to, peer, description));
            }
        }
        return rules;
    }

    internal static string? CheckRuleDescription(string? description) =>
        ValidDescription(description) ? description : throw SecurityGroupErrors.DescriptionInvalid("description");

    /// <summary>TCP/UDP need a port range 0–65535 (from ≤ to); ICMP types and codes are −1..255 (−1 = all);
    /// for any other protocol AWS ignores ports and reports −1.</summary>
    private static (int From, int To) RulePorts(IpProtocol protocol, int? from, int? to)
    {
        if (protocol.HasPorts)
        {
            if (from is null || to is null)
                throw Ec2Errors.InvalidParameterValue($"Invalid value for portRange. Must specify both from and to ports with TCP/UDP.");
            if (from is < 0 or > 65535 || to is < 0 or > 65535 || from > to)
                throw Ec2Errors.InvalidParameterValue($"Invalid value for portRange. Must be a valid port range 0-65535 (from {from} to {to}).");
            return (from.Value, to.Value);
        }
        if (protocol.IsIcmp)
        {
            int type = from ?? -1, code = to ?? -1;
            if (type is < -1 or > 255 || code is < -1 or > 255)
                throw Ec2Errors.InvalidParameterValue($"Invalid value for ICMP type ({type}) or code ({code}). Must be -1 or 0-255.");
            if (type == -1 && code != -1)
                throw Ec2Errors.InvalidParameterValue("ICMP code must be -1 (all) when the ICMP type is -1 (all).");
            return (type, code);
        }
        return (-1, -1);
    }

    private static string Describe(SecurityGroupRule rule) =>
        string.Create(CultureInfo.InvariantCulture, $"peer: {rule.Peer}, {rule.Protocol.Name.ToUpperInvariant()}, from port: {rule.FromPort}, to port: {rule.ToPort}, ALLOW");

    private static List<SecurityGroupRuleEntry> Authorize(Transaction tx, SecurityGroup group, IReadOnlyList<IpPermission> permissions, bool egress,
        IReadOnlyList<TagSpecification>? tagSpecifications)
    {
        var added = ExpandPermissions(tx, group, permissions, egress, allocateIds: true);
        var rules = group.Rules.ToList();
        foreach (var rule in added)
        {
            // AWS: a rule identical but for its description is a duplicate, also within one request.
            if (rules.Any(r => r.SamePermission(rule)))
                throw SecurityGroupErrors.PermissionDuplicate(group.Id.Value, Describe(rule));
            rules.Add(rule);
        }
        var updated = group with { Rules = [.. rules] };
        QuotaUnits.CheckSecurityGroupRules(tx, updated);
        tx.Put(updated);
        var tags = tx.TagsFor(tagSpecifications, ResourceTypes.SecurityGroupRule, [ResourceTypes.SecurityGroupRule]);
        if (tags.Count > 0)
        {
            foreach (var rule in added)
                tx.SetTags(rule.Id.Value, tags);
        }
        return [.. added.Select(r => new SecurityGroupRuleEntry(group.Id.Value, group.OwnerId.Value, r))];
    }

    private static List<SecurityGroupRuleEntry> Revoke(Transaction tx, SecurityGroup group, IReadOnlyList<IpPermission> permissions,
        IReadOnlyList<string>? ruleIds, bool egress)
    {
        var removed = new List<SecurityGroupRule>();
        if (ruleIds is { Count: > 0 })
        {
            if (permissions.Count > 0)
                throw Ec2Errors.InvalidParameterCombination("The parameter 'securityGroupRuleIds' may not be used in combination with 'ipPermissions'");
            foreach (var id in ruleIds.Distinct(StringComparer.Ordinal))
            {
                if (!ResourceKinds.SecurityGroupRule.IsWellFormed(id))
                    throw ResourceIdErrors.SecurityGroupRuleMalformed(id);
                removed.Add(group.Rules.FirstOrDefault(r => r.Id.Value == id && r.IsEgress == egress) ?? throw ResourceIdErrors.SecurityGroupRuleNotFound(id));
            }
        }
        else
        {
            foreach (var wanted in ExpandPermissions(tx, group, permissions, egress, allocateIds: false))
                removed.Add(group.Rules.FirstOrDefault(r => r.SamePermission(wanted)) ?? throw SecurityGroupErrors.PermissionNotFound());
        }
        tx.Put(group with { Rules = [.. group.Rules.Except(removed)] });
        foreach (var rule in removed)
            tx.RemoveTags(rule.Id.Value);
        return [.. removed.Distinct().Select(r => new SecurityGroupRuleEntry(group.Id.Value, group.OwnerId.Value, r))];
    }

    /// <summary>AWS (API SecurityGroupRuleRequest): "When you modify a rule, you cannot change the rule type"; the
    /// type is the parameter that names the peer.</summary>
    private static string RuleType(RulePeer peer) => peer switch
    {
        CidrPeer { Cidr.IsV6: true } => "CidrIpv6",
        CidrPeer => "CidrIpv4",
        PrefixListPeer => "PrefixListId",
        _ => "ReferencedGroupId",
    };

    public ReturnResult ModifySecurityGroupRules(RequestContext ctx, ModifySecurityGroupRulesRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
        {
            var group = tx.Require(ResourceKinds.SecurityGroup, request.GroupId);
            if (request.SecurityGroupRules is not { Count: > 0 } updates)
                throw Ec2Errors.MissingParameter("SecurityGroupRule");
            var rules = group.Rules.ToList();
            foreach (var update in updates)
            {
                var id = update.SecurityGroupRuleId ?? throw Ec2Errors.MissingParameter("SecurityGroupRuleId");
                if (!ResourceKinds.SecurityGroupRule.IsWellFormed(id))
                    throw ResourceIdErrors.SecurityGroupRuleMalformed(id);
                int index = rules.FindIndex(r => r.Id.Value == id);
                if (index < 0)
                    throw ResourceIdErrors.SecurityGroupRuleNotFound(id);
                var spec = update.SecurityGroupRule ?? throw Ec2Errors.MissingParameter("SecurityGroupRule");
                int peers = (spec.CidrIpv4 is not null ? 1 : 0) + (spec.CidrIpv6 is not null ? 1 : 0)
                    + (spec.PrefixListId is not null ? 1 : 0) + (spec.ReferencedGroupId is not null ? 1 : 0);
                if (peers != 1)
                    throw Ec2Errors.InvalidParameterCombination("A security group rule needs exactly one of CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupId.");
                var permission = new IpPermission
                {
                    IpProtocol = spec.IpProtocol,
                    FromPort = spec.FromPort,
                    ToPort = spec.ToPort,
                    IpRanges = spec.CidrIpv4 is null ? null : [new IpRange { CidrIp = spec.CidrIpv4, Description = spec.Description }],
                    Ipv6Ranges = spec.CidrIpv6 is null ? null : [new Ipv6Range { CidrIpv6 = spec.CidrIpv6, Description = spec.Description }],
                    PrefixListIds = spec.PrefixListId is null ? null : [new PrefixListIdEntry { PrefixListId = spec.PrefixListId, Description = spec.Description }],
                    UserIdGroupPairs = spec.ReferencedGroupId is null ? null : [new UserIdGroupPair { GroupId = spec.ReferencedGroupId, Description = spec.Description }],
                };
                var old = rules[index];
                var replacement = ExpandPermissions(tx, group, [permission], old.IsEgress, allocateIds: false)[0] with { Id = old.Id };
                if (RuleType(replacement.Peer) != RuleType(old.Peer))
                    throw SecurityGroupErrors.RuleTypeUnchangeable(id, RuleType(old.Peer));
                if (rules.Where((r, i) => i != index).Any(r => r.SamePermission(replacement)))
                    throw SecurityGroupErrors.PermissionDuplicate(group.Id.Value, Describe(replacement));
                rules[index] = replacement;
            }
            var updated = group with { Rules = [.. rules] };
            QuotaUnits.CheckSecurityGroupRules(tx, updated); // a prefix list of another size changes the count
            tx.Put(updated);
            return ReturnResult.True;
        });
}
