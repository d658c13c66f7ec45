using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using VpcLab.Net;

namespace VpcLab.Server.Rendering;

/// <summary>The lab's JSON for scripts and the web console (<c>--json</c> and <c>/_vpclab/console/api</c>): addresses, CIDRs
/// and ids as the strings AWS prints, enums by name. One set of options, so a trace reads the same in both.</summary>
public static class LabJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new ToStringConverter<IpAddress>(IpAddress.Parse));
        options.Converters.Add(new ToStringConverter<Cidr>(Cidr.Parse));
        options.Converters.Add(new ToStringConverter<IpProtocol>(IpProtocol.Parse));
        options.Converters.Add(new ToStringConverter<PortRange>(PortRange.Parse));
        options.Converters.Add(new ToStringConverter<Model.RulePeer>(_ => throw new NotSupportedException("read-only")));
        options.Converters.Add(new ToStringConverter<Engine.ExplanationCode>(v => new Engine.ExplanationCode(v)));
        options.Converters.Add(new ToStringConverter<Model.FlowLogFormat>(Model.FlowLogFormat.Parse));
        options.Converters.Add(new IdConverterFactory());
        foreach (var converter in FlowJsonConverters.All)
            options.Converters.Add(converter);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private sealed class ToStringConverter<T>(Func<string, T> parse) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            parse(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value?.ToString());
    }

    /// <summary>Every Model id is a record struct with one string Value: written as that string.</summary>
    private sealed class IdConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsValueType && typeToConvert.Namespace == "VpcLab.Model" && typeToConvert.Name.EndsWith("Id", StringComparison.Ordinal)
            && typeToConvert.GetProperty("Value")?.PropertyType == typeof(string);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(IdConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class IdConverter<T> : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (T)Activator.CreateInstance(typeof(T), reader.GetString())!;

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value?.ToString());
    }
}
