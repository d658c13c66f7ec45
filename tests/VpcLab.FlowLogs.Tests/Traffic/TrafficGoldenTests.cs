using System.Globalization;
using VpcLab.FlowLogs.Traffic;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>Exact flow log records produced by simulated traffic on the shipped scenarios, for each special case of
/// flow-logs.md. Ports are the run's own (seeded); every other field is what AWS's rules give.</summary>
public class TrafficGoldenTests
{
    private static string[] Fields(string line) => line.Split(' ');

    // flow-logs.md §4: SG allows inbound ICMP, NACL allows it in but not out → exactly ACCEPT then REJECT. AWS's example
    // prints each direction as one record of 4 packets, 1432917027–1432917142 (May 2015, before Nitro); host is an
    // instance, modelled as Nitro, so its records are cut into 60-s windows whatever host-log's 600 asks
    // (docs/semantics.md#flow-log-windows): the same 4 packets and 336 bytes, in three windows per direction.
    [Fact]
    public void Ping_example_gives_exactly_an_accept_then_a_reject()
    {
        var lab = new TrafficLab("ping-flow-logs");
        var result = lab.Run(TimeSpan.FromMinutes(5), "ping");
        var eni = lab.InterfaceOf("host").Id.Value;
        Assert.Equal(
        [
            $"2 123456789010 {eni} 203.0.113.12 172.31.16.139 0 0 1 1 84 1432917027 1432917027 ACCEPT OK",
            $"2 123456789010 {eni} 172.31.16.139 203.0.113.12 0 0 1 1 84 1432917027 1432917027 REJECT OK",
            $"2 123456789010 {eni} 203.0.113.12 172.31.16.139 0 0 1 2 168 1432917065 1432917104 ACCEPT OK",
            $"2 123456789010 {eni} 172.31.16.139 203.0.113.12 0 0 1 2 168 1432917065 1432917104 REJECT OK",
            $"2 123456789010 {eni} 203.0.113.12 172.31.16.139 0 0 1 1 84 1432917142 1432917142 ACCEPT OK",
            $"2 123456789010 {eni} 172.31.16.139 203.0.113.12 0 0 1 1 84 1432917142 1432917142 REJECT OK",
        ], lab.Lines(result, lab.FlowLog("host-log")));
    }

    // flow-logs.md §2.4: the NAT gateway's interface logs four legs; its own private address stands on its side.
    [Fact]
    public void Nat_gateway_interface_logs_four_legs_with_packet_addresses()
    {
        var lab = new TrafficLab("seed");
        var nat = lab.NatInterface("nat-a");
        var log = lab.AddFlowLog(nat.Id.Value, "NetworkInterface", "${instance-id} ${interface-id} ${srcaddr} ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr}");
        var result = lab.Run(TimeSpan.FromMinutes(1), "app-updates");
        var app = lab.InterfaceOf("app-1").PrimaryPrivateIp;
        var n = nat.PrimaryPrivateIp;
        const string host = "203.0.113.80";
        Assert.Equal(
            new[]
            {
                $"- {nat.Id} {app} {n} {app} {host}",
                $"- {nat.Id} {n} {host} {n} {host}",
                $"- {nat.Id} {host} {n} {host} {n}",
                $"- {nat.Id} {n} {app} {host} {app}",
            }.Order(StringComparer.Ordinal),
            lab.Lines(result, log).Distinct().Order(StringComparer.Ordinal));
        // 4 connections (4/min for a minute), 4 legs each; a connection that runs into the next minute's window
        // writes its legs again there.
        int lines = lab.Lines(result, log).Length;
        Assert.True(lines >= 16 && lines % 4 == 0, $"{lines} lines");
    }

    // flow-logs.md §2.6: a public AWS address is named by its service; egress to the internet gateway is path 8.
    [Fact]
    public void S3_through_the_nat_gateway_names_the_service_and_the_path()
    {
        var lab = new TrafficLab("seed");
        var result = lab.Run(TimeSpan.FromMinutes(1), "app-to-s3");
        var nat = lab.NatInterface("nat-a");
        var lines = lab.Lines(result, lab.FlowLog("public-a-cwl"), nat.Id.Value);
        Assert.Equal(8, lines.Length); // 2 connections × 4 legs
        var toS3 = lines.Select(Fields).Where(f => f[3] == "52.216.8.12").ToArray();
        Assert.Equal(2, toS3.Length);
        foreach (var f in toS3)
        {
            // version interface srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
            // pkt-srcaddr pkt-dstaddr pkt-dst-aws-service flow-direction traffic-path
            Assert.Equal(["5", nat.Id.Value, nat.PrimaryPrivateIp.ToString(), "52.216.8.12"], f[..4]);
            Assert.Equal(["443", "6", "40", "52000"], f[5..9]);
            Assert.Equal(["ACCEPT", "OK", nat.PrimaryPrivateIp.ToString(), "52.216.8.12", "S3", "egress", "8"], f[11..]);
        }
        var fromS3 = lines.Select(Fields).Where(f => f[2] == "52.216.8.12").ToArray();
        Assert.All(fromS3, f => Assert.Equal(["-", "ingress", "-"], f[15..]));
    }

