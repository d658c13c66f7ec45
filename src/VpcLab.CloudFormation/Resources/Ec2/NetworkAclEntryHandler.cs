using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Ec2;

/// <summary>AWS::EC2::NetworkAclEntry: CreateNetworkAclEntry (Icmp → IcmpTypeCode, PortRange as given).
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-networkaclentry.html</summary>
internal sealed class NetworkAclEntryHandler : ResourceHandler
{
    public override string Type => "AWS::EC2::NetworkAclEntry";

    public override IReadOnlyList<string> Required => ["NetworkAclId", "Protocol", "RuleAction", "RuleNumber"];

    public override IReadOnlyList<string>? Known =>
        ["CidrBlock", "Egress", "Icmp", "Ipv6CidrBlock", "NetworkAclId", "PortRange", "Protocol", "RuleAction", "RuleNumber"];

    public override IReadOnlyList<string> Attributes => ["Id"];

    public override Provisioned Create(ResourceContext context, JsonObject p)
    {
        var acl = Props.Text(p, "NetworkAclId")!;
        var egress = Props.Bool(p, "Egress") ?? false;
        var rule = Props.Int(p, "RuleNumber");
        var ports = p["PortRange"] as JsonObject;
        var icmp = p["Icmp"] as JsonObject;
        context.ControlPlane.CreateNetworkAclEntry(context.Request, new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl,
            RuleNumber = rule,
            Protocol = Props.Text(p, "Protocol"),
            RuleAction = Props.Text(p, "RuleAction"),
            Egress = egress,
            CidrBlock = Props.Text(p, "CidrBlock"),
            Ipv6CidrBlock = Props.Text(p, "Ipv6CidrBlock"),
            PortRange = ports is null ? null : new PortRangeRequest { From = Props.Int(ports, "From"), To = Props.Int(ports, "To") },
            IcmpTypeCode = icmp is null ? null : new IcmpTypeCodeRequest { Type = Props.Int(icmp, "Type"), Code = Props.Int(icmp, "Code") },
        });
        var kind = egress ? "egress" : "ingress";
        return new Provisioned($"{acl}|{kind}|{rule}").With("NetworkAclId", acl).With("Egress", egress ? "true" : "false")
            .With("RuleNumber", Props.Text(p, "RuleNumber")!);
    }

    /// <summary>CidrBlock, Icmp, Ipv6CidrBlock, PortRange, Protocol, RuleAction: "Update requires: No interruption";
    /// NetworkAclId, RuleNumber, Egress: Replacement (the type's page).</summary>
    public override IReadOnlyCollection<string> UpdatableInPlace => ["CidrBlock", "Icmp", "Ipv6CidrBlock", "PortRange", "Protocol", "RuleAction"];

    /// <summary>ReplaceNetworkAclEntry: the same ACL, direction and rule number, the new match and action.</summary>
    public override Provisioned Update(ResourceContext context, Provisioned resource, JsonObject before, JsonObject p)
    {
        var ports = p["PortRange"] as JsonObject;
        var icmp = p["Icmp"] as JsonObject;
        context.ControlPlane.ReplaceNetworkAclEntry(context.Request, new ReplaceNetworkAclEntryRequest
        {
            NetworkAclId = resource["NetworkAclId"],
            RuleNumber = int.Parse(resource["RuleNumber"], System.Globalization.CultureInfo.InvariantCulture),
            Egress = resource["Egress"] == "true",
            Protocol = Props.Text(p, "Protocol"),
            RuleAction = Props.Text(p, "RuleAction"),
            CidrBlock = Props.Text(p, "CidrBlock"),
            Ipv6CidrBlock = Props.Text(p, "Ipv6CidrBlock"),
            PortRange = ports is null ? null : new PortRangeRequest { From = Props.Int(ports, "From"), To = Props.Int(ports, "To") },
            IcmpTypeCode = icmp is null ? null : new IcmpTypeCodeRequest { Type = Props.Int(icmp, "Type"), Code = Props.Int(icmp, "Code") },
        });
        return resource;
    }

    public override void Delete(ResourceContext context, Provisioned resource) =>
        context.ControlPlane.DeleteNetworkAclEntry(context.Request, new DeleteNetworkAclEntryRequest
        {
            NetworkAclId = resource["NetworkAclId"],
            Egress = resource["Egress"] == "true",
            RuleNumber = int.Parse(resource["RuleNumber"], System.Globalization.CultureInfo.InvariantCulture),
        });

    public override JsonNode? GetAtt(ResourceContext context, Provisioned resource, string attribute) =>
        attribute == "Id" ? resource.PhysicalId : base.GetAtt(context, resource, attribute);
}
