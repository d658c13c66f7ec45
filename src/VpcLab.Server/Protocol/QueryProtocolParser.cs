using System.Globalization;
using System.Text.Json.Nodes;

namespace VpcLab.Server.Protocol;

/// <summary>botocore's "query" protocol (Elastic Load Balancing v2) read with the service model: member names on
/// the wire, lists as <c>Name.member.N</c> (an empty list as <c>Name=</c>), structures as <c>Name.Member</c>; the
/// result is a <see cref="JsonObject"/> keyed by member names, as <see cref="Ec2QueryParser"/> gives for EC2. A bad
/// value is ELBv2's <c>ValidationError</c>. Parameters the model does not name are ignored, as ELBv2 does.</summary>
public sealed class QueryProtocolParser(Ec2ServiceModel model, string serviceName)
{
    public const string ValidationErrorCode = "ValidationError";

    public Ec2ServiceModel Model => model;

    /// <summary>The operation and its parameters; an unknown action is 501 when the service has it
    /// (<paramref name="isAwsAction"/>), else InvalidAction.</summary>
    public Ec2Request Parse(IReadOnlyList<KeyValuePair<string, string?>> form, Func<string, bool> isAwsAction)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(isAwsAction);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
            fields.TryAdd(key, value ?? "");
        if (!fields.TryGetValue("Action", out var action) || action.Length == 0)
            throw Ec2ProtocolErrors.MissingAction();
        if (fields.TryGetValue("Version", out var version) && version != model.ApiVersion)
            throw new Ec2ProtocolException("InvalidAction", $"Could not find operation {Ec2ProtocolErrors.Echo(action)} for version {Ec2ProtocolErrors.Echo(version)}");
        var operation = model.FindOperation(action) ?? throw (isAwsAction(action)
            ? new Ec2ProtocolException(Ec2ProtocolErrors.NotImplementedCode,
                $"VpcLab does not implement the {serviceName} action {Ec2ProtocolErrors.Echo(action)} ({serviceName} has it; VpcLab serves the Network Load Balancer subset).", 501)
            : new Ec2ProtocolException("InvalidAction", $"Could not find operation {Ec2ProtocolErrors.Echo(action)} for version {model.ApiVersion}"));
        var keys = new SortedSet<string>(fields.Keys, StringComparer.Ordinal);
        var parameters = operation.Input is null ? [] : Structure(operation.Input, "", fields, keys);
        foreach (var required in operation.Input?.RequiredMembers ?? [])
        {
            if (parameters[required.Name] is null)
                throw new Ec2ProtocolException(ValidationErrorCode,
                    $"1 validation error detected: Value null at '{LowerFirst(required.Name)}' failed to satisfy constraint: Member must not be null");
        }
        return new Ec2Request(operation, version ?? model.ApiVersion, parameters);
    }

    private static JsonObject Structure(Ec2Shape shape, string prefix, Dictionary<string, string> fields, SortedSet<string> keys)
    {
        var result = new JsonObject();
        foreach (var member in shape.Members)
        {
            var key = prefix + member.QueryName;
            if (Value(member.Shape, key, fields, keys) is { } value)
                result[member.Name] = value;
        }
        return result;
    }

    private static JsonNode? Value(Ec2Shape shape, string key, Dictionary<string, string> fields, SortedSet<string> keys)
    {
        switch (shape.Type)
        {
            case Ec2ShapeType.Structure:
                return HasUnder(keys, key) ? Structure(shape, key + ".", fields, keys) : null;
            case Ec2ShapeType.List:
                if (!HasUnder(keys, key))
                    return fields.ContainsKey(key) ? new JsonArray() : null;
                var items = new JsonArray();
                for (int i = 1; ; i++)
                {
                    var itemKey = string.Create(CultureInfo.InvariantCulture, $"{key}.member.{i}");
                    if (!fields.ContainsKey(itemKey) && !HasUnder(keys, itemKey))
                        break;
                    items.Add(Value(shape.ListMember!.Shape, itemKey, fields, keys));
                }
                return items;
            default:
                return fields.TryGetValue(key, out var text) ? Scalar(shape, key, text) : null;
        }
    }

    private static bool HasUnder(SortedSet<string> keys, string key)
    {
        var prefix = key + ".";
        foreach (var k in keys.GetViewBetween(prefix, prefix + '\uffff'))
            return k.StartsWith(prefix, StringComparison.Ordinal);
        return false;
    }

    private static JsonValue Scalar(Ec2Shape shape, string key, string text) => shape.Type switch
    {
        Ec2ShapeType.Integer => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? JsonValue.Create(i) : throw Invalid(key, text),
        Ec2ShapeType.Long => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : throw Invalid(key, text),
        Ec2ShapeType.Boolean => text switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ => throw Invalid(key, text),
        },
        _ => JsonValue.Create(text),
    };

    private static Ec2ProtocolException Invalid(string key, string text) =>
        new(ValidationErrorCode, $"Invalid value '{Ec2ProtocolErrors.Echo(text)}' for parameter {Ec2ProtocolErrors.Echo(key)}");

    private static string LowerFirst(string s) => s.Length == 0 ? s : string.Concat(char.ToLowerInvariant(s[0]).ToString(), s.AsSpan(1));
}
