using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VpcLab.CloudFormation.Intrinsics;

/// <summary>Evaluates a template fragment: every intrinsic function replaced by its value, AWS::NoValue (null) dropped
/// from objects and lists, the rest copied. Functions as the CloudFormation template reference defines them
/// (docs/cloudformation.md#intrinsic-functions); Fn::Cidr is <see cref="CidrFunction"/>.</summary>
internal static class IntrinsicEvaluator
{
    public static JsonNode? Evaluate(JsonNode? node, IEvaluationScope scope)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj when FunctionOf(obj) is { } function:
                return Call(function.Name, function.Argument, scope);
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (Evaluate(value, scope) is { } evaluated)
                        result[key] = evaluated;
                }
                return result;
            case JsonArray array:
                var list = new JsonArray();
                foreach (var item in array)
                {
                    if (Evaluate(item, scope) is { } evaluated)
                        list.Add(evaluated);
                }
                return list;
            default:
                return node.DeepClone();
        }
    }

    /// <summary>The function a one-key object calls (Ref, Condition or Fn::…), or null for a plain object.</summary>
    public static (string Name, JsonNode? Argument)? FunctionOf(JsonObject obj)
    {
        if (obj.Count != 1)
            return null;
        var (key, value) = obj.First();
        return key is "Ref" or "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal) ? (key, value) : null;
    }

    private static JsonNode? Call(string name, JsonNode? argument, IEvaluationScope scope) => name switch
    {
        "Ref" => scope.Ref(Text(argument, "Ref")),
        "Condition" => JsonValue.Create(scope.Condition(Text(argument, "Condition"))),
        "Fn::GetAtt" => GetAtt(argument, scope),
        "Fn::Join" => Join(Args(argument, name, 2), scope),
        "Fn::Select" => Select(Args(argument, name, 2), scope),
        "Fn::Split" => Split(Args(argument, name, 2), scope),
        "Fn::Sub" => JsonValue.Create(SubFunction.Sub(argument, scope)),
        "Fn::GetAZs" => GetAzs(argument, scope),
        "Fn::Cidr" => CidrFunction.Cidr(Args(argument, name, 3), scope),
        "Fn::FindInMap" => FindInMap(Args(argument, name, 3), scope),
        "Fn::If" => If(Args(argument, name, 3), scope),
        "Fn::Equals" => JsonValue.Create(Equals(Args(argument, name, 2), scope)),
        "Fn::And" => JsonValue.Create(Logical(argument, name, scope, all: true)),
        "Fn::Or" => JsonValue.Create(Logical(argument, name, scope, all: false)),
        "Fn::Not" => JsonValue.Create(!Truth(Evaluate(Args(argument, name, 1)[0], scope), name)),
        "Fn::Base64" => JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(Evaluate(argument, scope), name)))),
        "Fn::ImportValue" => JsonValue.Create(scope.ImportValue(Text(Evaluate(argument, scope), name))),
        "Fn::Length" => JsonValue.Create(List(Evaluate(argument, scope), name).Count),
        "Fn::ToJsonString" => JsonValue.Create(Evaluate(argument, scope)?.ToJsonString() ?? "null"),
        _ => throw CloudFormationException.Format($"Unrecognized intrinsic function: {name}"),
    };

    private static JsonNode? GetAtt(JsonNode? argument, IEvaluationScope scope)
    {
        var args = Args(argument, "Fn::GetAtt", 2);
        return scope.GetAtt(Text(args[0], "Fn::GetAtt"), Text(Evaluate(args[1], scope), "Fn::GetAtt"));
    }

    private static JsonValue Join(JsonArray args, IEvaluationScope scope)
    {
        var delimiter = Text(args[0], "Fn::Join");
        var items = List(Evaluate(args[1], scope), "Fn::Join").Select(i => Text(i, "Fn::Join"));
        return JsonValue.Create(string.Join(delimiter, items));
    }

    private static JsonNode? Select(JsonArray args, IEvaluationScope scope)
    {
        var indexText = Text(Evaluate(args[0], scope), "Fn::Select");
        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            throw CloudFormationException.Validation("Template error: Fn::Select requires a list argument with two elements: an integer index and a list");
        var list = List(Evaluate(args[1], scope), "Fn::Select");
        if (index >= list.Count)
            throw CloudFormationException.Validation($"Template error: Fn::Select cannot select nonexistent value at index {index}");
        return list[index]?.DeepClone();
    }

    private static JsonArray Split(JsonArray args, IEvaluationScope scope)
    {
        var delimiter = Text(args[0], "Fn::Split");
        var source = Text(Evaluate(args[1], scope), "Fn::Split");
        return new JsonArray([.. source.Split(delimiter).Select(s => (JsonNode)JsonValue.Create(s))]);
    }

    private static JsonArray GetAzs(JsonNode? argument, IEvaluationScope scope)
    {
        var region = Text(Evaluate(argument, scope) ?? JsonValue.Create(""), "Fn::GetAZs");
        var zones = scope.AvailabilityZones(region.Length == 0 ? scope.Region : region);
        return new JsonArray([.. zones.Select(z => (JsonNode)JsonValue.Create(z))]);
    }

    private static JsonNode FindInMap(JsonArray args, IEvaluationScope scope) =>
        scope.FindInMap(Text(Evaluate(args[0], scope), "Fn::FindInMap"), Text(Evaluate(args[1], scope), "Fn::FindInMap"),
            Text(Evaluate(args[2], scope), "Fn::FindInMap")).DeepClone();

    private static JsonNode? If(JsonArray args, IEvaluationScope scope) =>
        Evaluate(scope.Condition(Text(args[0], "Fn::If")) ? args[1] : args[2], scope);

    private static bool Equals(JsonArray args, IEvaluationScope scope)
    {
        var left = Evaluate(args[0], scope);
        var right = Evaluate(args[1], scope);
        return Canonical(left) == Canonical(right);
    }

    /// <summary>CloudFormation compares values as text: "10" equals 10, "true" equals true.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value => ScalarText(value),
        _ => node.ToJsonString(),
    };

    private static bool Logical(JsonNode? argument, string name, IEvaluationScope scope, bool all)
    {
        if (argument is not JsonArray { Count: >= 2 and <= 10 } conditions)
            throw CloudFormationException.Validation($"Template error: every {name} object requires a list of at least 2 and at most 10 boolean parameters.");
        var values = conditions.Select(c => Truth(Evaluate(c, scope), name));
        return all ? values.All(v => v) : values.Any(v => v);
    }

    private static bool Truth(JsonNode? node, string name)
    {
        var text = node is JsonValue v ? ScalarText(v) : "";
        return text switch
        {
            "true" or "True" => true,
            "false" or "False" => false,
            _ => throw CloudFormationException.Validation($"Template error: {name} requires boolean conditions"),
        };
    }

    public static JsonArray Args(JsonNode? argument, string name, int count)
    {
        if (argument is JsonArray array && array.Count == count)
            return array;
        throw CloudFormationException.Validation(count == 1
            ? $"Template error: {name} requires a list of one element"
            : $"Template error: every {name} object requires a list of {count} elements");
    }

    /// <summary>A scalar as CloudFormation passes it: text; numbers in invariant form, booleans lower case.</summary>
    public static string Text(JsonNode? node, string function) => node is JsonValue value
        ? ScalarText(value)
        : throw CloudFormationException.Validation($"Template error: {function} expects a string, found {(node is null ? "no value" : node.GetValueKind() == JsonValueKind.Array ? "a list" : "an object")}");

    public static string ScalarText(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.ToJsonString(),
        _ => "",
    };

    public static List<JsonNode?> List(JsonNode? node, string function) => node switch
    {
        JsonArray array => [.. array],
        _ => throw CloudFormationException.Validation($"Template error: {function} expects a list"),
    };
}
