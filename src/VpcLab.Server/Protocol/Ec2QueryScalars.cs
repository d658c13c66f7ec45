using System.Globalization;
using System.Text.Json.Nodes;

namespace VpcLab.Server.Protocol;

/// <summary>One scalar of an EC2 Query request: the wire text of a leaf parameter turned into the JSON value its
/// shape's type says (integers, booleans, numbers, ISO 8601 timestamps, base64 blobs), or refused naming the key
/// and what was expected. The serializer reads timestamps back with the same rule.</summary>
internal static class Ec2QueryScalars
{
    public static JsonValue Convert(Ec2Shape shape, string key, string value)
    {
        switch (shape.Type)
        {
            case Ec2ShapeType.String:
                return JsonValue.Create(value);
            case Ec2ShapeType.Integer:
                return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                    ? JsonValue.Create(i)
                    : throw Ec2ProtocolErrors.InvalidValue(key, value, "expected an integer");
            case Ec2ShapeType.Long:
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? JsonValue.Create(l)
                    : throw Ec2ProtocolErrors.InvalidValue(key, value, "expected an integer");
            case Ec2ShapeType.Boolean:
                // Choice (docs/semantics.md#booleans): true/false in any letter case.
                if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
                    return JsonValue.Create(true);
                if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
                    return JsonValue.Create(false);
                throw Ec2ProtocolErrors.InvalidValue(key, value, "expected true or false");
            case Ec2ShapeType.Double:
            case Ec2ShapeType.Float:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                    ? JsonValue.Create(d)
                    : throw Ec2ProtocolErrors.InvalidValue(key, value, "expected a number");
            case Ec2ShapeType.Timestamp:
                return TryParseTimestamp(value, out var t)
                    ? JsonValue.Create(t)
                    : throw Ec2ProtocolErrors.InvalidValue(key, value, "expected an ISO 8601 timestamp such as 2016-11-15T00:00:00Z");
            case Ec2ShapeType.Blob:
                // Blobs travel base64-encoded; keep the text, after checking it decodes.
                return IsBase64(value)
                    ? JsonValue.Create(value)
                    : throw Ec2ProtocolErrors.InvalidValue(key, value, "expected base64");
            default:
                throw new InvalidOperationException($"not a scalar shape: {shape}");
        }
    }

    /// <summary>ISO 8601 as botocore (<c>2016-11-15T00:00:00Z</c>, with optional fraction) and the .NET
    /// SDK (<c>.fffZ</c>) send it; an offset is converted to UTC, no offset means UTC.</summary>
    public static bool TryParseTimestamp(string value, out DateTime utc)
    {
        utc = default;
        if (value.Length is < 10 or > 40 || !char.IsAsciiDigit(value[0]))
            return false;
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dto))
            return false;
        utc = dto.UtcDateTime;
        return true;
    }

    private static bool IsBase64(string value)
    {
        var buffer = new byte[(value.Length / 4 * 3) + 3];
        return System.Convert.TryFromBase64String(value, buffer, out _);
    }
}
