using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VpcLab.CloudFormation.Templates;

/// <summary>Reads a template body, JSON or YAML, into one JSON tree. YAML's short-form tags become the full
/// function names (<c>!Ref X</c> → <c>{"Ref": "X"}</c>, <c>!GetAtt A.B</c> → <c>{"Fn::GetAtt": ["A", "B"]}</c>,
/// <c>!Sub …</c> → <c>{"Fn::Sub": …}</c>), so the evaluator sees one language. A body that starts with '{' is
/// JSON, as CloudFormation decides (docs/cloudformation.md#template-language).</summary>
internal static class TemplateReader
{
    /// <summary>The short-form tags CloudFormation defines; each is <c>Fn::</c> + its name, except Ref and
    /// Condition.</summary>
    private static readonly HashSet<string> FunctionTags = new(StringComparer.Ordinal)
    {
        "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
        "If", "And", "Or", "Not", "Equals", "Length", "ToJsonString", "Transform",
    };

    public static JsonObject Read(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var trimmed = body.TrimStart();
        if (trimmed.Length == 0)
            throw CloudFormationException.Format("Template body is empty");
        return trimmed[0] == '{' ? ReadJson(body) : ReadYaml(body);
    }

    private static JsonObject ReadJson(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw CloudFormationException.Format("JSON not well-formed.");
        }
        catch (JsonException e)
        {
            throw CloudFormationException.Format($"JSON not well-formed. ({e.Message})");
        }
    }

    private static JsonObject ReadYaml(string body)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(body);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw CloudFormationException.Format($"YAML not well-formed. (line {e.Start.Line}, column {e.Start.Column})");
        }
        if (stream.Documents.Count == 0 || Convert(stream.Documents[0].RootNode) is not JsonObject root)
            throw CloudFormationException.Format("YAML not well-formed. (the template must be a mapping)");
        return root;
    }

    private static JsonNode? Convert(YamlNode node)
    {
        JsonNode? value = node switch
        {
            YamlMappingNode map => ConvertMapping(map),
            YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
            YamlScalarNode scalar => Scalar(scalar),
            _ => throw CloudFormationException.Format($"YAML not well-formed. (line {node.Start.Line}: aliases are not supported)"),
        };
        return node.Tag.IsEmpty || node.Tag.Value is "!" or "tag:yaml.org,2002:str" ? value : Tagged(node, value);
    }

    private static JsonObject ConvertMapping(YamlMappingNode map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value
                ?? throw CloudFormationException.Format($"YAML not well-formed. (line {key.Start.Line}: a key must be a scalar)");
            if (result.ContainsKey(name))
                throw CloudFormationException.Format($"YAML not well-formed. (line {key.Start.Line}: duplicate key '{name}')");
            result[name] = Convert(value);
        }
        return result;
    }

    /// <summary>Plain scalars stay text, except YAML's null; numbers and booleans keep their text too, because
    /// CloudFormation compares and passes them as strings.</summary>
    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style == ScalarStyle.Plain && text is "" or "~" or "null" or "Null" or "NULL")
            return null;
        return JsonValue.Create(text);
    }

    private static JsonObject Tagged(YamlNode node, JsonNode? value)
    {
        var tag = node.Tag.Value.TrimStart('!');
        if (tag == "Ref" || tag == "Condition")
            return new JsonObject { [tag] = value };
        if (!FunctionTags.Contains(tag))
            throw CloudFormationException.Format($"YAML not well-formed. (line {node.Start.Line}: unknown tag !{tag})");
        if (tag == "GetAtt" && value is JsonValue dotted && dotted.GetValueKind() == JsonValueKind.String)
        {
            var text = dotted.GetValue<string>();
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            value = dot < 0 ? value : new JsonArray(text[..dot], text[(dot + 1)..]);
        }
        return new JsonObject { ["Fn::" + tag] = value };
    }

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
