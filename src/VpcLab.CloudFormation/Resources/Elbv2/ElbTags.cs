using System.Text.Json.Nodes;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources.Elbv2;

/// <summary>The ELBv2 types' Tags and LoadBalancerAttributes / TargetGroupAttributes lists ({Key, Value} each) as the
/// ELBv2 API's request members.</summary>
internal static class ElbTags
{
    public static IReadOnlyList<ElbTag>? Of(JsonObject p) =>
        Props.Objects(p, "Tags") is { Count: > 0 } tags ? [.. tags.Select(t => new ElbTag { Key = Props.Text(t, "Key"), Value = Props.Text(t, "Value") })] : null;

    public static IReadOnlyList<ElbAttribute>? Attributes(JsonObject p, string key = "LoadBalancerAttributes") =>
        Props.Objects(p, key) is { Count: > 0 } items ? [.. items.Select(t => new ElbAttribute { Key = Props.Text(t, "Key"), Value = Props.Text(t, "Value") })] : null;
}
