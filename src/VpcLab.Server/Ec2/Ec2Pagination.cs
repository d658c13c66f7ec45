using System.Buffers.Text;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VpcLab.ControlPlane;
using VpcLab.Server.Protocol;

namespace VpcLab.Server.Ec2;

/// <summary>How one Describe* action pages: the MaxResults range and, where AWS refuses MaxResults together
/// with explicit ids, the ids member.</summary>
internal sealed record PageSpec(int Min, int Max, string? ExclusiveIdsMember, string? ExclusiveIdsWireName);

/// <summary>EC2 pagination (MaxResults/NextToken) done once for every Describe* action, over the full, ordered
/// result of the control plane. A token names the last item of the page it ended (a cursor, so a page is never
/// repeated or skipped when items before it are deleted meanwhile) and a hash of the request it belongs to
/// (so it cannot be replayed with other filters). docs/semantics.md#pagination.</summary>
internal static class Ec2Pagination
{
    private const string ResourceName = "VpcLab.Server.Protocol.Model.ec2-subset.json";

    /// <summary>AWS documents these ranges where the model has only "Integer" (docs/semantics.md#pagination).</summary>
    private static readonly FrozenDictionary<string, (int Min, int Max)> s_documentedRanges = new Dictionary<string, (int, int)>
    {
        ["DescribeInstances"] = (5, 1000),
        ["DescribeTags"] = (5, 1000),
        ["DescribePrefixLists"] = (1, 1000),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>AWS refuses MaxResults with explicit ids for these actions (InvalidParameterCombination).</summary>
    private static readonly FrozenDictionary<string, (string Member, string WireName)> s_exclusiveIds = new Dictionary<string, (string, string)>
    {
        ["DescribeInstances"] = ("InstanceIds", "instancesSet"),
        ["DescribeNetworkInterfaces"] = ("NetworkInterfaceIds", "networkInterfaceIdSet"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, PageSpec>> s_specs = new(LoadSpecs);

    /// <summary>The paging rules of an operation, or null when its input has no MaxResults member.</summary>
    public static PageSpec? SpecFor(string operation) => s_specs.Value.GetValueOrDefault(operation);

    private static FrozenDictionary<string, PageSpec> LoadSpecs()
    {
        using var stream = typeof(Ec2ServiceModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var doc = JsonDocument.Parse(stream);
        var shapes = doc.RootElement.GetProperty("shapes");
        var specs = new Dictionary<string, PageSpec>(StringComparer.Ordinal);
        foreach (var op in doc.RootElement.GetProperty("operations").EnumerateObject())
        {
            if (!op.Value.TryGetProperty("input", out var input))
                continue;
            var inputShape = shapes.GetProperty(input.GetProperty("shape").GetString()!);
            if (!inputShape.TryGetProperty("members", out var members) || !members.TryGetProperty("MaxResults", out var maxResults))
                continue;
            var shape = shapes.GetProperty(maxResults.GetProperty("shape").GetString()!);
            var (min, max) = s_documentedRanges.TryGetValue(op.Name, out var documented) ? documented : (1, int.MaxValue);
            if (shape.TryGetProperty("min", out var minElement))
                min = minElement.GetInt32();
            if (shape.TryGetProperty("max", out var maxElement))
                max = maxElement.GetInt32();
            var exclusive = s_exclusiveIds.TryGetValue(op.Name, out var ids) ? ids : default;
            specs[op.Name] = new PageSpec(min, max, exclusive.Member, exclusive.WireName);
        }
        return specs.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Reads and checks the paging parameters of an operation that has them (null for one that has not), before
    /// the action runs, for actions whose answer is not built by the dispatcher's list helper.</summary>
    public static PageRequest? BeginFor(string operation, RequestContext caller, JsonObject parameters) =>
        SpecFor(operation) is { } spec ? Begin(operation, spec, caller, parameters) : null;

    /// <summary>The page of a key-ordered result, or all of it with no NextToken when the request is not paged.</summary>
    public static (IReadOnlyList<T> Page, string? NextToken) Slice<T>(PageRequest? page, IReadOnlyList<T> ordered, Func<T, string> key) =>
        page is null ? (ordered, null) : page.Slice(ordered, key);

    /// <summary>Reads and checks MaxResults and NextToken before the action runs.</summary>
    public static PageRequest Begin(string operation, PageSpec spec, RequestContext caller, JsonObject parameters)
    {
        int? maxResults = null;
        if (parameters["MaxResults"] is { } mr)
        {
            if (mr is not JsonValue v || !v.TryGetValue<int>(out var n))
                throw Ec2ProtocolErrors.Invalid("Invalid value for parameter MaxResults: expected an integer");
            if (n < spec.Min || n > spec.Max)
                throw Ec2ProtocolErrors.Invalid(spec.Max == int.MaxValue
                    ? $"Value ( {n} ) for parameter maxResults is invalid. Expecting a value greater than or equal to {spec.Min}."
                    : $"Value ( {n} ) for parameter maxResults is invalid. Expecting a value between {spec.Min} and {spec.Max}.");
            maxResults = n;
            if (spec.ExclusiveIdsMember is { } ids && parameters[ids] is JsonArray { Count: > 0 })
                throw new Ec2ProtocolException("InvalidParameterCombination",
                    $"The parameter {spec.ExclusiveIdsWireName} cannot be used with the parameter maxResults");
        }

        var fingerprint = Fingerprint(operation, caller, parameters);
        string? after = null;
        // Choice: an empty NextToken means "first page", as botocore's paginators send none at all.
        if (parameters["NextToken"] is JsonValue nt && nt.TryGetValue<string>(out var token) && token.Length > 0)
            after = Decode(token, fingerprint);
        return new PageRequest(maxResults, after, fingerprint);
    }

    private static string? Decode(string token, string fingerprint)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw InvalidToken(token);
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon != fingerprint.Length || !text.StartsWith('1'))
            throw InvalidToken(token);
        if (!text.AsSpan(0, colon).SequenceEqual(fingerprint))
            throw new Ec2ProtocolException("InvalidPaginationToken", "The specified pagination token is not valid or is expired.");
        return text[(colon + 1)..];
    }

    private static Ec2ProtocolException InvalidToken(string token) =>
        Ec2ProtocolErrors.Invalid($"Value ( {Ec2ProtocolErrors.Echo(token)} ) for parameter NextToken is invalid. The token is invalid.");

    /// <summary>"1" (token version) + 16 hex digits of SHA-256 over the operation, the caller and every
    /// parameter except NextToken, MaxResults and DryRun (object keys sorted, so parameter order does not matter).</summary>
    internal static string Fingerprint(string operation, RequestContext caller, JsonObject parameters)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(operation);
            writer.WriteStringValue(caller.Account.Value);
            writer.WriteStringValue(caller.Region);
            Canonical.Write(writer, parameters, static key => key is "NextToken" or "MaxResults" or "DryRun");
            writer.WriteEndArray();
        }
        return "1" + Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan)[..8]);
    }

    public static string Encode(string fingerprint, string lastKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(fingerprint + ":" + lastKey));
}

