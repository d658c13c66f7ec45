using System.Text;
using System.Text.Json.Nodes;

namespace VpcLab.CloudFormation.Intrinsics;

/// <summary>Fn::Sub, both forms: a string whose <c>${Name}</c> are parameters, pseudo parameters or resources (Ref),
/// <c>${Resource.Attribute}</c> attributes (GetAtt), and <c>${!Literal}</c> the text <c>${Literal}</c>; or
/// [string, {Name: value}] whose map is read first.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html</summary>
internal static class SubFunction
{
    public static string Sub(JsonNode? argument, IEvaluationScope scope)
    {
        string template;
        JsonObject? variables = null;
        if (argument is JsonArray { Count: 2 } pair)
        {
            template = IntrinsicEvaluator.Text(pair[0], "Fn::Sub");
            variables = IntrinsicEvaluator.Evaluate(pair[1], scope) as JsonObject
                ?? throw CloudFormationException.Validation("Template error: the second element of Fn::Sub must be a map of variables");
        }
        else
        {
            template = IntrinsicEvaluator.Text(argument, "Fn::Sub");
        }
        var result = new StringBuilder();
        foreach (var (literal, name) in Parts(template))
        {
            if (name is null)
                result.Append(literal);
            else
                result.Append(Value(name, variables, scope));
        }
        return result.ToString();
    }

    /// <summary>The names a Fn::Sub string refers to (not the literals), for dependency analysis.</summary>
    public static IEnumerable<string> Names(string template) =>
        Parts(template).Where(p => p.Name is not null).Select(p => p.Name!);

    private static string Value(string name, JsonObject? variables, IEvaluationScope scope)
    {
        if (variables is not null && variables.TryGetPropertyValue(name, out var value))
            return IntrinsicEvaluator.Text(value, "Fn::Sub");
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var node = dot > 0 ? scope.GetAtt(name[..dot], name[(dot + 1)..]) : scope.Ref(name);
        return IntrinsicEvaluator.Text(node, "Fn::Sub");
    }

    /// <summary>The string cut into literal text and ${name} references; ${!x} is the literal ${x}.</summary>
    private static List<(string Literal, string? Name)> Parts(string template)
    {
        var parts = new List<(string, string?)>();
        var i = 0;
        while (i < template.Length)
        {
            var start = template.IndexOf("${", i, StringComparison.Ordinal);
            var end = start < 0 ? -1 : template.IndexOf('}', start + 2);
            if (start < 0 || end < 0)
            {
                parts.Add((template[i..], null));
                break;
            }
            parts.Add((template[i..start], null));
            var inner = template[(start + 2)..end];
            if (inner.StartsWith('!'))
                parts.Add(("${" + inner[1..] + "}", null));
            else
                parts.Add(("", inner.Trim()));
            i = end + 1;
        }
        return parts;
    }
}
