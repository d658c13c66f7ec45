using System.Text.Json.Nodes;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::SecurityGroupIngress and AWS::EC2::SecurityGroupEgress: one rule on a group (often the group's
/// own, for self references without a cycle); Ref is the rule id (sgr-…).
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroupingress.html</summary>
internal sealed class SecurityGroupRuleHandler(bool egress) : ResourceHandler
{
    public override string Type => egress ? "AWS::EC2::SecurityGroupEgress" : "AWS::EC2::SecurityGroupIngress";

    public override IReadOnlyList<string> Required => egress ? ["GroupId", "IpProtocol"] : ["IpProtocol"];

    public override IReadOnlyList<string>? Known => [.. (egress ? SecurityGroupRules.EgressKeys : SecurityGroupRules.IngressKeys), "GroupId", .. egress ? Array.Empty<string>() : ["GroupName"]];

    public override IReadOnlyList<string> Attributes => ["Id"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var group = Props.Text(p, "GroupId")
            ?? throw CloudFormationException.Validation("#: VpcLab needs GroupId (a rule for a group named by GroupName is EC2-Classic or the default VPC only)");
        return new Provisioned(SecurityGroupRules.Authorize(context, group, p, egress)).With("GroupId", group);
    }

    /// <summary>Description: "Update requires: No interruption" (kept); every other property: Replacement.</summary>
    public override IReadOnlyCollection<string> UpdatableInPlace => ["Description"];

    public override void Delete(ResourceContext context, Provisioned resource) =>
        SecurityGroupRules.Revoke(context, resource["GroupId"], resource.PhysicalId, egress);

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "Id" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
