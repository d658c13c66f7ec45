using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Snapshots;

/// <summary>The JSON form of a <see cref="WorldSnapshot"/> and of a <see cref="Network"/>, lossless: reading what was
/// written gives the same world (WorldSnapshotJsonTests). Every record is written member by member from what its
/// constructor and init-only members take (computed members are left out); ids, addresses, CIDRs, protocols, port
/// ranges and flow-log formats as the strings AWS prints; enums by name; a rule's peer with a <c>"kind"</c>
/// discriminator (its record's name). docs/architecture.md#world-snapshot.</summary>
public static class WorldSnapshotJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize(WorldSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var root = new JsonObject
        {
            ["format"] = WorldSnapshot.Format,
            ["account"] = snapshot.Account.Value,
            ["region"] = snapshot.Region,
            ["time"] = JsonSerializer.SerializeToNode(snapshot.Time, Options),
            ["network"] = JsonSerializer.SerializeToNode(snapshot.Network, Options),
        };
        return root.ToJsonString(Options);
    }

    /// <summary>Reads a snapshot; <see cref="FormatException"/> when the text is not one (not JSON, another format).</summary>
    public static WorldSnapshot Deserialize(string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("a world snapshot is a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON ({e.Message})", e);
        }
        var format = root["format"]?.GetValueKind() == JsonValueKind.String ? (string?)root["format"] : null;
        if (format != WorldSnapshot.Format)
            throw new FormatException($"not a VpcLab world snapshot (format '{format}', expected '{WorldSnapshot.Format}')");
        try
        {
            return new WorldSnapshot(
                new AccountId((string?)root["account"] ?? throw new FormatException("the snapshot names no account")),
                (string?)root["region"] ?? throw new FormatException("the snapshot names no Region"),
                root["time"].Deserialize<DateTimeOffset>(Options),
                root["network"].Deserialize<Network>(Options) ?? throw new FormatException("the snapshot holds no network"));
        }
        catch (JsonException e)
        {
            throw new FormatException($"a damaged world snapshot ({e.Message})", e);
        }
    }

    public static string SerializeNetwork(Network network) => JsonSerializer.Serialize(network, Options);

    public static Network DeserializeNetwork(string json) =>
        JsonSerializer.Deserialize<Network>(json, Options) ?? throw new FormatException("null is not a network");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OnlyStoredMembers, RulePeerKinds } },
            RespectNullableAnnotations = false,
            // Read by programs, never embedded in HTML: '+' in a time and '<' in a description stay as they are.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new TextConverter<IpAddress>(IpAddress.Parse, v => v.ToString()));
        options.Converters.Add(new TextConverter<Cidr>(Cidr.Parse, v => v.ToString()));
        options.Converters.Add(new TextConverter<IpProtocol>(IpProtocol.Parse, v => v.ToString()));
        options.Converters.Add(new TextConverter<PortRange>(PortRange.Parse, v => v.ToString()));
        options.Converters.Add(new TextConverter<FlowLogFormat>(FlowLogFormat.Parse, v => v.Text));
        options.Converters.Add(new TagsConverter());
        options.Converters.Add(new IdConverterFactory());
        options.MakeReadOnly(populateMissingResolver: false);
        return options;
    }

    /// <summary>A member no constructor parameter and no setter takes is derived from the others: not written.</summary>
    private static void OnlyStoredMembers(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
            return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
                type.Properties.RemoveAt(i);
        }
    }

    /// <summary>Every concrete <see cref="RulePeer"/> of the model, found by reflection so a new kind of peer cannot be
    /// forgotten here.</summary>
    private static void RulePeerKinds(JsonTypeInfo type)
    {
        if (type.Type != typeof(RulePeer))
            return;
        var polymorphism = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "kind" };
        foreach (var kind in typeof(RulePeer).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(RulePeer)) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal))
            polymorphism.DerivedTypes.Add(new JsonDerivedType(kind, kind.Name));
        type.PolymorphismOptions = polymorphism;
    }

    private sealed class TextConverter<T>(Func<string, T> parse, Func<T, string> format) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            parse(reader.GetString() ?? throw new JsonException($"a {typeof(T).Name} is a string"));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(format(value));
    }

    /// <summary>Tags as a plain object, read back into the ordinal-sorted dictionary <see cref="Tags"/> keeps.</summary>
    private sealed class TagsConverter : JsonConverter<Tags>
    {
        public override Tags Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var items = JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options) ?? [];
            return new Tags(Tags.Empty.Items.SetItems(items));
        }

        public override void Write(Utf8JsonWriter writer, Tags value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, (IReadOnlyDictionary<string, string>)value.Items, options);
    }

    /// <summary>Every Model id (a record struct with one string <c>Value</c>) as that string, also as a dictionary key.</summary>
    private sealed class IdConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsValueType && typeToConvert.Namespace == typeof(VpcId).Namespace
            && (typeToConvert.Name.EndsWith("Id", StringComparison.Ordinal) || typeToConvert.Name.EndsWith("Arn", StringComparison.Ordinal)) // ELB names by ARN
            && typeToConvert.GetProperty("Value")?.PropertyType == typeof(string)
            && typeToConvert.GetConstructor([typeof(string)]) is not null;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(IdConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class IdConverter<T> : JsonConverter<T>
        where T : struct
    {
        private static readonly Func<string, T> Create = value => (T)Activator.CreateInstance(typeof(T), value)!;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Create(reader.GetString() ?? throw new JsonException($"a {typeof(T).Name} is a string"));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Create(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString()!);
    }
}
