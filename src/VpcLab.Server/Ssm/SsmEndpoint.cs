using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VpcLab.ControlPlane;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Ssm;

/// <summary>Systems Manager's JSON 1.1 protocol on the lab's port: <c>POST /</c>, <c>X-Amz-Target:
/// AmazonSSM.&lt;Op&gt;</c>, signed for <c>ssm</c>. GetParameter, GetParameters and GetParametersByPath read the
/// <see cref="SsmParameterStore"/> (AWS's public parameters; every rule is there); any other operation is
/// <c>UnknownOperationException</c> naming it. Errors are AWS's JSON (<c>{"__type": …, "message": …}</c>, 400)
/// (docs/semantics.md#ssm-public-parameters).</summary>
public sealed class SsmEndpoint(SsmParameterStore store)
{
    public const string TargetPrefix = "AmazonSSM.";
    public const string ContentType = AwsJsonProtocol.ContentType;
    private const int MaxBodyBytes = 1 << 20;

    private static readonly AwsJsonProtocol s_protocol = new(TargetPrefix, MaxBodyBytes, SsmParameterStore.ValidationExceptionCode);

    public Task HandleAsync(HttpContext http, string region) =>
        s_protocol.HandleAsync(http,
            (operation, input) => Run(operation, region, input),
            e => e is SsmException ssm ? (ssm.Code, ssm.Message) : null);

    /// <summary>One operation on a parsed input: the output object, or an <see cref="SsmException"/>.</summary>
    public JsonObject Run(string operation, string region, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(input);
        switch (operation)
        {
            case "GetParameter":
                return new JsonObject { ["Parameter"] = Map(store.Get(region, Str(input, "Name"))) };
            case "GetParameters":
                var (found, invalid) = store.GetMany(region, StrList(input, "Names"));
                return new JsonObject
                {
                    ["Parameters"] = new JsonArray([.. found.Select(p => (JsonNode)Map(p))]),
                    ["InvalidParameters"] = new JsonArray([.. invalid.Select(n => (JsonNode)JsonValue.Create(n))]),
                };
            case "GetParametersByPath":
                return ByPath(region, input);
            default:
                throw new SsmException("UnknownOperationException",
                    $"VpcLab serves Systems Manager's GetParameter, GetParameters and GetParametersByPath over AWS's public parameters, not '{operation}'.");
        }
    }

    /// <summary>GetParametersByPath, paged by MaxResults (1 to 10, AWS's default 10) with an opaque NextToken.</summary>
    private JsonObject ByPath(string region, JsonObject input)
    {
        if (input["ParameterFilters"] is JsonArray { Count: > 0 })
            throw new SsmException(SsmParameterStore.ValidationExceptionCode, "ParameterFilters are not supported by this lab's GetParametersByPath.");
        int max = input["MaxResults"] is JsonValue m && m.TryGetValue<int>(out var n) ? n : SsmParameterStore.MaxPathResults;
        if (max is < 1 or > SsmParameterStore.MaxPathResults)
            throw new SsmException(SsmParameterStore.ValidationExceptionCode,
                $"1 validation error detected: Value '{max}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to {SsmParameterStore.MaxPathResults}");
        bool recursive = input["Recursive"] is JsonValue r && r.TryGetValue<bool>(out var rec) && rec;
        var all = store.ByPath(region, Str(input, "Path"), recursive);
        int start = 0;
        if (Str(input, "NextToken") is { Length: > 0 } token
            && !(int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start) && start <= all.Count))
            throw new SsmException(SsmParameterStore.ValidationExceptionCode, "The nextToken is not valid.");
        var page = all.Skip(start).Take(max).ToList();
        int next = start + page.Count;
        return new JsonObject
        {
            ["Parameters"] = new JsonArray([.. page.Select(p => (JsonNode)Map(p))]),
            ["NextToken"] = next < all.Count ? next.ToString(CultureInfo.InvariantCulture) : null,
        };
    }

    private static JsonObject Map(SsmParameter p) => new()
    {
        ["Name"] = p.Name,
        ["Type"] = SsmParameter.StringType,
        ["Value"] = p.Value,
        ["Version"] = p.Version,
        ["LastModifiedDate"] = p.LastModifiedDate.ToUnixTimeMilliseconds() / 1000.0,
        ["ARN"] = p.Arn,
        ["DataType"] = SsmParameter.TextDataType,
    };

    private static string? Str(JsonObject input, string member) =>
        input[member] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => throw new SsmException("SerializationException", $"Member {member} must be a string."),
        };

    private static List<string>? StrList(JsonObject input, string member) =>
        input[member] switch
        {
            null => null,
            JsonArray a => [.. a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new SsmException("SerializationException", $"Member {member} must be a list of strings."))],
            _ => throw new SsmException("SerializationException", $"Member {member} must be a list of strings."),
        };
}
