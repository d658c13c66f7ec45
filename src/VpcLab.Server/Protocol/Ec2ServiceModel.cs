using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;

namespace VpcLab.Server.Protocol;

/// <summary>The subset of AWS's EC2 service model (botocore's service-2.json, shapes only) that the server
/// implements, loaded once from the embedded <c>ec2-subset.json</c> (see tools/extract-ec2-model.py).</summary>
public sealed class Ec2ServiceModel
{
    private const string ResourceName = "VpcLab.Server.Protocol.Model.ec2-subset.json";

    private static readonly Lazy<Ec2ServiceModel> s_instance = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Ec2Shape> _shapes;
    private readonly FrozenDictionary<string, Ec2Operation> _operations;

    private Ec2ServiceModel(string apiVersion, string xmlNamespace,
        FrozenDictionary<string, Ec2Shape> shapes, FrozenDictionary<string, Ec2Operation> operations)
    {
        ApiVersion = apiVersion;
        XmlNamespace = xmlNamespace;
        _shapes = shapes;
        _operations = operations;
    }

    /// <summary>The model, parsed once per process.</summary>
    public static Ec2ServiceModel Instance => s_instance.Value;

    private static readonly Lazy<Ec2ServiceModel> s_elbv2 = new(() => LoadEmbedded(Elbv2ResourceName));
    private const string Elbv2ResourceName = "VpcLab.Server.Protocol.Model.elbv2-subset.json";

    /// <summary>The subset of Elastic Load Balancing v2's model (tools/extract-elbv2-model.py), botocore's "query"
    /// protocol: the same shapes, member names on the wire.</summary>
    public static Ec2ServiceModel Elbv2 => s_elbv2.Value;

    /// <summary><c>2016-11-15</c>.</summary>
    public string ApiVersion { get; }

    /// <summary>The response namespace as AWS writes it, with the trailing slash botocore's copy lacks:
    /// <c>http://ec2.amazonaws.com/doc/2016-11-15/</c>.</summary>
    public string XmlNamespace { get; }

    public IReadOnlyCollection<Ec2Operation> Operations => _operations.Values;

    public IReadOnlyCollection<Ec2Shape> Shapes => _shapes.Values;

    public Ec2Operation? FindOperation(string action) =>
        _operations.TryGetValue(action, out var op) ? op : null;

    public Ec2Shape? FindShape(string name) => _shapes.TryGetValue(name, out var shape) ? shape : null;

    public Ec2Shape? InputShape(string action) => FindOperation(action)?.Input;

    public Ec2Shape? OutputShape(string action) => FindOperation(action)?.Output;

    private static Ec2ServiceModel LoadEmbedded() => LoadEmbedded(ResourceName);

