using VpcLab.FlowLogs.Traffic;

namespace VpcLab.FlowLogs.Tests.Traffic;

public class WorkloadParserTests
{
    private static Workload Parse(string item) => WorkloadParser.Parse("workloads:\n  - " + item + "\n", "w.yaml");

    [Fact]
    public void Reads_a_pattern_with_its_defaults()
    {
        var p = Assert.Single(Parse("{ name: web, from: 198.51.100.0/24, to: web-1, protocol: tcp, port: 443, rate: 30/min }").Patterns);
        Assert.Equal(("web", "198.51.100.0/24", "web-1", 6, (ushort)443), (p.Name, p.From, p.To, p.Protocol.Number, p.Ports.From));
        Assert.Equal(0.5, p.Schedule.PerSecond);
        Assert.Null(p.Schedule.Count);
        Assert.Equal(new PacketProfile(8, 1200), p.Request);
        Assert.False(p.IsScan);
    }

    [Fact]
    public void A_port_range_is_a_scan_with_one_connection_per_port()
    {
        var p = Assert.Single(Parse("{ name: scan, from: 198.51.100.66, to: web-1, protocol: tcp, ports: 20-29 }").Patterns);
        Assert.True(p.IsScan);
        Assert.Equal(10, p.Schedule.Count);
    }

    [Theory]
    [InlineData("{ name: a, from: x, to: y, protocol: gre, port: 1 }", "protocol 'gre'")]
    [InlineData("{ name: a, from: x, to: y, protocol: tcp }", "needs 'port'")]
    [InlineData("{ name: a, from: x, to: y, protocol: icmp, port: 3 }", "ICMP has no ports")]
    [InlineData("{ name: a, from: x, to: y, protocol: tcp, port: 70000 }", "port '70000'")]
    [InlineData("{ name: a, from: x, to: y, protocol: tcp, port: 1, rate: 5/fortnight }", "rate '5/fortnight'")]
    [InlineData("{ name: a, from: x, to: y, protocol: tcp, port: 1, rate: 1/s, connections: 3 }", "not both")]
    [InlineData("{ name: a, from: x, to: y, protocol: tcp, port: 1, start: 5m, end: 2m }", "end must come after start")]
    [InlineData("{ name: a, from: x, to: y, protocol: tcp, port: 1, duration: soon }", "duration 'soon'")]
    [InlineData("{ name: a, from: x, to: y, protocol: tcp, port: 1, request: { packets: 10, bytes: 50 } }", "fewer than 20 bytes")]
    [InlineData("{ name: a, from: x, to: y, protocol: tcp, port: 1, colour: red }", "unknown key 'colour'")]
    [InlineData("{ name: a, to: y, protocol: tcp, port: 1 }", "needs 'from'")]
    [InlineData("{ name: a, from: x, to: y, protocol: tcp, port: 1, icmp-type: 3 }", "are for ICMP")]
    [InlineData("{ name: a, from: x, to: y, protocol: icmp, icmp-code: 4 }", "'icmp-code' needs 'icmp-type'")]
    [InlineData("{ name: a, from: x, to: y, protocol: icmp, icmp-type: 300 }", "icmp-type '300' is not 0-255")]
    public void Mistakes_are_reported_with_file_line_and_problem(string item, string expected)
    {
        var e = Assert.Throws<WorkloadException>(() => Parse(item));
        Assert.StartsWith("w.yaml:2:", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    // An ICMP error carries the IP header and first 8 bytes of the packet it reports on (RFC 792: 56 bytes in all);
    // over IPv6 as much of it as fits in the minimum MTU (RFC 4443 §2.4: 1,280). An echo is ping's 84 / 104 bytes.
    [Theory]
    [InlineData("icmp", "icmp-type: 3, icmp-code: 4", 3, 4, 1, 56)]
    [InlineData("icmpv6", "icmp-type: 2", 2, 0, 1, 1280)]
    [InlineData("icmp", "icmp-type: 3, icmp-code: 4, packets: 3", 3, 4, 3, 168)]
    [InlineData("icmp", "icmp-type: 0", 0, 0, 4, 336)]
    [InlineData("icmp", "packets: 2", null, 0, 2, 168)]
    public void Icmp_type_and_code_choose_the_message_and_its_size(string protocol, string keys, int? type, int code,
        long packets, long bytes)
    {
        var p = Assert.Single(Parse($"{{ name: m, from: x, to: y, protocol: {protocol}, {keys} }}").Patterns);
        Assert.Equal((type, code), (p.IcmpType, p.IcmpCode));
        Assert.Equal(new PacketProfile(packets, bytes), p.Request);
    }

    [Fact]
    public void Duplicate_names_are_refused()
    {
        var e = Assert.Throws<WorkloadException>(() => WorkloadParser.Parse(
            "workloads:\n  - { name: a, from: x, to: y, protocol: udp, port: 53 }\n  - { name: a, from: x, to: y, protocol: udp, port: 53 }\n", "w.yaml"));
        Assert.Contains("already named 'a'", e.Message, StringComparison.Ordinal);
    }
}
