namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>Flow logs across VPC peerings (flow-logs.md §2.5): egress over an intra-Region peering is traffic-path 4,
/// over an inter-Region one 5; the peer's interface records the ingress; the reply's egress takes the same path.</summary>
public class PeeringTrafficTests
{
    private const string Format = "${flow-direction} ${traffic-path} ${srcaddr} ${dstaddr} ${dstport} ${action}";

    [Theory]
    [InlineData("app-a", "svc-b", 443, "4")] // a-b: both in us-east-1
    [InlineData("svc-b", "db-c", 5432, "5")] // b-c: us-east-1 to eu-west-1
    public void Peering_egress_carries_the_peering_traffic_path(string from, string to, int port, string path)
    {
        var lab = new TrafficLab("peering");
        var source = lab.InterfaceOf(from);
        var target = lab.InterfaceOf(to);
        var sourceLog = lab.AddFlowLog(source.Id.Value, "NetworkInterface", Format, "source-logs");
        var targetLog = lab.AddFlowLog(target.Id.Value, "NetworkInterface", Format, "target-logs");
        var result = lab.RunYaml(TimeSpan.FromMinutes(1),
            $"workloads:\n  - {{ name: p, from: {from}, to: {to}, protocol: tcp, port: {port}, connections: 1, start: 10s, end: 11s }}\n");
        string s = source.PrimaryPrivateIp.ToString(), t = target.PrimaryPrivateIp.ToString();
        Assert.Equal([$"egress {path} {s} {t} {port} ACCEPT"], lab.Lines(result, sourceLog).Where(l => l.StartsWith("egress", StringComparison.Ordinal)));
        Assert.Equal([$"ingress - {s} {t} {port} ACCEPT"], lab.Lines(result, targetLog).Where(l => l.StartsWith("ingress", StringComparison.Ordinal)));
        Assert.Single(lab.Lines(result, targetLog), l => l.StartsWith($"egress {path} {t} {s}", StringComparison.Ordinal));
    }

    // Peering is not transitive: app-a's packet to vpc-c leaves app-a (ACCEPT there, path 4) and goes no further.
    [Fact]
    public void A_transitive_attempt_is_seen_only_leaving_its_source()
    {
        var lab = new TrafficLab("peering");
        var source = lab.InterfaceOf("app-a");
        var target = lab.InterfaceOf("db-c");
        var log = lab.AddFlowLog(source.Id.Value, "NetworkInterface", Format, "source-logs");
        var targetLog = lab.AddFlowLog(target.Id.Value, "NetworkInterface", Format, "target-logs");
        var result = lab.RunYaml(TimeSpan.FromMinutes(1),
            "workloads:\n  - { name: p, from: app-a, to: db-c, protocol: tcp, port: 5432, connections: 1, start: 10s, end: 11s }\n");
        Assert.Equal([$"egress 4 {source.PrimaryPrivateIp} {target.PrimaryPrivateIp} 5432 ACCEPT"], lab.Lines(result, log));
        Assert.Empty(lab.Lines(result, targetLog));
    }
}
