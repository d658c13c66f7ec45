using System.Globalization;

namespace VpcLab.Net;

/// <summary>An inclusive range of TCP or UDP ports.</summary>
public readonly record struct PortRange
{
    public ushort From { get; }
    public ushort To { get; }

    public PortRange(ushort from, ushort to)
    {
        if (from > to)
            throw new ArgumentException($"Port range {from}-{to} ends before it starts.", nameof(to));
        From = from;
        To = to;
    }

    public static readonly PortRange All = new(0, ushort.MaxValue);

    /// <summary>The ports clients use for replies that AWS advises NACLs to allow (spec: 1024–65535).</summary>
    public static readonly PortRange Ephemeral = new(1024, ushort.MaxValue);

    public static PortRange Single(ushort port) => new(port, port);

    public bool Contains(ushort port) => port >= From && port <= To;
    public bool IsAll => From == 0 && To == ushort.MaxValue;

    /// <summary>Parses "80", "1024-65535" or "all" ("*"); throws <see cref="FormatException"/> otherwise.</summary>
    public static PortRange Parse(string text) =>
        TryParse(text, out var range) ? range : throw new FormatException($"'{text}' is not a port or port range.");

    /// <summary>Parses "80", "1024-65535" or "all" ("*"): decimal digits only (no sign, no spaces), each port
    /// 0–65535, and a range must not end before it starts.</summary>
    public static bool TryParse(string? text, out PortRange range)
    {
        range = default;
        if (text is "all" or "*")
        {
            range = All;
            return true;
        }
        if (string.IsNullOrEmpty(text))
            return false;
        int dash = text.IndexOf('-');
        var fromText = dash < 0 ? text.AsSpan() : text.AsSpan(0, dash);
        var toText = dash < 0 ? text.AsSpan() : text.AsSpan(dash + 1);
        if (!TryParsePort(fromText, out var from) || !TryParsePort(toText, out var to) || from > to)
            return false;
        range = new PortRange(from, to);
        return true;
    }

    private static bool TryParsePort(ReadOnlySpan<char> text, out ushort port) =>
        ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port);

    public override string ToString() =>
        From == To ? From.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{From}-{To}");
}
