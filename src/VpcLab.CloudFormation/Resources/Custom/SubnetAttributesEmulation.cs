using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Custom;

/// <summary>The one custom-resource behaviour VpcLab emulates, because a template's intent is plain from its
/// properties alone: a custom resource (Custom::…, AWS::CloudFormation::CustomResource) whose properties besides
/// ServiceToken (and ServiceTimeout) are SubnetId or SubnetIds and one or more of the ModifySubnetAttribute attributes
/// VpcLab models (MapPublicIpOnLaunch, AssignIpv6AddressOnCreation, EnableDns64) set to true or false — what lesson
/// templates' Lambda-backed "set subnet attributes" resources do. VpcLab calls ModifySubnetAttribute for each subnet
/// and attribute when the resource is created or updated, instead of running the function; deleting it changes nothing.
/// Any other custom resource is skipped. docs/cloudformation.md#custom-resources</summary>
internal static class SubnetAttributesEmulation
{
    public static readonly IReadOnlyList<string> Attributes = ["MapPublicIpOnLaunch", "AssignIpv6AddressOnCreation", "EnableDns64"];

    private static readonly IReadOnlyList<string> Ignored = ["ServiceToken", "ServiceTimeout"];

    /// <summary>True when the evaluated properties are exactly a subnet-attribute request VpcLab can apply.</summary>
    public static bool Matches(JsonObject properties)
    {
        var subnets = properties.ContainsKey("SubnetId") || properties.ContainsKey("SubnetIds");
        var attributes = properties.Where(p => Attributes.Contains(p.Key)).ToList();
        return subnets && attributes.Count > 0
            && properties.All(p => Ignored.Contains(p.Key) || p.Key is "SubnetId" or "SubnetIds" || Attributes.Contains(p.Key))
            && attributes.All(a => a.Value is JsonValue v && IsBoolean(v))
            && Subnets(properties) is { Count: > 0 };
    }

    /// <summary>Applies the attributes to every named subnet; returns what was done, for the resource's event.</summary>
    public static string Apply(ResourceContext context, JsonObject properties)
    {
        var subnets = Subnets(properties);
        var attributes = Attributes.Where(properties.ContainsKey).Select(a => (Name: a, Value: Props.Bool(properties, a)!.Value)).ToList();
        foreach (var subnet in subnets)
        {
            foreach (var (name, value) in attributes)
            {
                context.ControlPlane.ModifySubnetAttribute(context.Request, name switch
                {
                    "MapPublicIpOnLaunch" => new ModifySubnetAttributeRequest { SubnetId = subnet, MapPublicIpOnLaunch = value },
                    "AssignIpv6AddressOnCreation" => new ModifySubnetAttributeRequest { SubnetId = subnet, AssignIpv6AddressOnCreation = value },
                    _ => new ModifySubnetAttributeRequest { SubnetId = subnet, EnableDns64 = value },
                });
            }
        }
        var set = string.Join(", ", attributes.Select(a => $"{a.Name}={(a.Value ? "true" : "false")}"));
        return $"Emulated by VpcLab: ModifySubnetAttribute {set} on {string.Join(", ", subnets)} (the custom resource's function is stored, not run)";
    }

    private static List<string> Subnets(JsonObject properties) =>
        [.. (Props.Text(properties, "SubnetId") is { } one ? [one] : Enumerable.Empty<string>()).Concat(properties["SubnetIds"] is JsonArray ? Props.Strings(properties, "SubnetIds")! : [])];

    private static bool IsBoolean(JsonValue value) =>
        Intrinsics.IntrinsicEvaluator.ScalarText(value) is "true" or "false" or "True" or "False";
}
