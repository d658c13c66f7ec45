using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The SecurityGroupRuleDescriptions operations.</summary>
public sealed class SecurityGroupRuleDescriptionOperations
{
    private readonly ControlPlaneState _state;

    internal SecurityGroupRuleDescriptionOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public ReturnResult UpdateSecurityGroupRuleDescriptionsIngress(RequestContext ctx, UpdateSecurityGroupRuleDescriptionsIngressRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
            UpdateRuleDescriptions(tx, SecurityGroupOperations.GroupByIdOrName(tx, request.GroupId, request.GroupName), request.IpPermissions, request.SecurityGroupRuleDescriptions, egress: false));

    public ReturnResult UpdateSecurityGroupRuleDescriptionsEgress(RequestContext ctx, UpdateSecurityGroupRuleDescriptionsEgressRequest request) =>
        _state.Mutate(ctx, request.DryRun, tx =>
            UpdateRuleDescriptions(tx, SecurityGroupOperations.GroupByIdOrName(tx, request.GroupId, request.GroupName), request.IpPermissions, request.SecurityGroupRuleDescriptions, egress: true));

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
            foreach (var wanted in SecurityGroupOperations.ExpandPermissions(tx, group, permissions!, egress, allocateIds: false))
            {
                int index = rules.FindIndex(r => r.SamePermission(wanted));
                if (index < 0)
                    throw SecurityGroupErrors.PermissionNotFound();
                rules[index] = rules[index] with { Description = wanted.Description };
            }
        }
        else
        {
            foreach (var item in byId!)
            {
                var id = item.SecurityGroupRuleId ?? throw Ec2Errors.MissingParameter("SecurityGroupRuleId");
                if (!ResourceKinds.SecurityGroupRule.IsWellFormed(id))
                    throw ResourceIdErrors.SecurityGroupRuleMalformed(id);
                int index = rules.FindIndex(r => r.Id.Value == id && r.IsEgress == egress);
                if (index < 0)
                    throw ResourceIdErrors.SecurityGroupRuleNotFound(id);
                rules[index] = rules[index] with { Description = SecurityGroupOperations.CheckRuleDescription(item.Description) };
            }
        }
        tx.Put(group with { Rules = [.. rules] });
        return ReturnResult.True;
    }
}
