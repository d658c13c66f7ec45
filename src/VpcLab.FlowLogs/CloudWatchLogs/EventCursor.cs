using System.Globalization;

namespace VpcLab.FlowLogs.CloudWatchLogs;

/// <summary>A position between two events of the store's order (timestamp, then insertion id), written as an
/// opaque token: <c>f/…</c> continues after it, <c>b/…</c> before it (AWS's GetLogEvents tokens have the same prefixes).</summary>
internal readonly record struct EventCursor(bool Forward, long Timestamp, long Id)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Forward ? 'f' : 'b')}/{Timestamp}/{Id}");

    public static EventCursor Parse(string token)
    {
        var parts = token.Split('/');
        if (parts.Length == 3 && parts[0] is "f" or "b"
            && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var timestamp)
            && long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            return new EventCursor(parts[0] == "f", timestamp, id);
        throw CloudWatchLogsErrors.Invalid("The specified nextToken is invalid.");
    }
}
