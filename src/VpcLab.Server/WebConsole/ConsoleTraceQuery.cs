using Microsoft.AspNetCore.Http;
using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.Server.WebConsole;

/// <summary>The flow the console's trace form asks about (<c>?from=&amp;to=&amp;protocol=&amp;port=</c>, optional
/// <c>icmpType</c>, <c>icmpCode</c>, <c>ipv6</c>) as the engine's <see cref="TraceRequest"/>, with the endpoints
/// resolved by the same <see cref="EndpointResolver"/> as <c>vpclab trace</c> (a name, id, address or DNS name).
/// Bad input is a <see cref="TraceRequestException"/> naming the field.</summary>
public static class ConsoleTraceQuery
{
    public static TraceRequest Parse(IQueryCollection query, EndpointResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(resolver);
        var protocolText = query["protocol"].ToString() is { Length: > 0 } p ? p : "tcp";
        if (!IpProtocol.TryParse(protocolText, out var protocol) || protocol.IsAll)
            throw new TraceRequestException($"protocol: '{protocolText}' is not tcp, udp, icmp, icmpv6 or a protocol number.");
        var port = Number(query, "port", ushort.MaxValue);
        if (protocol.HasPorts && port is null)
            throw new TraceRequestException($"port: a destination port is required for {protocol.Name}.");
        var source = resolver.Resolve(query["from"].ToString());
        // A DNS name as destination is resolved by the source VPC's Amazon DNS resolver, as `vpclab trace` does.
        var destination = resolver.Resolve(query["to"].ToString(), source);
        bool ipv6 = query["ipv6"].ToString() is "true" or "1" or "on";
        return new TraceRequest(source, destination, protocol, protocol.HasPorts ? (ushort)port!.Value : (ushort)0,
            FlowKey.DefaultEphemeralPort, ipv6 ? IpFamily.V6 : null)
        {
            IcmpType = protocol.IsIcmp ? Number(query, "icmpType", 255) : null,
            IcmpCode = protocol.IsIcmp ? Number(query, "icmpCode", 255) ?? 0 : 0,
        };
    }

    private static int? Number(IQueryCollection query, string name, int max)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
            return null;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value <= max
            ? value
            : throw new TraceRequestException($"{name}: '{text}' is not a number from 0 to {max}.");
    }
}
