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

    /// <summary>Parses "80", "1024-65535" or "all".</summary>
    public static PortRange Parse(string text)
    {
        if (text is "all" or "*")
            return All;
        int dash = text.IndexOf('-');
        if (dash < 0)
            return Single(ushort.Parse(text, CultureInfo.InvariantCulture));
        var from = ushort.Parse(text.AsSpan(0, dash), CultureInfo.InvariantCulture);
        var to = ushort.Parse(text.AsSpan(dash + 1), CultureInfo.InvariantCulture);
        return new PortRange(from, to);
    }

    public override string ToString() =>
        From == To ? From.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{From}-{To}");
}
