using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VpcLab.CloudFormation.Templates;

/// <summary>A template read and checked for structure: its sections, and its resources in template order. Made by
/// <see cref="Parse"/>, which refuses what CloudFormation refuses before creating anything (unknown sections, a
/// resource without Type, an unknown resource attribute). https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html</summary>
internal sealed record Template(
    string Body, string? Description, JsonObject Parameters, JsonObject Mappings, JsonObject Conditions,
    ImmutableArray<TemplateResource> Resources, JsonObject Outputs)
{
    private static readonly HashSet<string> Sections = new(StringComparer.Ordinal)
    {
        "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings", "Conditions",
        "Transform", "Resources", "Outputs", "Hooks",
    };

    private static readonly HashSet<string> ResourceAttributes = new(StringComparer.Ordinal)
    {
        "Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "Metadata",
        "CreationPolicy", "UpdatePolicy",
    };

    public const string NestedStackType = "AWS::CloudFormation::Stack";

    public TemplateResource? Resource(string logicalId) => Resources.FirstOrDefault(r => r.LogicalId == logicalId);

    public static Template Parse(string body)
    {
        var root = TemplateReader.Read(body);
        var unknown = root.Select(p => p.Key).Where(k => !Sections.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw CloudFormationException.Format($"Invalid template property or properties [{string.Join(", ", unknown)}]");
        if (root["AWSTemplateFormatVersion"] is JsonValue version && IntrinsicText(version) != "2010-09-09")
            throw CloudFormationException.Format($"'{IntrinsicText(version)}' is not a supported value for AWSTemplateFormatVersion.");
        // AWS::LanguageExtensions only enables functions VpcLab evaluates anyway (Fn::Length, Fn::ToJsonString):
        // docs/cloudformation.md#template-language.
        if (root["Transform"] is { } transform && !IsLanguageExtensions(transform))
            throw CloudFormationException.Validation("VpcLab does not run template transforms (Transform: AWS::Serverless, AWS::Include, macros); expand the template first");
        if (root[nameof(Resources)] is not JsonObject { Count: > 0 } resources)
            throw CloudFormationException.Format("At least one Resources member must be defined.");
        return new Template(body, (root[nameof(Description)] as JsonValue) is { } d ? IntrinsicText(d) : null,
            Section(root, "Parameters"), Section(root, "Mappings"), Section(root, "Conditions"),
            [.. resources.Select(r => ParseResource(r.Key, r.Value))], Section(root, "Outputs"));
    }

    private static bool IsLanguageExtensions(JsonNode transform) => transform switch
    {
        JsonValue one => IntrinsicText(one) == "AWS::LanguageExtensions",
        JsonArray many => many.Count > 0 && many.All(t => t is JsonValue v && IntrinsicText(v) == "AWS::LanguageExtensions"),
        _ => false,
    };

    private static JsonObject Section(JsonObject root, string name) => root[name] switch
    {
        null => [],
        JsonObject section => section,
        _ => throw CloudFormationException.Format($"{name} must be an object"),
    };

    private static TemplateResource ParseResource(string logicalId, JsonNode? node)
    {
        if (node is not JsonObject resource)
            throw CloudFormationException.Format($"[/Resources/{logicalId}] resource definition is malformed");
        foreach (var key in resource.Select(p => p.Key).Where(k => !ResourceAttributes.Contains(k)))
            throw CloudFormationException.Validation($"Invalid template resource property '{key}'");
        if (resource["Type"] is not JsonValue type || IntrinsicText(type).Length == 0)
            throw CloudFormationException.Format($"[/Resources/{logicalId}] Every Resources object must contain a Type member.");
        // Skipping a nested stack would leave its resources silently missing: refused by name
        // (docs/cloudformation.md#nested-stacks).
        if (IntrinsicText(type) == NestedStackType)
            throw CloudFormationException.Validation($"VpcLab does not run nested stacks: resource {logicalId} is {NestedStackType}; deploy its template as its own stack and pass its outputs as parameters");
        var properties = resource["Properties"] switch
        {
            null => [],
            JsonObject p => p,
            _ => throw CloudFormationException.Format($"[/Resources/{logicalId}/Properties] properties must be an object"),
        };
        var dependsOn = resource["DependsOn"] switch
        {
            null => ImmutableArray<string>.Empty,
            JsonValue one => [IntrinsicText(one)],
            JsonArray many => [.. many.Select(m => m is JsonValue v ? IntrinsicText(v) : throw CloudFormationException.Format($"[/Resources/{logicalId}/DependsOn] DependsOn must be a string or a list of strings"))],
            _ => throw CloudFormationException.Format($"[/Resources/{logicalId}/DependsOn] DependsOn must be a string or a list of strings"),
        };
        var policy = resource["DeletionPolicy"] is JsonValue p2 ? IntrinsicText(p2) : "Delete";
        if (policy is not ("Delete" or "Retain" or "RetainExceptOnCreate" or "Snapshot"))
            throw CloudFormationException.Format($"[/Resources/{logicalId}/DeletionPolicy] Unrecognized DeletionPolicy {policy}");
        var condition = resource["Condition"] is JsonValue c ? IntrinsicText(c) : null;
        return new TemplateResource(logicalId, IntrinsicText(type), properties, dependsOn, condition, policy,
            resource["Metadata"]?.DeepClone());
    }

    private static string IntrinsicText(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}