/// <summary>The page asked for: at most <see cref="MaxResults"/> items (all when null) after the item whose
/// key is <see cref="After"/> (from the start when null).</summary>
internal sealed record PageRequest(int? MaxResults, string? After, string Fingerprint)
{
    /// <summary>What the control plane needs to answer only this page: the items after the cursor, one more than
    /// the page holds (so <see cref="Slice{T}"/> knows whether a next page exists); null for an unpaged request.</summary>
    public PageWindow? Window() =>
        MaxResults is null && After is null ? null : new PageWindow(After, MaxResults is { } max ? max + 1 : int.MaxValue);

    /// <summary>Cuts the page out of the whole, key-ordered result (or out of the <see cref="Window"/> the control
    /// plane already cut: then every item is after the cursor); NextToken is null on the last page.</summary>
    public (List<T> Page, string? NextToken) Slice<T>(IReadOnlyList<T> ordered, Func<T, string> key)
    {
        int start = 0;
        if (After is { } after)
        {
            // First item after the cursor (items are ordered by key, ordinal).
            int lo = 0, hi = ordered.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (string.CompareOrdinal(key(ordered[mid]), after) <= 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            start = lo;
        }
        int count = Math.Min(MaxResults ?? int.MaxValue, ordered.Count - start);
        var page = new List<T>(count);
        for (int i = 0; i < count; i++)
            page.Add(ordered[start + i]);
        string? next = start + count < ordered.Count && count > 0 ? Ec2Pagination.Encode(Fingerprint, key(page[^1])) : null;
        return (page, next);
    }
}

/// <summary>JSON written with object keys in ordinal order: the same parameters give the same bytes whatever
/// order the client sent them in.</summary>
internal static class Canonical
{
    public static void Write(Utf8JsonWriter writer, JsonNode? node, Func<string, bool>? skipTopLevel = null)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject o:
                writer.WriteStartObject();
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (skipTopLevel?.Invoke(key) == true)
                        continue;
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray a:
                writer.WriteStartArray();
                foreach (var item in a)
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
