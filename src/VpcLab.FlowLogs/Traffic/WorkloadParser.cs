using System.Collections.Immutable;
using System.Globalization;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>Reads the <c>workloads:</c> section of a scenario (the control plane keeps it as written in
/// <see cref="ScenarioDocument.Workloads"/>) through the scenario reader's own <see cref="YamlMap"/>, so both halves of
/// a scenario file are read by one YAML reader with the same file:line errors.</summary>
public static class WorkloadParser
{
    /// <summary>A scenario file's workloads (the whole file is read as a scenario).</summary>
    public static Workload ParseFile(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>The workloads of a YAML document in the scenario syntax (a scenario, or just a <c>workloads:</c>
    /// list); <see cref="Workload.Empty"/> when it has none.</summary>
    /// <exception cref="WorkloadException">Not valid YAML, not the scenario syntax, or a workload mistake.</exception>
    public static Workload Parse(string yaml, string file)
    {
        ScenarioDocument document;
        try
        {
            document = ScenarioParser.Parse(yaml, file);
        }
        catch (ScenarioException e)
        {
            throw new WorkloadException(e.Message, e);
        }
        return Read(document, file);
    }

    /// <summary>The workloads of a scenario already read (by the loader); <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="WorkloadException">A workload mistake, with its file and line.</exception>
    public static Workload Read(ScenarioDocument document, string file)
    {
        ArgumentNullException.ThrowIfNull(document);
        ImmutableArray<TrafficPattern> patterns;
        try
        {
            patterns = YamlMap.ReadList(document.Workloads, file, "workloads", "workload", ReadPattern) ?? [];
        }
        catch (ScenarioException e)
        {
            throw new WorkloadException(e.Message, e);
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            if (!names.Add(pattern.Name))
                throw new WorkloadException($"{file}:{pattern.Line}: another workload is already named '{pattern.Name}'");
        }
        return new Workload(patterns);
    }

    /// <summary>One workload's keys as written; checked against each other once every key is known.</summary>
    private sealed record Fields(
        string Name, string From, string To, string Protocol, string? Port, string? Ports, string? Connections, string? Rate,
        string? Start, string? End, string? Duration, string? Packets, string? Bytes, string? Attempts,
        PacketProfile? Request, PacketProfile? Response)
    {
        public string? IcmpType { get; init; }
        public string? IcmpCode { get; init; }
    }

    private static TrafficPattern ReadPattern(YamlMap m)
    {
        var name = m.RequiredString("name", "a workload");
        var fields = new Fields(
            name, m.RequiredString("from", "a workload"), m.RequiredString("to", "a workload"), m.String("protocol") ?? "tcp",
            m.String("port"), m.String("ports"), m.String("connections"), m.String("rate"), m.String("start"), m.String("end"),
            m.String("duration"), m.String("packets"), m.String("bytes"), m.String("attempts"),
            Profile(m, "request", name), Profile(m, "response", name))
        {
            IcmpType = m.String("icmp-type"),
            IcmpCode = m.String("icmp-code"),
        };
        m.RejectUnknownKeys("a workload");
        return Build(m, fields);
    }

    private static TrafficPattern Build(YamlMap m, Fields f)
    {
        var name = f.Name;
        if (!IpProtocol.TryParse(f.Protocol, out var protocol) || protocol.Number is not (6 or 17 or 1 or 58))
            throw m.Error($"workload '{name}': protocol '{f.Protocol}' is not tcp, udp or icmp");
        var ports = Ports(m, f, protocol);

        int? count = null;
        double? rate = null;
        if (f.Connections is { } c)
            count = int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                : throw m.Error($"workload '{name}': connections '{c}' is not a positive whole number");
        if (f.Rate is { } rt)
            rate = ParseRate(rt) ?? throw m.Error($"workload '{name}': rate '{rt}' is not like 10/s, 30/min or 100/h");
        if (count is not null && rate is not null)
            throw m.Error($"workload '{name}': give 'connections' or 'rate', not both");
        if (count is null && rate is null)
            count = ports.From != ports.To ? ports.To - ports.From + 1 : 1;

        var start = Duration(m, name, f.Start, "start") ?? TimeSpan.Zero;
        var end = Duration(m, name, f.End, "end");
        if (end is { } e && e <= start)
            throw m.Error($"workload '{name}': end must come after start");
        var duration = Duration(m, name, f.Duration, "duration") ?? TimeSpan.FromSeconds(protocol.IsIcmp ? 3 : 1);

        var (icmpType, icmpCode) = IcmpTypeCode(m, f, protocol);
        var (request, response) = Defaults(protocol);
        if (icmpType is { } t && FlowKey.IsIcmpErrorType(protocol, t))
            request = new PacketProfile(1, IcmpPacketBytes(protocol, t));
        if (protocol.IsIcmp && f.Packets is { } pk)
        {
            long n = Long(m, name, pk, "packets");
            request = response = new PacketProfile(n, n * IcmpPacketBytes(protocol, icmpType));
        }
        else if (f.Packets is not null || f.Bytes is not null)
            throw m.Error($"workload '{name}': 'packets' is for ICMP; use request/response for TCP and UDP");
        int attempts = f.Attempts is { } at
            ? int.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a is >= 1 and <= 10 ? a
                : throw m.Error($"workload '{name}': attempts '{at}' is not 1-10")
            : 1;

        return new TrafficPattern(name, m.Line, f.From, f.To, protocol, ports,
            new ConnectionSchedule(start, end, count, rate), f.Request ?? request, f.Response ?? response, duration)
        {
            Attempts = attempts,
            IcmpType = icmpType,
            IcmpCode = icmpCode,
        };
    }

    /// <summary><c>icmp-type</c> and <c>icmp-code</c> (0–255, ICMP and ICMPv6 only); no type is an echo request.</summary>
    private static (int? Type, int Code) IcmpTypeCode(YamlMap m, Fields f, IpProtocol protocol)
    {
        if (f.IcmpType is null && f.IcmpCode is null)
            return (null, 0);
        if (!protocol.IsIcmp)
            throw m.Error($"workload '{f.Name}': 'icmp-type' and 'icmp-code' are for ICMP");
        if (f.IcmpType is null)
            throw m.Error($"workload '{f.Name}': 'icmp-code' needs 'icmp-type'");
        return (Byte(f.IcmpType, "icmp-type"), f.IcmpCode is null ? 0 : Byte(f.IcmpCode, "icmp-code"));

        int Byte(string text, string key) =>
            byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
                : throw m.Error($"workload '{f.Name}': {key} '{text}' is not 0-255");
    }

    /// <summary>Bytes of one ICMP packet: ping's echo carries 56 bytes of data (84 in all over IPv4, 104 over IPv6); an
    /// error carries the IP header and first 8 bytes of the packet it reports on over IPv4 (56 in all, RFC 792) and as
    /// much of it as fits in IPv6's minimum MTU over IPv6 (1,280, RFC 4443 §2.4).</summary>
    private static long IcmpPacketBytes(IpProtocol protocol, int? type)
    {
        bool v6 = protocol.Number == 58;
        if (type is { } t && FlowKey.IsIcmpErrorType(protocol, t))
            return v6 ? 1_280 : 56;
        return v6 ? 104 : 84;
    }

    private static PortRange Ports(YamlMap m, Fields f, IpProtocol protocol)
    {
        if (protocol.IsIcmp)
        {
            return f.Port is null && f.Ports is null ? new PortRange(0, 0) : throw m.Error($"workload '{f.Name}': ICMP has no ports");
        }
        if (f.Port is not null && f.Ports is not null)
            throw m.Error($"workload '{f.Name}': give 'port' or 'ports', not both");
        if (f.Port is { } port)
            return ushort.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0
                ? new PortRange(p, p) : throw m.Error($"workload '{f.Name}': port '{port}' is not 1-65535");
        if (f.Ports is { } range)
            return PortRange.TryParse(range, out var r) && r.From > 0 ? r : throw m.Error($"workload '{f.Name}': ports '{range}' is not a range like 1-1024");
        throw m.Error($"workload '{f.Name}' needs 'port' (or 'ports' for a scan)");
    }

    private static TimeSpan? Duration(YamlMap m, string name, string? text, string key) =>
        text is null ? null : TrafficDuration.Parse(text) ?? throw m.Error($"workload '{name}': {key} '{text}' is not a duration like 30s, 5m or 1h");

    private static long Long(YamlMap m, string name, string text, string key) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v
            : throw m.Error($"workload '{name}': {key} '{text}' is not a positive whole number");

    /// <summary><c>request:</c> or <c>response:</c>, a mapping of packets and bytes; null when absent.</summary>
    private static PacketProfile? Profile(YamlMap workload, string key, string name)
    {
        if (workload.Map(key, $"workload '{name}': '{key}'") is not { } m)
            return null;
        var packetsText = m.String("packets");
        var bytesText = m.String("bytes");
        m.RejectUnknownKeys($"'{key}' of workload '{name}'");
        long packets = packetsText is null ? 0 : Long(m, name, packetsText, key + ".packets");
        long bytes = bytesText is null ? 0 : Long(m, name, bytesText, key + ".bytes");
        if (packets == 0 || bytes == 0)
            throw m.Error($"workload '{name}': '{key}' needs both packets and bytes");
        if (bytes < packets * 20)
            throw m.Error($"workload '{name}': '{key}' has fewer than 20 bytes per packet (an IPv4 header alone is 20)");
        return new PacketProfile(packets, bytes);
    }

    /// <summary>Defaults: a small HTTPS-like exchange for TCP, one datagram each way for UDP, four pings for ICMP.</summary>
    private static (PacketProfile Request, PacketProfile Response) Defaults(IpProtocol protocol) => protocol.Number switch
    {
        6 => (new PacketProfile(8, 1_200), new PacketProfile(10, 9_000)),
        17 => (new PacketProfile(1, 80), new PacketProfile(1, 120)),
        58 => (new PacketProfile(4, 416), new PacketProfile(4, 416)),
        _ => (new PacketProfile(4, 336), new PacketProfile(4, 336)),
    };

    /// <summary>10/s, 30/min, 100/h as connections per second.</summary>
    public static double? ParseRate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
            return null;
        return parts[1] switch
        {
            "s" or "sec" => n,
            "m" or "min" => n / 60,
            "h" or "hour" => n / 3600,
            _ => null,
        };
    }
}
