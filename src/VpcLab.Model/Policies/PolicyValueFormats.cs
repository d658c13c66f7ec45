using System.Globalization;
using VpcLab.Net;

namespace VpcLab.Model.Policies;

/// <summary>How condition values are read, shared by validation (Model) and evaluation (Engine) so that what
/// parses is what compares.</summary>
public static class PolicyValueFormats
{
    /// <summary>IpAddress/NotIpAddress take a CIDR block or a bare address (one host), IPv4 or IPv6.</summary>
    public static bool TryParseIpRange(string? text, out Cidr range)
    {
        if (Cidr.TryParse(text, out range))
            return true;
        if (IpAddress.TryParse(text, out var address))
        {
            range = Cidr.Host(address);
            return true;
        }
        return false;
    }

    public static bool TryParseNumber(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);

    /// <summary>Date operators take ISO 8601 (2026-01-01T00:00:00Z) or epoch seconds.</summary>
    public static bool TryParseDate(string? text, out DateTimeOffset value)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= 253_402_300_799)
        {
            value = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    public static bool TryParseBool(string? text, out bool value)
    {
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        value = false;
        return string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsAccountId(string? text) => text is { Length: 12 } && text.All(char.IsAsciiDigit);
}
