using System.Globalization;
using System.Text.Json;
using VpcLab.Net;

namespace VpcLab.Import.Json;

/// <summary>One JSON value of an imported file and where it is (file and JSON path), so every refusal names both.
/// Members the AWS CLI leaves out when empty read as absent; a member of the wrong type is refused.</summary>
internal readonly record struct JsonSource(string File, string Path, JsonElement Element)
{
    public ImportException Error(string problem) => new(File, Path, problem);

    private JsonSource Child(string name, JsonElement value) => new(File, $"{Path}.{name}", value);

    /// <summary>The member, or null when absent or JSON null.</summary>
    public JsonSource? Member(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object)
            throw Error($"expected an object, found {Kind(Element)}");
        return Element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Child(name, v) : null;
    }

    public JsonSource Required(string name) =>
        Member(name) ?? throw new ImportException(File, $"{Path}.{name}", "missing");

    public bool Has(string name) => Member(name) is not null;

    /// <summary>The items of an array member; none when the member is absent.</summary>
    public IEnumerable<JsonSource> Items(string name)
    {
        if (Member(name) is not { } array)
            return [];
        return array.Items();
    }

    public IEnumerable<JsonSource> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
            throw Error($"expected an array, found {Kind(Element)}");
        var file = File;
        var path = Path;
        return Element.EnumerateArray().Select((e, i) => new JsonSource(file, $"{path}[{i}]", e));
    }

    public string Text() => Element.ValueKind == JsonValueKind.String
        ? Element.GetString()!
        : throw Error($"expected a string, found {Kind(Element)}");

    public string String(string name) => Required(name).Text();

    public string? OptionalString(string name) => Member(name)?.Text();

    public bool Bool(string name, bool absent = false) => Member(name) is { } m
        ? m.Element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw m.Error($"expected true or false, found {Kind(m.Element)}"),
        }
        : absent;

    public int Int(string name) => Required(name).Int();

    public int? OptionalInt(string name) => Member(name)?.Int();

    public int Int() => Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var n)
        ? n
        : throw Error($"expected an integer, found {Kind(Element)}");

    public long Long(string name) => Required(name) is var m && m.Element.ValueKind == JsonValueKind.Number && m.Element.TryGetInt64(out var n)
        ? n
        : throw Required(name).Error("expected an integer");

    public Cidr Cidr(string name) => Required(name).Cidr();

    public Cidr Cidr() => VpcLab.Net.Cidr.TryParse(Text(), out var c) ? c : throw Error($"'{Text()}' is not a CIDR block");

    public IpAddress Address(string name) => Required(name).Address();

    public IpAddress? OptionalAddress(string name) => Member(name)?.Address();

    public IpAddress Address() => IpAddress.TryParse(Text(), out var a) ? a : throw Error($"'{Text()}' is not an IP address");

    public IpProtocol Protocol(string name)
    {
        var m = Required(name);
        return IpProtocol.TryParse(m.Text(), out var p) ? p : throw m.Error($"'{m.Text()}' is not a protocol");
    }

    public DateTimeOffset Time(string name) => Required(name).Time();

    public DateTimeOffset? OptionalTime(string name) => Member(name)?.Time();

    /// <summary>ISO 8601 as the AWS CLI prints it (2024-05-01T12:00:00+00:00 or …Z, with or without fractions).</summary>
    public DateTimeOffset Time() =>
        DateTimeOffset.TryParse(Text(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t : throw Error($"'{Text()}' is not a time");

    /// <summary>An AWS wire value (available, shutting-down, pendingAcceptance, nat_gateway, ALL) as a Model enum.</summary>
    public T Enum<T>(string name) where T : struct, Enum => Required(name).Enum<T>();

    public T Enum<T>() where T : struct, Enum
    {
        var text = Text();
        var plain = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return System.Enum.TryParse<T>(plain, ignoreCase: true, out var value) && !int.TryParse(plain, CultureInfo.InvariantCulture, out _)
            ? value
            : throw Error($"'{text}' is not a {typeof(T).Name} value VpcLab knows ({string.Join(", ", System.Enum.GetNames<T>())})");
    }

    /// <summary>Tags (Key/Value pairs) under <paramref name="name"/> (Tags, or TagSet for network interfaces).</summary>
    public IEnumerable<(string Key, string Value)> Tags(string name = "Tags") =>
        Items(name).Select(t => (t.String("Key"), t.OptionalString("Value") ?? ""));

    private static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();
}
