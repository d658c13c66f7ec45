using System.Collections.Immutable;
using System.Globalization;
using VpcLab.Net;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>Reads the <c>workloads:</c> section of a scenario file (the control plane ignores it). Every mistake is
/// reported with its file and line.</summary>
public static class WorkloadParser
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        "name", "from", "to", "protocol", "port", "ports", "connections", "rate", "start", "end", "duration",
        "request", "response", "attempts", "packets", "bytes",
    };

    public static Workload ParseFile(string path) => Parse(File.ReadAllText(path), path);

    public static Workload Parse(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new WorkloadException($"{file}:{e.Start.Line}: {e.Message}", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("workloads"), out var section))
            return Workload.Empty;
        if (section is not YamlSequenceNode list)
            throw new WorkloadException($"{file}:{section.Start.Line}: 'workloads' must be a list");
        var patterns = ImmutableArray.CreateBuilder<TrafficPattern>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            var pattern = ParsePattern(item, file);
            if (!names.Add(pattern.Name))
                throw new WorkloadException($"{file}:{pattern.Line}: another workload is already named '{pattern.Name}'");
            patterns.Add(pattern);
        }
        return new Workload(patterns.ToImmutable());
    }

    private static TrafficPattern ParsePattern(YamlNode node, string file)
    {
        int line = (int)node.Start.Line;
        if (node is not YamlMappingNode map)
            throw new WorkloadException($"{file}:{line}: a workload must be a mapping (key: value)");
        WorkloadException Error(YamlNode at, string message) => new($"{file}:{at.Start.Line}: {message}");
        foreach (var key in map.Children.Keys)
        {
            var k = ((YamlScalarNode)key).Value ?? "";
            if (!Keys.Contains(k))
                throw Error(key, $"unknown key '{k}' in a workload (known: {string.Join(", ", Keys.Order(StringComparer.Ordinal))})");
        }
        string? Text(string key)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var v))
                return null;
            return v is YamlScalarNode s ? s.Value : throw Error(v, $"'{key}' must be a single value");
        }
        string Required(string key) => Text(key) is { Length: > 0 } v ? v : throw Error(map, $"a workload needs '{key}'");

        var name = Required("name");
        var protocolText = Text("protocol") ?? "tcp";
        if (!IpProtocol.TryParse(protocolText, out var protocol) || protocol.Number is not (6 or 17 or 1 or 58))
            throw Error(map, $"workload '{name}': protocol '{protocolText}' is not tcp, udp or icmp");

        PortRange ports;
        var portText = Text("port");
        var portsText = Text("ports");
        if (protocol.IsIcmp)
        {
            if (portText is not null || portsText is not null)
                throw Error(map, $"workload '{name}': ICMP has no ports");
            ports = new PortRange(0, 0);
        }
        else if (portText is not null && portsText is not null)
            throw Error(map, $"workload '{name}': give 'port' or 'ports', not both");
        else if (portText is not null)
            ports = ushort.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0
                ? new PortRange(p, p) : throw Error(map, $"workload '{name}': port '{portText}' is not 1-65535");
        else if (portsText is not null)
            ports = PortRange.TryParse(portsText, out var r) && r.From > 0 ? r : throw Error(map, $"workload '{name}': ports '{portsText}' is not a range like 1-1024");
        else
            throw Error(map, $"workload '{name}' needs 'port' (or 'ports' for a scan)");

        int? count = null;
        double? rate = null;
        if (Text("connections") is { } c)
            count = int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                : throw Error(map, $"workload '{name}': connections '{c}' is not a positive whole number");
        if (Text("rate") is { } rt)
            rate = ParseRate(rt) ?? throw Error(map, $"workload '{name}': rate '{rt}' is not like 10/s, 30/min or 100/h");
        if (count is not null && rate is not null)
            throw Error(map, $"workload '{name}': give 'connections' or 'rate', not both");
        if (count is null && rate is null)
            count = ports.From != ports.To ? ports.To - ports.From + 1 : 1;

        var start = Duration(Text("start"), "start") ?? TimeSpan.Zero;
        var end = Duration(Text("end"), "end");
        if (end is { } e && e <= start)
            throw Error(map, $"workload '{name}': end must come after start");
        var duration = Duration(Text("duration"), "duration") ?? TimeSpan.FromSeconds(protocol.IsIcmp ? 3 : 1);

        var (request, response) = Defaults(protocol);
        if (protocol.IsIcmp && Text("packets") is { } pk)
        {
            long n = Long(pk, "packets");
            request = response = new PacketProfile(n, n * (protocol.Number == 58 ? 104 : 84));
        }
        else if (Text("packets") is not null || Text("bytes") is not null)
            throw Error(map, $"workload '{name}': 'packets' is for ICMP; use request/response for TCP and UDP");
        request = Profile("request") ?? request;
        response = Profile("response") ?? response;
        int attempts = Text("attempts") is { } at
            ? int.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a is >= 1 and <= 10 ? a
                : throw Error(map, $"workload '{name}': attempts '{at}' is not 1-10")
            : 1;

        return new TrafficPattern(name, (int)map.Start.Line, Required("from"), Required("to"), protocol, ports,
            new ConnectionSchedule(start, end, count, rate), request, response, duration) { Attempts = attempts };

        TimeSpan? Duration(string? text, string key) =>
            text is null ? null : ParseDuration(text) ?? throw Error(map, $"workload '{name}': {key} '{text}' is not a duration like 30s, 5m or 1h");

        long Long(string text, string key) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v
                : throw Error(map, $"workload '{name}': {key} '{text}' is not a positive whole number");

        PacketProfile? Profile(string key)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var v))
                return null;
            if (v is not YamlMappingNode m)
                throw Error(v, $"workload '{name}': '{key}' must be a mapping like {{packets: 10, bytes: 4000}}");
            long packets = 0, bytes = 0;
            foreach (var (k, val) in m.Children)
            {
                var field = ((YamlScalarNode)k).Value;
                var text = (val as YamlScalarNode)?.Value ?? "";
                if (field == "packets")
                    packets = Long(text, key + ".packets");
                else if (field == "bytes")
                    bytes = Long(text, key + ".bytes");
                else
                    throw Error(k, $"workload '{name}': unknown key '{field}' in '{key}' (known: packets, bytes)");
            }
            if (packets == 0 || bytes == 0)
                throw Error(v, $"workload '{name}': '{key}' needs both packets and bytes");
            if (bytes < packets * 20)
                throw Error(v, $"workload '{name}': '{key}' has fewer than 20 bytes per packet (an IPv4 header alone is 20)");
            return new PacketProfile(packets, bytes);
        }
    }

    /// <summary>Defaults: a small HTTPS-like exchange for TCP, one datagram each way for UDP, four pings for ICMP.</summary>
    private static (PacketProfile Request, PacketProfile Response) Defaults(IpProtocol protocol) => protocol.Number switch
    {
        6 => (new PacketProfile(8, 1_200), new PacketProfile(10, 9_000)),
        17 => (new PacketProfile(1, 80), new PacketProfile(1, 120)),
        58 => (new PacketProfile(4, 416), new PacketProfile(4, 416)),
        _ => (new PacketProfile(4, 336), new PacketProfile(4, 336)),
    };

    /// <summary>30s, 5m, 1h, 1h30m, 2d or a number of seconds.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
            return plain >= 0 ? TimeSpan.FromSeconds(plain) : null;
        var total = TimeSpan.Zero;
        int i = 0;
        bool any = false;
        while (i < text.Length)
        {
            int j = i;
            while (j < text.Length && (char.IsAsciiDigit(text[j]) || text[j] == '.'))
                j++;
            if (j == i || !double.TryParse(text.AsSpan(i, j - i), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                return null;
            int k = j;
            while (k < text.Length && char.IsAsciiLetter(text[k]))
                k++;
            var unit = text[j..k];
            total += unit switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" or "min" => TimeSpan.FromMinutes(n),
                "h" => TimeSpan.FromHours(n),
                "d" => TimeSpan.FromDays(n),
                _ => TimeSpan.MinValue,
            };
            if (total < TimeSpan.Zero)
                return null;
            any = true;
            i = k;
        }
        return any ? total : null;
    }

    /// <summary>10/s, 30/min, 100/h as connections per second.</summary>
    public static double? ParseRate(string text)
    {
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
