using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.ControlPlane.Time;
using VpcLab.Engine;
using VpcLab.FlowLogs.Formatting;
using VpcLab.FlowLogs.Traffic;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>Exact flow log records of SNS traffic through an interface endpoint (docs/semantics.md#interface-endpoints): the workload names
/// sns.us-east-1.amazonaws.com, which private DNS resolves to the endpoint's interface in the worker's zone. The
/// endpoint's interface logs like any interface; request and reply stay in the VPC (traffic-path 1), and no AWS
/// service is named (both ends are private addresses). The endpoint lists private-b first, so reaching the zone-a
/// interface shows the trace's same-zone choice.</summary>
public class InterfaceEndpointGoldenTests
{
    private const string Yaml = """
        name: sns-endpoint-flow-logs
        region: us-east-1
        accounts:
          - { name: app, id: "123456789010" }
        vpcs:
          - name: app-vpc
            account: app
            cidr: 10.50.0.0/16
            enable-dns-hostnames: true
            subnets:
              - { name: private-a, az: us-east-1a, cidr: 10.50.1.0/24 }
              - { name: private-b, az: us-east-1b, cidr: 10.50.2.0/24 }
            security-groups:
              - { name: worker-sg, description: workers }
              - name: endpoint-sg
                description: endpoint interfaces
                ingress:
                  - { protocol: tcp, ports: 443, source: worker-sg }
            instances:
              - { name: worker, subnet: private-a, security-groups: [worker-sg], private-ip: 10.50.1.25 }
            endpoints:
              - { name: sns-endpoint, service: sns, subnets: [private-b, private-a], security-groups: [endpoint-sg] }
        flow-logs:
          - name: vpc-log
            resource: app-vpc
            traffic-type: ALL
            destination: "s3://flow-logs/app/"
            aggregation-interval: 60
            format: "${interface-id} ${srcaddr} ${dstaddr} ${dstport} ${protocol} ${packets} ${action} ${pkt-dst-aws-service} ${flow-direction} ${traffic-path}"
        workloads:
          - { name: publish, from: worker, to: sns.us-east-1.amazonaws.com, protocol: tcp, port: 443, connections: 1, duration: 3s,
              request: { packets: 12, bytes: 9000 }, response: { packets: 8, bytes: 2000 } }
        """;

    [Fact]
    public void Sns_by_name_goes_to_the_same_zone_endpoint_interface_and_both_interfaces_log_it()
    {
        var lab = TrafficLab.FromYaml(Yaml);
        var scenario = lab.Scenario;
        var result = lab.RunAll(TimeSpan.FromMinutes(1));
        var network = scenario.Network;
        var worker = network.Instances[new InstanceId(scenario.IdOf("worker"))].PrimaryNetworkInterface.Value;
        var endpointEni = network.VpcEndpoints[new VpcEndpointId(scenario.IdOf("sns-endpoint"))].NetworkInterfaceIds
            .Select(id => network.NetworkInterfaces[id]).Single(n => n.AvailabilityZone == "us-east-1a");
        var ep = endpointEni.PrimaryPrivateIp;
        var log = network.FlowLogs[new FlowLogId(scenario.IdOf("vpc-log"))];
        var formatter = new FlowRecordFormatter(log.Format);
        Assert.Equal(string.Join('\n',
            new[]
            {
                $"{endpointEni.Id} 10.50.1.25 {ep} 443 6 12 ACCEPT - ingress -",
                $"{endpointEni.Id} {ep} 10.50.1.25 * 6 8 ACCEPT - egress 1",
                $"{worker} 10.50.1.25 {ep} 443 6 12 ACCEPT - egress 1",
                $"{worker} {ep} 10.50.1.25 * 6 8 ACCEPT - ingress -",
            }.Order(StringComparer.Ordinal)),
            string.Join('\n', Summed(result.Records[log.Id].Select(r => Ephemeral(formatter.FormatLine(r)))).Order(StringComparer.Ordinal)));
    }

    /// <summary>The same world dual-stack: the SNS endpoint is dualstack with DNS record IP type ipv6, so the name answers
    /// AAAA only and the worker connects over IPv6 (docs/semantics.md#endpoint-ip-address-types). The records carry the
    /// IPv6 addresses of both interfaces; nothing else changes (traffic-path 1, no AWS service named).</summary>
    private static readonly string Yaml6 = Yaml
        .Replace("cidr: 10.50.0.0/16\n", "cidr: 10.50.0.0/16\n    ipv6: true\n", StringComparison.Ordinal)
        .Replace("cidr: 10.50.1.0/24 }", "cidr: 10.50.1.0/24, ipv6-index: 1 }", StringComparison.Ordinal)
        .Replace("cidr: 10.50.2.0/24 }", "cidr: 10.50.2.0/24, ipv6-index: 2 }", StringComparison.Ordinal)
        .Replace("private-ip: 10.50.1.25 }", "private-ip: 10.50.1.25, ipv6: true }", StringComparison.Ordinal)
        .Replace("security-groups: [endpoint-sg] }", "security-groups: [endpoint-sg], ip-address-type: dualstack, dns-record-ip-type: ipv6 }", StringComparison.Ordinal);

    [Fact]
    public void Sns_by_name_over_ipv6_to_a_dualstack_endpoint_both_interfaces_log_the_ipv6_addresses()
    {
        var lab = TrafficLab.FromYaml(Yaml6);
        var scenario = lab.Scenario;
        var result = lab.RunAll(TimeSpan.FromMinutes(1));
        var network = scenario.Network;
        var workerEni = network.NetworkInterfaces[network.Instances[new InstanceId(scenario.IdOf("worker"))].PrimaryNetworkInterface];
        var endpointEni = network.VpcEndpoints[new VpcEndpointId(scenario.IdOf("sns-endpoint"))].NetworkInterfaceIds
            .Select(id => network.NetworkInterfaces[id]).Single(n => n.AvailabilityZone == "us-east-1a");
        var (w, ep) = (Assert.Single(workerEni.Ipv6Addresses), Assert.Single(endpointEni.Ipv6Addresses));
        var log = network.FlowLogs[new FlowLogId(scenario.IdOf("vpc-log"))];
        var formatter = new FlowRecordFormatter(log.Format);
        Assert.Equal(string.Join('\n',
            new[]
            {
                $"{endpointEni.Id} {w} {ep} 443 6 12 ACCEPT - ingress -",
                $"{endpointEni.Id} {ep} {w} * 6 8 ACCEPT - egress 1",
                $"{workerEni.Id} {w} {ep} 443 6 12 ACCEPT - egress 1",
                $"{workerEni.Id} {ep} {w} * 6 8 ACCEPT - ingress -",
            }.Order(StringComparer.Ordinal)),
            string.Join('\n', Summed(result.Records[log.Id].Select(r => Ephemeral(formatter.FormatLine(r)))).Order(StringComparer.Ordinal)));
    }

    /// <summary>The connection may straddle two aggregation windows: one line per flow and interface, packets summed.</summary>
    private static IEnumerable<string> Summed(IEnumerable<string> lines) =>
        lines.Select(l => l.Split(' '))
            .GroupBy(f => string.Join(' ', f.Take(5)) + "|" + string.Join(' ', f.Skip(6)))
            .Select(g => string.Join(' ', g.First().Take(5).Append(g.Sum(f => int.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture)).Concat(g.First().Skip(6))));

    /// <summary>The reply's destination port is the seeded ephemeral port: shown as '*'.</summary>
    private static string Ephemeral(string line)
    {
        var fields = line.Split(' ');
        if (fields[3] != "443")
            fields[3] = "*";
        return string.Join(' ', fields);
    }
}
