using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Model;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::SecurityGroup: CreateSecurityGroup, then its inline rules. When SecurityGroupEgress is given,
/// the default allow-all outbound rules are removed first, as CloudFormation does; Ref is the group id.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html</summary>
internal sealed class SecurityGroupHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::SecurityGroup";

    public override IReadOnlyList<string> Required => ["GroupDescription"];

    public override IReadOnlyList<string>? Known =>
        ["GroupDescription", "GroupName", "SecurityGroupEgress", "SecurityGroupIngress", "Tags", "VpcId"];

    public override IReadOnlyList<string> Attributes => ["GroupId", "VpcId"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var cp = context.ControlPlane;
        var groupId = cp.CreateSecurityGroup(context.Request, new CreateSecurityGroupRequest
        {
            GroupName = Props.Text(p, "GroupName") ?? context.GeneratedName(255),
            Description = Props.Text(p, "GroupDescription"),
            VpcId = Props.Text(p, "VpcId"),
            TagSpecifications = Props.Tags(p, ResourceTypes.SecurityGroup),
        }).GroupId;
        try
        {
            foreach (var rule in Props.Objects(p, "SecurityGroupIngress"))
                SecurityGroupRules.Authorize(context, groupId, rule, egress: false);
            var egress = Props.Objects(p, "SecurityGroupEgress");
            if (egress.Count > 0)
            {
                var defaults = cp.Network.SecurityGroups[new SecurityGroupId(groupId)].Rules.Where(r => r.IsEgress).Select(r => r.Id.Value).ToList();
                foreach (var ruleId in defaults)
                    SecurityGroupRules.Revoke(context, groupId, ruleId, egress: true);
                foreach (var rule in egress)
                    SecurityGroupRules.Authorize(context, groupId, rule, egress: true);
            }
        }
        catch
        {
            cp.DeleteSecurityGroup(context.Request, new DeleteSecurityGroupRequest { GroupId = groupId }); // nothing half-made
            throw;
        }
        return new Provisioned(groupId);
    }

    /// <summary>SecurityGroupIngress, SecurityGroupEgress: "Update requires: No interruption"; GroupDescription,
    /// GroupName and VpcId: Replacement (the type's page).</summary>
    public override IReadOnlyCollection<string> UpdatableInPlace => ["SecurityGroupIngress", "SecurityGroupEgress"];

    /// <summary>The inline rules that went are revoked and the new ones authorized, as AWS's page says ("CloudFormation
    /// removes the existing rule and then adds a new rule"); rules other resources added stay. Egress rules given where
    /// there were none replace the default allow-all rules; removing every egress rule leaves none ("we do not add
    /// egress rules").</summary>
    public override Provisioned Update(ResourceContext context, Provisioned resource, JsonObject before, JsonObject after)
    {
        foreach (var egress in new[] { false, true })
        {
            var key = egress ? "SecurityGroupEgress" : "SecurityGroupIngress";
            var (old, now) = (Props.Objects(before, key), Props.Objects(after, key));
            if (egress && old.Count == 0 && now.Count > 0)
            {
                foreach (var ruleId in context.ControlPlane.Network.SecurityGroups[new SecurityGroupId(resource.PhysicalId)].Rules.Where(r => r.IsEgress).Select(r => r.Id.Value).ToList())
                    SecurityGroupRules.Revoke(context, resource.PhysicalId, ruleId, egress: true);
            }
            foreach (var gone in old.Where(o => !now.Any(n => JsonNode.DeepEquals(n, o))))
                SecurityGroupRules.RevokeRule(context, resource.PhysicalId, gone, egress);
            foreach (var added in now.Where(n => !old.Any(o => JsonNode.DeepEquals(n, o))))
                SecurityGroupRules.Authorize(context, resource.PhysicalId, added, egress);
        }
        return resource;
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteSecurityGroup(context.Request, new DeleteSecurityGroupRequest { GroupId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) => attribute switch
    {
        "GroupId" => resource.PhysicalId,
        "VpcId" => context.ControlPlane.Network.SecurityGroups[new SecurityGroupId(resource.PhysicalId)].VpcId.Value,
        _ => base.GetAtt(context, resource, attribute),
    };
}
