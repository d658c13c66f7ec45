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

public sealed partial class Ec2ControlPlane
{
    public ReturnResult UpdateSecurityGroupRuleDescriptionsIngress(RequestContext ctx, UpdateSecurityGroupRuleDescriptionsIngressRequest request) =>
        Mutate(ctx, request.DryRun, tx =>
            UpdateRuleDescriptions(tx, GroupByIdOrName(tx, request.GroupId, request.GroupName), request.IpPermissions, request.SecurityGroupRuleDescriptions, egress: false));

    public ReturnResult UpdateSecurityGroupRuleDescriptionsEgress(RequestContext ctx, UpdateSecurityGroupRuleDescriptionsEgressRequest request) =>
        Mutate(ctx, request.DryRun, tx =>
            UpdateRuleDescriptions(tx, GroupByIdOrName(tx, request.GroupId, request.GroupName), request.IpPermissions, request.SecurityGroupRuleDescriptions, egress: true));

    /// <summary>Every named rule must exist in that direction (InvalidPermission.NotFound / InvalidSecurityGroupRuleId.NotFound);
    /// nothing changes unless all do. Only descriptions change: ids, peers and ports stay.</summary>
    private static ReturnResult UpdateRuleDescriptions(Transaction tx, SecurityGroup group, IReadOnlyList<IpPermission>? permissions,
        IReadOnlyList<SecurityGroupRuleDescription>? byId, bool egress)
    {
        bool hasPermissions = permissions is { Count: > 0 };
        bool hasIds = byId is { Count: > 0 };
        if (hasPermissions && hasIds)
            throw Ec2Errors.InvalidParameterCombination("The parameter 'securityGroupRuleDescriptions' may not be used in combination with 'ipPermissions'");
        if (!hasPermissions && !hasIds)
            throw Ec2Errors.MissingParameter("IpPermissions");
        var rules = group.Rules.ToList();
        if (hasPermissions)
        {
            foreach (var wanted in ExpandPermissions(tx, group, permissions!, egress, allocateIds: false))
            {
                int index = rules.FindIndex(r => r.SamePermission(wanted));
                if (index < 0)
                    throw Ec2Errors.PermissionNotFound();
                rules[index] = rules[index] with { Description = wanted.Description };
            }
        }
        else
        {
            foreach (var item in byId!)
            {
                var id = item.SecurityGroupRuleId ?? throw Ec2Errors.MissingParameter("SecurityGroupRuleId");
                if (!IdGenerator.IsWellFormed(id, IdPrefixes.SecurityGroupRule))
                    throw Ec2Errors.SecurityGroupRuleMalformed(id);
                int index = rules.FindIndex(r => r.Id.Value == id && r.IsEgress == egress);
                if (index < 0)
                    throw Ec2Errors.SecurityGroupRuleNotFound(id);
                rules[index] = rules[index] with { Description = CheckRuleDescription(item.Description) };
            }
        }
        tx.Put(group with { Rules = [.. rules] });
        return ReturnResult.True;
    }
}
