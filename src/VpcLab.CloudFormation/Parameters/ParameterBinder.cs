using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VpcLab.CloudFormation.Intrinsics;
using VpcLab.CloudFormation.Templates;

namespace VpcLab.CloudFormation.Parameters;

/// <summary>Binds the values given to a template's Parameters: defaults, types, and the constraints AllowedValues,
/// AllowedPattern, MinLength, MaxLength, MinValue, MaxValue, with CloudFormation's messages. The checks of
/// AWS-specific types against the world and SSM values are <see cref="WorldParameterCheck"/>, run when the stack
/// runs. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html</summary>
internal static class ParameterBinder
{
    private static readonly HashSet<string> PlainTypes = new(StringComparer.Ordinal)
    {
        "String", "Number", "List<Number>", "CommaDelimitedList", "AWS::SSM::Parameter::Name",
    };

    private static readonly HashSet<string> AwsTypes = new(StringComparer.Ordinal)
    {
        "AWS::EC2::AvailabilityZone::Name", "AWS::EC2::Image::Id", "AWS::EC2::Instance::Id", "AWS::EC2::KeyPair::KeyName",
        "AWS::EC2::SecurityGroup::GroupName", "AWS::EC2::SecurityGroup::Id", "AWS::EC2::Subnet::Id", "AWS::EC2::Volume::Id",
        "AWS::EC2::VPC::Id", "AWS::Route53::HostedZone::Id",
    };

    public static bool IsList(string type) => type is "List<Number>" or "CommaDelimitedList"
        || (type.StartsWith("List<", StringComparison.Ordinal) && AwsTypes.Contains(type[5..^1]));

    public static IReadOnlyList<BoundParameter> Bind(Template template, IReadOnlyDictionary<string, string> given)
    {
        var unknown = given.Keys.Where(k => !template.Parameters.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
            throw CloudFormationException.Validation($"Parameters: [{string.Join(", ", unknown)}] do not exist in the template");
        var missing = new List<string>();
        var bound = new List<BoundParameter>();
        foreach (var (name, node) in template.Parameters)
        {
            var declaration = node as JsonObject ?? throw CloudFormationException.Format($"[/Parameters/{name}] parameter definition is malformed");
            var type = Text(declaration, "Type") ?? throw CloudFormationException.Format($"[/Parameters/{name}] Every Parameters object must contain a Type member.");
            CheckType(name, type);
            var value = given.TryGetValue(name, out var v) ? v : Text(declaration, "Default");
            if (value is null)
            {
                missing.Add(name);
                continue;
            }
            CheckConstraints(name, type, value, declaration);
            bound.Add(new BoundParameter(name, type, value, null, Text(declaration, "NoEcho") is "true" or "True")
            {
                RefValue = IsList(type) ? new JsonArray([.. value.Split(',').Select(s => (JsonNode)JsonValue.Create(s))]) : JsonValue.Create(value),
            });
        }
        if (missing.Count > 0)
            throw CloudFormationException.Validation($"Parameters: [{string.Join(", ", missing)}] must have values");
        return bound;
    }

    private static void CheckType(string name, string type)
    {
        if (PlainTypes.Contains(type) || AwsTypes.Contains(type) || IsList(type) || IsSsmValue(type))
            return;
        throw CloudFormationException.Format($"Unrecognized parameter type: {type} for parameter {name}");
    }

    public static bool IsSsmValue(string type) =>
        type.StartsWith("AWS::SSM::Parameter::Value<", StringComparison.Ordinal) && type.EndsWith('>');

    private static void CheckConstraints(string name, string type, string value, JsonObject declaration)
    {
        var described = Text(declaration, "ConstraintDescription");
        CloudFormationException Fail(string message) =>
            CloudFormationException.Validation(described is null ? message : $"Parameter '{name}' failed to satisfy constraint: {described}");
        var items = IsList(type) ? value.Split(',') : [value];
        foreach (var item in items)
        {
            if (declaration["AllowedValues"] is JsonArray allowed && !allowed.Any(a => a is JsonValue av && IntrinsicEvaluator.ScalarText(av) == item))
                throw Fail($"Parameter '{name}' must be one of AllowedValues");
            if (Text(declaration, "AllowedPattern") is { } pattern && !Regex.IsMatch(item, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1)))
                throw Fail($"Parameter '{name}' must match pattern {pattern}");
            if (Number(declaration, "MinLength") is { } minLength && item.Length < minLength)
                throw Fail($"Parameter '{name}' must contain at least {minLength} characters");
            if (Number(declaration, "MaxLength") is { } maxLength && item.Length > maxLength)
                throw Fail($"Parameter '{name}' must contain at most {maxLength} characters");
            if (type is "Number" or "List<Number>")
                CheckNumber(name, item, declaration, Fail);
        }
    }

    private static void CheckNumber(string name, string item, JsonObject declaration, Func<string, CloudFormationException> fail)
    {
        if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            throw fail($"Parameter '{name}' must be a number");
        if (Number(declaration, "MinValue") is { } min && number < min)
            throw fail($"Parameter '{name}' must be a number not less than {Format(min)}");
        if (Number(declaration, "MaxValue") is { } max && number > max)
            throw fail($"Parameter '{name}' must be a number not greater than {Format(max)}");
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Text(JsonObject declaration, string key) =>
        declaration[key] is JsonValue value ? IntrinsicEvaluator.ScalarText(value) : null;

    private static double? Number(JsonObject declaration, string key) =>
        Text(declaration, key) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}
