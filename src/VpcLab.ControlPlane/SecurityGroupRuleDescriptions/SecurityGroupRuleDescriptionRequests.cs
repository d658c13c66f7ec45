using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>SecurityGroupRuleDescriptions.N.{SecurityGroupRuleId, Description}.</summary>
public sealed record SecurityGroupRuleDescription
{
    public string? SecurityGroupRuleId { get; init; }
    public string? Description { get; init; }
}

/// <summary>UpdateSecurityGroupRuleDescriptionsIngress/Egress: new descriptions for existing rules, named either by
/// their permissions (the description travels with each peer; a peer without one clears it) or by rule id.</summary>
public sealed record UpdateSecurityGroupRuleDescriptionsIngressRequest
{
    public string? GroupId { get; init; }
    public string? GroupName { get; init; }
    public IReadOnlyList<IpPermission>? IpPermissions { get; init; }
    public IReadOnlyList<SecurityGroupRuleDescription>? SecurityGroupRuleDescriptions { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record UpdateSecurityGroupRuleDescriptionsEgressRequest
{
    public string? GroupId { get; init; }
    public string? GroupName { get; init; }
    public IReadOnlyList<IpPermission>? IpPermissions { get; init; }
    public IReadOnlyList<SecurityGroupRuleDescription>? SecurityGroupRuleDescriptions { get; init; }
    public bool? DryRun { get; init; }
}