    private static Ec2ServiceModel LoadEmbedded(string resourceName)
    {
        using var stream = typeof(Ec2ServiceModel).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"embedded resource {resourceName} is missing");
        return Load(stream);
    }

    /// <summary>Parses a botocore-format service model (the whole model or a subset of it).</summary>
    public static Ec2ServiceModel Load(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var metadata = root.GetProperty("metadata");
        var apiVersion = metadata.GetProperty("apiVersion").GetString()!;
        var ns = metadata.GetProperty("xmlNamespace").GetString()!;
        if (!ns.EndsWith('/'))
            ns += "/";

        // botocore's "query" protocol (ELBv2) names members on the wire and in XML by their member name (or
        // locationName); the "ec2" protocol upper-cases locationName for requests and lower-cases names in XML.
        bool query = metadata.TryGetProperty("protocol", out var protocol) && protocol.GetString() == "query";
        var shapeElements = root.GetProperty("shapes");
        var shapes = new Dictionary<string, Ec2Shape>(StringComparer.Ordinal);
        foreach (var prop in shapeElements.EnumerateObject())
            shapes[prop.Name] = new Ec2Shape(prop.Name, ParseType(prop.Name, prop.Value.GetProperty("type").GetString()));

        foreach (var prop in shapeElements.EnumerateObject())
        {
            var shape = shapes[prop.Name];
            var element = prop.Value;
            var members = ImmutableArray.CreateBuilder<Ec2Member>();
            if (element.TryGetProperty("members", out var membersElement))
            {
                foreach (var m in membersElement.EnumerateObject())
                    members.Add(ResolveMember(m.Name, m.Value, shapes, shapeElements, query));
            }

            Ec2Member? listMember = null;
            if (element.TryGetProperty("member", out var listMemberElement))
                listMember = ResolveMember("member", listMemberElement, shapes, shapeElements, query);

            var required = element.TryGetProperty("required", out var req)
                ? [.. req.EnumerateArray().Select(r => r.GetString()!)]
                : ImmutableArray<string>.Empty;
            var enumValues = element.TryGetProperty("enum", out var en)
                ? [.. en.EnumerateArray().Select(r => r.GetString()!)]
                : ImmutableArray<string>.Empty;
            if (shape.Type == Ec2ShapeType.List && listMember is null)
                throw new InvalidDataException($"list shape {shape.Name} has no member");
            shape.Complete(members.ToImmutable(), listMember, required, enumValues);
        }

        var operations = new Dictionary<string, Ec2Operation>(StringComparer.Ordinal);
        foreach (var prop in root.GetProperty("operations").EnumerateObject())
        {
            var input = prop.Value.TryGetProperty("input", out var i) ? shapes[i.GetProperty("shape").GetString()!] : null;
            var output = prop.Value.TryGetProperty("output", out var o) ? shapes[o.GetProperty("shape").GetString()!] : null;
            operations[prop.Name] = new Ec2Operation(prop.Name, input, output);
        }

        return new Ec2ServiceModel(apiVersion, ns,
            shapes.ToFrozenDictionary(StringComparer.Ordinal), operations.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static Ec2Member ResolveMember(string name, JsonElement reference,
        Dictionary<string, Ec2Shape> shapes, JsonElement shapeElements, bool query)
    {
        var shapeName = reference.GetProperty("shape").GetString()!;
        var shape = shapes[shapeName];
        // botocore merges the member reference's traits over the target shape's own (model.py
        // _resolve_shape_ref), so a locationName on the shape itself counts when the member has none.
        var target = shapeElements.GetProperty(shapeName);
        var queryName = Trait(reference, target, "queryName");
        var locationName = Trait(reference, target, "locationName");
        if (query)
            return new Ec2Member(name, shape, locationName ?? name, locationName ?? name);
        var wire = queryName ?? (locationName is { Length: > 0 } ? UpperFirst(locationName) : name);
        var xml = locationName ?? LowerFirst(name);
        return new Ec2Member(name, shape, wire, xml);
    }

    private static string? Trait(JsonElement reference, JsonElement target, string trait) =>
        reference.TryGetProperty(trait, out var v) ? v.GetString()
        : target.TryGetProperty(trait, out var t) ? t.GetString()
        : null;

    private static string UpperFirst(string s) =>
        s.Length == 0 || char.IsUpper(s[0]) ? s : string.Concat(char.ToUpperInvariant(s[0]).ToString(), s.AsSpan(1));

    private static string LowerFirst(string s) =>
        s.Length == 0 || char.IsLower(s[0]) ? s : string.Concat(char.ToLowerInvariant(s[0]).ToString(), s.AsSpan(1));

    private static Ec2ShapeType ParseType(string shapeName, string? type) => type switch
    {
        "structure" => Ec2ShapeType.Structure,
        "list" => Ec2ShapeType.List,
        "string" => Ec2ShapeType.String,
        "integer" => Ec2ShapeType.Integer,
        "long" => Ec2ShapeType.Long,
        "boolean" => Ec2ShapeType.Boolean,
        "timestamp" => Ec2ShapeType.Timestamp,
        "double" => Ec2ShapeType.Double,
        "float" => Ec2ShapeType.Float,
        "blob" => Ec2ShapeType.Blob,
        // EC2 has no maps; the extractor refuses them, so a model with one is not ours.
        _ => throw new InvalidDataException($"shape {shapeName} has unsupported type '{type}'"),
    };
}
