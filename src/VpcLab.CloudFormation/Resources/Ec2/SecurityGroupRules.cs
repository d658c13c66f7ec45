using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>A CloudFormation security group rule (inline in AWS::EC2::SecurityGroup, or its own
/// AWS::EC2::SecurityGroupIngress/Egress) as the IpPermission EC2's Authorize calls take: one of CidrIp, CidrIpv6, a
/// prefix list or a group as peer. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-security-group-ingress.html</summary>
internal static class SecurityGroupRules
{
    public static readonly IReadOnlyList<string> IngressKeys =
        ["CidrIp", "CidrIpv6", "Description", "FromPort", "IpProtocol", "SourcePrefixListId", "SourceSecurityGroupId",
         "SourceSecurityGroupName", "SourceSecurityGroupOwnerId", "ToPort"];

    public static readonly IReadOnlyList<string> EgressKeys =
        ["CidrIp", "CidrIpv6", "Description", "DestinationPrefixListId", "DestinationSecurityGroupId", "FromPort", "IpProtocol", "ToPort"];

    public static IpPermission Permission(JsonObject rule, bool egress)
    {
        var known = egress ? EgressKeys : IngressKeys;
        foreach (var key in rule.Select(r => r.Key).Where(k => !known.Contains(k) && k is not "GroupId" and not "GroupName"))
            throw Props.Invalid(key, "extraneous key is not permitted");
        var description = Props.Text(rule, "Description");
        var group = Props.Text(rule, egress ? "DestinationSecurityGroupId" : "SourceSecurityGroupId");
        var groupName = egress ? null : Props.Text(rule, "SourceSecurityGroupName");
        var prefixList = Props.Text(rule, egress ? "DestinationPrefixListId" : "SourcePrefixListId");
        return new IpPermission
        {
            IpProtocol = Props.Text(rule, "IpProtocol") ?? throw Props.Invalid("IpProtocol", "required key [IpProtocol] not found"),
            FromPort = Props.Int(rule, "FromPort"),
            ToPort = Props.Int(rule, "ToPort"),
            IpRanges = Props.Text(rule, "CidrIp") is { } v4 ? [new IpRange { CidrIp = v4, Description = description }] : null,
            Ipv6Ranges = Props.Text(rule, "CidrIpv6") is { } v6 ? [new Ipv6Range { CidrIpv6 = v6, Description = description }] : null,
            PrefixListIds = prefixList is null ? null : [new PrefixListIdEntry { PrefixListId = prefixList, Description = description }],
            UserIdGroupPairs = group is null && groupName is null ? null :
                [new UserIdGroupPair { GroupId = group, GroupName = groupName, UserId = egress ? null : Props.Text(rule, "SourceSecurityGroupOwnerId"), Description = description }],
        };
    }

    /// <summary>Authorizes one rule on a group and returns its rule id.</summary>
    public static string Authorize(ResourceContext context, string groupId, JsonObject rule, bool egress)
    {
        var permission = Permission(rule, egress);
        var entries = egress
            ? context.ControlPlane.AuthorizeSecurityGroupEgress(context.Request, new AuthorizeSecurityGroupEgressRequest { GroupId = groupId, IpPermissions = [permission] }).SecurityGroupRules
            : context.ControlPlane.AuthorizeSecurityGroupIngress(context.Request, new AuthorizeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = [permission] }).SecurityGroupRules;
        return entries[0].Rule.Id.Value;
    }

    /// <summary>Revokes the rule a template entry describes (by its permission, as RevokeSecurityGroupIngress/Egress
    /// take it).</summary>
    public static void RevokeRule(ResourceContext context, string groupId, JsonObject rule, bool egress)
    {
        var permission = Permission(rule, egress);
        if (egress)
            context.ControlPlane.RevokeSecurityGroupEgress(context.Request, new RevokeSecurityGroupEgressRequest { GroupId = groupId, IpPermissions = [permission] });
        else
            context.ControlPlane.RevokeSecurityGroupIngress(context.Request, new RevokeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = [permission] });
    }

    public static void Revoke(ResourceContext context, string groupId, string ruleId, bool egress)
    {
        if (egress)
            context.ControlPlane.RevokeSecurityGroupEgress(context.Request, new RevokeSecurityGroupEgressRequest { GroupId = groupId, SecurityGroupRuleIds = [ruleId] });
        else
            context.ControlPlane.RevokeSecurityGroupIngress(context.Request, new RevokeSecurityGroupIngressRequest { GroupId = groupId, SecurityGroupRuleIds = [ruleId] });
    }
}
