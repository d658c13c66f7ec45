using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace VpcLab.Import.Collection;

/// <summary>An AWS SDK for .NET response as the AWS CLI prints it: the same member names (the SDK's properties are the
/// service model's members), enums as their wire value, times in ISO 8601 with the offset, absent members left out.</summary>
internal static class CliJson
{
    private static readonly HashSet<string> ResponseEnvelope = new(StringComparer.Ordinal)
    {
        nameof(AmazonWebServiceResponse.ResponseMetadata), nameof(AmazonWebServiceResponse.ContentLength),
        nameof(AmazonWebServiceResponse.HttpStatusCode),
    };

    /// <summary>Where the SDK renamed a member (a property may not share its class's name; IpRanges became typed), the
    /// name the service model and the CLI use.</summary>
    private static readonly Dictionary<(string Type, string Property), string> Renamed = new()
    {
        [("IpPermission", "Ipv4Ranges")] = "IpRanges",
        [("PrefixListId", "Id")] = "PrefixListId",
        [("CidrBlock", "Cidr")] = "CidrBlock",
        [("Ipv6CidrBlock", "Value")] = "Ipv6CidrBlock",
    };

    public static JsonObject Response(AmazonWebServiceResponse response) => Object(response);

    /// <summary>The SDK flattens AttributeBooleanValue to a bool; the CLI prints it as {"Value": true}.</summary>
    public static JsonObject BooleanAttribute(string vpcId, string member, bool? value) => new()
    {
        ["VpcId"] = vpcId,
        [member] = value is { } v ? new JsonObject { ["Value"] = v } : null,
    };

    private static JsonObject Object(object value)
    {
        var o = new JsonObject();
        foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (ResponseEnvelope.Contains(p.Name) || p.GetIndexParameters().Length > 0)
                continue;
            var member = p.GetValue(value);
            if (p.DeclaringType!.Name == "DhcpConfiguration" && member is List<string> values)
            {
                // The SDK flattens AttributeValue lists to strings; the CLI prints [{"Value": …}].
                o[p.Name] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["Value"] = v })]);
                continue;
            }
            if (Node(member) is { } node)
                o[Renamed.GetValueOrDefault((p.DeclaringType!.Name, p.Name), p.Name)] = node;
        }
        return o;
    }

    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        float f => JsonValue.Create(f),
        DateTime t => JsonValue.Create(Time(t)),
        ConstantClass c => JsonValue.Create(c.Value),
        System.Collections.IDictionary => null,
        System.Collections.IEnumerable list => new JsonArray([.. list.Cast<object?>().Select(Node)]),
        _ => Object(value),
    };

    /// <summary>2026-03-02T10:15:30+00:00, with the fraction only when there is one (as the CLI prints EC2 times).</summary>
    private static string Time(DateTime t)
    {
        var utc = t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t;
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff";
        return utc.ToString(format, CultureInfo.InvariantCulture) + "+00:00";
    }
}
