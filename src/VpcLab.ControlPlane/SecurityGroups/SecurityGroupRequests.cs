using VpcLab.Model;

namespace VpcLab.ControlPlane;

public sealed record CreateSecurityGroupRequest
{
    public string? GroupName { get; init; }

    /// <summary>The model's member name for GroupDescription.</summary>
    public string? Description { get; init; }
    public string? VpcId { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateSecurityGroupResult(string GroupId, string SecurityGroupArn)
{
    public SecurityGroup? SecurityGroup { get; init; }
}

public sealed record DeleteSecurityGroupRequest
{
    public string? GroupId { get; init; }
    public string? GroupName { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DeleteSecurityGroupResult(bool Return, string GroupId);

public sealed record DescribeSecurityGroupsRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? GroupIds { get; init; }
    public IReadOnlyList<string>? GroupNames { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeSecurityGroupsResult(IReadOnlyList<SecurityGroup> SecurityGroups);

/// <summary>One permission of Authorize/Revoke (IpPermissions.N.*): a protocol and port range, and the peers
/// it applies to; each peer becomes one rule (sgr-…).</summary>
public sealed record IpPermission
{
    public string? IpProtocol { get; init; }
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
    public IReadOnlyList<IpRange>? IpRanges { get; init; }
    public IReadOnlyList<Ipv6Range>? Ipv6Ranges { get; init; }
    public IReadOnlyList<PrefixListIdEntry>? PrefixListIds { get; init; }
    public IReadOnlyList<UserIdGroupPair>? UserIdGroupPairs { get; init; }
}

public sealed record IpRange
{
    public string? CidrIp { get; init; }
    public string? Description { get; init; }
}

public sealed record Ipv6Range
{
    public string? CidrIpv6 { get; init; }
    public string? Description { get; init; }
}

/// <summary>The model's PrefixListId structure (PrefixListIds.N.PrefixListId).</summary>
public sealed record PrefixListIdEntry
{
    public string? PrefixListId { get; init; }
    public string? Description { get; init; }
}

public sealed record UserIdGroupPair
{
    public string? GroupId { get; init; }
    public string? GroupName { get; init; }
    public string? UserId { get; init; }
    public string? VpcId { get; init; }
    public string? VpcPeeringConnectionId { get; init; }
    public string? Description { get; init; }
}

/// <summary>AuthorizeSecurityGroupIngress/Egress: IpPermissions, or the legacy flat form (IpProtocol,
/// FromPort, ToPort, CidrIp, SourceSecurityGroupName) for a single rule.</summary>
public sealed record AuthorizeSecurityGroupIngressRequest
{
    public string? GroupId { get; init; }
    public string? GroupName { get; init; }
    public IReadOnlyList<IpPermission>? IpPermissions { get; init; }
    public string? IpProtocol { get; init; }
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
    public string? CidrIp { get; init; }
    public string? SourceSecurityGroupName { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record AuthorizeSecurityGroupEgressRequest
{
    public string? GroupId { get; init; }
    public IReadOnlyList<IpPermission>? IpPermissions { get; init; }
    public string? IpProtocol { get; init; }
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
    public string? CidrIp { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>A rule together with the group it belongs to (the API's SecurityGroupRule shape).</summary>
public sealed record SecurityGroupRuleEntry(string GroupId, string GroupOwnerId, SecurityGroupRule Rule);

public sealed record AuthorizeSecurityGroupIngressResult(bool Return, IReadOnlyList<SecurityGroupRuleEntry> SecurityGroupRules);

public sealed record AuthorizeSecurityGroupEgressResult(bool Return, IReadOnlyList<SecurityGroupRuleEntry> SecurityGroupRules);

public sealed record RevokeSecurityGroupIngressRequest
{
    public string? GroupId { get; init; }
    public string? GroupName { get; init; }
    public IReadOnlyList<IpPermission>? IpPermissions { get; init; }
    public IReadOnlyList<string>? SecurityGroupRuleIds { get; init; }
    public string? IpProtocol { get; init; }
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
    public string? CidrIp { get; init; }
    public string? SourceSecurityGroupName { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record RevokeSecurityGroupEgressRequest
{
    public string? GroupId { get; init; }
    public IReadOnlyList<IpPermission>? IpPermissions { get; init; }
    public IReadOnlyList<string>? SecurityGroupRuleIds { get; init; }
    public string? IpProtocol { get; init; }
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
    public string? CidrIp { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record RevokeSecurityGroupIngressResult(bool Return, IReadOnlyList<SecurityGroupRuleEntry> RevokedSecurityGroupRules);

public sealed record RevokeSecurityGroupEgressResult(bool Return, IReadOnlyList<SecurityGroupRuleEntry> RevokedSecurityGroupRules);

public sealed record DescribeSecurityGroupRulesRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? SecurityGroupRuleIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeSecurityGroupRulesResult(IReadOnlyList<SecurityGroupRuleEntry> SecurityGroupRules);

/// <summary>ModifySecurityGroupRules: replace rules in place, keeping their ids.</summary>
public sealed record ModifySecurityGroupRulesRequest
{
    public string? GroupId { get; init; }
    public IReadOnlyList<SecurityGroupRuleUpdate>? SecurityGroupRules { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record SecurityGroupRuleUpdate
{
    public string? SecurityGroupRuleId { get; init; }
    public SecurityGroupRuleRequest? SecurityGroupRule { get; init; }
}

/// <summary>One rule's new content: a protocol and ports, and exactly one peer.</summary>
public sealed record SecurityGroupRuleRequest
{
    public string? IpProtocol { get; init; }
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
    public string? CidrIpv4 { get; init; }
    public string? CidrIpv6 { get; init; }
    public string? PrefixListId { get; init; }
    public string? ReferencedGroupId { get; init; }
    public string? Description { get; init; }
}
