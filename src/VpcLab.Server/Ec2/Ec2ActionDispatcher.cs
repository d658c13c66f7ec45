using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using VpcLab.ControlPlane;
using VpcLab.Server.Ec2.Shapes;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Ec2;

/// <summary>The EC2 action layer: one table entry per action, each binding the parsed parameters (member-name
/// JSON) to the control plane's request record, calling the control plane and mapping its result to the
/// output shape (member-name JSON for <see cref="Ec2XmlSerializer"/>). Pagination (MaxResults/NextToken) and
/// ClientToken idempotency are done here, once, for every action that has them in the model.
/// docs/semantics.md.</summary>
public sealed class Ec2ActionDispatcher
{
    private static readonly JsonSerializerOptions s_bindOptions = new()
    {
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private readonly Ec2ControlPlane _controlPlane;
    private readonly FrozenDictionary<string, Func<RequestContext, JsonObject, JsonObject?>> _handlers;
    private readonly FrozenSet<string> _withClientToken;
    // ClientToken idempotency (docs/semantics.md#idempotency): one scope per account and Region, the action in the
    // fingerprint, so a token reused by another action is a mismatch; each answer is a copy of the first.
    private readonly ClientTokenCache<JsonObject?> _idempotency = new(
        token => new Ec2ProtocolException("IdempotentParameterMismatch",
            $"Client token '{Ec2ProtocolErrors.Echo(token)}' was already used with different parameters or another action."),
        response => (JsonObject?)response?.DeepClone());

    public Ec2ActionDispatcher(Ec2ControlPlane controlPlane)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        _controlPlane = controlPlane;
        var table = new Dictionary<string, Func<RequestContext, JsonObject, JsonObject?>>(StringComparer.Ordinal);
        var registrar = new Ec2ActionRegistrar(controlPlane, table);
        NetworkActions.Register(registrar, controlPlane);
        ToolActions.Register(registrar, controlPlane);
        IacActions.Register(registrar, controlPlane);
        LaunchTemplateActions.Register(registrar, controlPlane);
        Insights = Server.Insights.NetworkInsightsActions.Register(controlPlane, table.Add); // Reachability Analyzer: src/VpcLab.Analysis/Reachability/
        AccessScopes = Server.Insights.AccessScopeActions.Register(controlPlane, table.Add); // Network Access Analyzer: src/VpcLab.Analysis/AccessScopes/
        _handlers = table.ToFrozenDictionary(StringComparer.Ordinal);
        _withClientToken = table.Keys
            .Where(op => Ec2ServiceModel.Instance.InputShape(op)?.FindMember("ClientToken") is not null)
            .ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>True for actions that may change state (everything but Describe*/Get*): the host logs them for
    /// durability.</summary>
    public static bool IsMutating(string operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return !(operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("Get", StringComparison.Ordinal));
    }

    public IReadOnlyCollection<string> SupportedOperations => _handlers.Keys;

    public Ec2ControlPlane ControlPlane => _controlPlane;

    /// <summary>This dispatcher's Reachability Analyzer paths and analyses (the web console opens saved paths).</summary>
    public VpcLab.Analysis.Reachability.NetworkInsights Insights { get; }

    /// <summary>The Network Access Analyzer's scopes and analyses of this dispatcher's world.</summary>
    public VpcLab.Analysis.AccessScopes.NetworkAccessScopes AccessScopes { get; }

    /// <summary>Runs one parsed action; returns the output JsonObject keyed by output-shape member names (null =
    /// empty response). Throws Ec2Exception (control plane) or Ec2ProtocolException (binding problems) for AWS
    /// errors.</summary>
    public JsonObject? Execute(string operation, RequestContext context, JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!_handlers.TryGetValue(operation, out var handler))
            throw Ec2ProtocolErrors.UnknownAction(operation);
        if (_withClientToken.Contains(operation)
            && parameters["ClientToken"] is JsonValue tokenValue && tokenValue.TryGetValue<string>(out var token) && token.Length > 0)
        {
            if (token.Length > ClientTokens.MaxLength)
                throw Ec2ProtocolErrors.Invalid($"Value ({Ec2ProtocolErrors.Echo(token)}) for parameter clientToken is invalid. It must be at most 64 ASCII characters.");
            return _idempotency.Run(context, scope: "", token, RequestBytes(operation, parameters), () => handler(context, parameters));
        }
        return handler(context, parameters);
    }

    /// <summary>The bytes a ClientToken is checked against: the action and all its parameters, keys sorted.</summary>
    private static byte[] RequestBytes(string operation, JsonObject parameters)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(operation);
            Canonical.Write(writer, parameters);
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Binds member-name JSON to a request record; a value of the wrong JSON type is
    /// InvalidParameterValue naming the member.</summary>
    internal static T Bind<T>(JsonObject parameters)
        where T : new()
    {
        try
        {
            // JsonNode.Deserialize's own route (the node written to UTF-8, then read), with this thread's writer and
            // buffer kept between requests instead of rented and made anew each time.
            var bytes = t_bindBuffer ??= new System.Buffers.ArrayBufferWriter<byte>(1024);
            bytes.ResetWrittenCount();
            var writer = t_bindWriter ??= new Utf8JsonWriter(bytes, new JsonWriterOptions { SkipValidation = true });
            writer.Reset(bytes);
            parameters.WriteTo(writer, s_bindOptions);
            writer.Flush();
            return JsonSerializer.Deserialize<T>(bytes.WrittenSpan, s_bindOptions) ?? new T();
        }
        catch (JsonException e)
        {
            var member = MemberPath(e.Path);
            throw Ec2ProtocolErrors.Invalid($"Invalid value for parameter {member}: {Ec2ProtocolErrors.Echo(Describe(e))}");
        }
    }

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_bindBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_bindWriter;

    /// <summary>$.Filters[0].Values[1] → Filters.1.Values.2 (1-based, as on the wire).</summary>
    internal static string MemberPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
            return "(request)";
        var sb = new System.Text.StringBuilder();
        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        int i = 0;
        while (i < path.Length)
        {
            char ch = path[i];
            if (ch == '[')
            {
                int close = path.IndexOf(']', i);
                if (close < 0)
                    break;
                var inner = path[(i + 1)..close];
                if (int.TryParse(inner, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                    sb.Append('.').Append((index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                else
                    sb.Append('.').Append(inner.Trim('\''));
                i = close + 1;
            }
            else
            {
                sb.Append(ch);
                i++;
            }
        }
        return sb.ToString().TrimStart('.');
    }

    private static string Describe(JsonException e) =>
        e.Message.Split(". Path:", 2)[0];
}
