using System.Globalization;
using System.Text.Json.Nodes;
using VpcLab.CloudFormation.Intrinsics;
using VpcLab.ControlPlane;

namespace VpcLab.CloudFormation.Resources;

/// <summary>Reads evaluated properties as the handlers need them. A property of the wrong shape is refused with
/// CloudFormation's property-validation message.</summary>
internal static class Props
{
    public static string? Text(JsonObject p, string key) => p[key] switch
    {
        null => null,
        JsonValue v => IntrinsicEvaluator.ScalarText(v),
        _ => throw Invalid(key, "expected type: String, found: " + (p[key] is JsonArray ? "JSONArray" : "JSONObject")),
    };

    public static bool? Bool(JsonObject p, string key) => Text(p, key) switch
    {
        null => null,
        "true" or "True" => true,
        "false" or "False" => false,
        var other => throw Invalid(key, $"expected type: Boolean, found: String ({other})"),
    };

    public static int? Int(JsonObject p, string key) => Text(p, key) switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        var other => throw Invalid(key, $"expected type: Integer, found: String ({other})"),
    };

    public static List<string>? Strings(JsonObject p, string key) => p[key] switch
    {
        null => null,
        JsonArray a => [.. a.Select(i => i is JsonValue v ? IntrinsicEvaluator.ScalarText(v) : throw Invalid(key, "expected type: String"))],
        _ => throw Invalid(key, "expected type: JSONArray, found: String"),
    };

    public static List<JsonObject> Objects(JsonObject p, string key) => p[key] switch
    {
        null => [],
        JsonArray a => [.. a.Select(i => i as JsonObject ?? throw Invalid(key, "expected type: JSONObject"))],
        _ => throw Invalid(key, "expected type: JSONArray"),
    };

    /// <summary>The template's Tags ([{Key, Value}]) as a TagSpecification for the given EC2 resource type.</summary>
    public static IReadOnlyList<TagSpecification>? Tags(JsonObject p, string resourceType)
    {
        var tags = Objects(p, "Tags").Select(t => new Tag(Text(t, "Key") ?? "", Text(t, "Value") ?? "")).ToArray();
        return tags.Length == 0 ? null : [new TagSpecification(resourceType, tags)];
    }

    public static CloudFormationException Invalid(string key, string message) =>
        new(CloudFormationException.ValidationError, $"#/{key}: {message}");
}
