using System.Globalization;
using Microsoft.AspNetCore.Http;
using VpcLab.Net;
using VpcLab.Query;

namespace VpcLab.Server.WebConsole;

/// <summary>The flow-log view's filters from the query string (<c>interface</c>, <c>action</c>, <c>address</c>,
/// <c>port</c>, <c>from</c>, <c>to</c>; empty means not filtered) as the Query layer's <see cref="FlowLogFilter"/>.
/// Times are Unix seconds (as the records' <c>start</c> and <c>end</c>) or ISO 8601 (UTC when no offset is given).
/// Bad input is a <see cref="FormatException"/> naming the field.</summary>
public static class ConsoleFlowLogFilter
{
    public static FlowLogFilter Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Text(string name) => query[name].ToString().Trim() is { Length: > 0 } t ? t : null;
        var action = Text("action")?.ToUpperInvariant();
        if (action is not null && !FlowLogFilter.Actions.Contains(action))
            throw new FormatException($"action: '{Text("action")}' is not ACCEPT or REJECT.");
        string? address = null;
        if (Text("address") is { } a)
            address = IpAddress.TryParse(a, out var ip) ? ip.ToString() : throw new FormatException($"address: '{a}' is not an IP address.");
        int? port = null;
        if (Text("port") is { } p)
        {
            port = int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= ushort.MaxValue
                ? n : throw new FormatException($"port: '{p}' is not a number from 0 to 65535.");
        }
        var from = Time(Text("from"), "from");
        var to = Time(Text("to"), "to");
        if (from is not null && to is not null && to <= from)
            throw new FormatException("to: the window ends before it starts.");
        return new FlowLogFilter(Text("interface"), action, address, port, from, to);
    }

    private static long? Time(string? text, string name)
    {
        if (text is null)
            return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return seconds;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUnixTimeSeconds()
            : throw new FormatException($"{name}: '{text}' is neither Unix seconds nor an ISO 8601 time.");
    }
}
