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

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteSecurityGroup(context.Request, new DeleteSecurityGroupRequest { GroupId = resource.PhysicalId });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) => attribute switch
    {
        "GroupId" => resource.PhysicalId,
        "VpcId" => context.ControlPlane.Network.SecurityGroups[new SecurityGroupId(resource.PhysicalId)].VpcId.Value,
        _ => base.GetAtt(context, resource, attribute),
    };
}