    // flow-logs.md §2.5: IPv6 leaves through the egress-only internet gateway (path 8); the reply is ingress.
    [Fact]
    public void Ipv6_through_the_egress_only_gateway()
    {
        var lab = new TrafficLab("seed");
        var app = lab.InterfaceOf("app-1");
        var log = lab.AddFlowLog(app.Id.Value, "NetworkInterface", "${version} ${type} ${srcaddr} ${dstaddr} ${flow-direction} ${traffic-path} ${tcp-flags} ${packets} ${bytes} ${action}");
        var result = lab.Run(TimeSpan.FromMinutes(1), "app-ipv6-out");
        var v6 = app.Ipv6Addresses[0];
        Assert.Equal(
        [
            $"5 IPv6 {v6} 2001:db8:cafe::443 egress 8 3 8 1200 ACCEPT",
            $"5 IPv6 2001:db8:cafe::443 {v6} ingress - 19 10 9000 ACCEPT",
        ], lab.Lines(result, log).Order(StringComparer.Ordinal).Reverse());
    }

    // flow-logs.md §4: an inbound scan the security group refuses is one REJECT per port on the target only.
    [Fact]
    public void Rejected_inbound_scan_is_one_reject_per_port_on_the_target()
    {
        var lab = new TrafficLab("seed");
        var result = lab.Run(TimeSpan.FromMinutes(15), "rdp-scan");
        var web = lab.InterfaceOf("web-1");
        var lines = lab.Lines(result, lab.FlowLog("vpc-all"));
        Assert.Equal(20, lines.Length);
        var fields = lines.Select(Fields).ToArray();
        Assert.All(fields, f =>
        {
            Assert.Equal(web.Id.Value, f[2]);
            Assert.Equal("198.51.100.66", f[3]);
            Assert.Equal(web.PrimaryPrivateIp.ToString(), f[4]);
            Assert.Equal(["6", "1", "60"], f[7..10]);
            Assert.Equal(["REJECT", "OK"], f[12..14]);
            Assert.Equal(["2", "IPv4", "ingress", "-"], new[] { f[17], f[18], f[27], f[28] }); // tcp-flags type flow-direction traffic-path
            long start = long.Parse(f[10], CultureInfo.InvariantCulture);
            Assert.InRange(start, TrafficLab.Start.ToUnixTimeSeconds() + 600, TrafficLab.Start.ToUnixTimeSeconds() + 660);
        });
        Assert.Equal(Enumerable.Range(3380, 20).Select(p => p.ToString(CultureInfo.InvariantCulture)), fields.Select(f => f[6]).Order(StringComparer.Ordinal));
    }

    // flow-logs.md §3: the Amazon DNS resolver and Amazon Time Sync are never logged.
    [Fact]
    public void Resolver_and_time_sync_traffic_is_absent()
    {
        var lab = new TrafficLab("seed");
        var result = lab.Run(TimeSpan.FromMinutes(10), "dns-lookups", "time-sync");
        Assert.Equal(20, result.Connections);
        Assert.Equal(0, result.RecordCount);
        Assert.Equal(10, result.Skipped); // time sync is skipped before the engine; the resolver is left out by it
    }

    // flow-logs.md §1: several flow logs may watch one interface; each writes its own records in its own format.
    [Fact]
    public void Two_flow_logs_on_one_interface_each_write_their_format()
    {
        var lab = new TrafficLab("seed");
        var result = lab.Run(TimeSpan.FromMinutes(2), "web-users");
        var web = lab.InterfaceOf("web-1").Id.Value;
        var v2 = lab.Lines(result, lab.FlowLog("vpc-all"), web).Select(Fields).ToArray();
        var v5 = lab.Lines(result, lab.FlowLog("public-a-cwl"), web).Select(Fields).ToArray();
        Assert.True(v2.Length >= 240, $"{v2.Length}"); // 120 connections, in and out (more where one spans two windows)
        Assert.Equal(v2.Length, v5.Length);
        Assert.All(v2, f => Assert.Equal(29, f.Length));
        Assert.All(v2, f => Assert.Equal("5", f[0]));
        Assert.All(v5, f => Assert.Equal(18, f.Length));
        // Same traffic: srcaddr..end of the full format equal srcaddr..end of the shorter one.
        Assert.Equal(v2.Select(f => string.Join(' ', f[3..12])).Order(StringComparer.Ordinal),
            v5.Select(f => string.Join(' ', f[2..11])).Order(StringComparer.Ordinal));
    }

    // AWS: NACLs are stateless; the database's reply to app-b is refused, so app-b keeps retrying its SYN.
    [Fact]
    public void Reject_only_flow_log_keeps_the_refused_replies()
    {
        var lab = new TrafficLab("seed");
        var result = lab.Run(TimeSpan.FromMinutes(1), "app-b-to-db");
        var db = lab.InterfaceOf("db-1");
        var lines = lab.Lines(result, lab.FlowLog("db-rejects"));
        Assert.Equal(2, lines.Length);
        Assert.All(lines.Select(Fields), f =>
        {
            Assert.Equal(db.Id.Value, f[1]);
            Assert.Equal(db.PrimaryPrivateIp.ToString(), f[2]);
            // packets bytes ... action tcp-flags flow-direction traffic-path: 3 SYN-ACKs, all refused
            Assert.Equal(["3", "180"], f[7..9]);
            Assert.Equal(["REJECT", "18", "egress", "-", "OK"], f[11..]);
        });
    }
}
