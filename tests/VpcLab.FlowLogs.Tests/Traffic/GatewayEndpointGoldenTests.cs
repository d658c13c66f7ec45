using VpcLab.ControlPlane;
using VpcLab.ControlPlane.Scenarios;
using VpcLab.ControlPlane.Time;
using VpcLab.Engine;
using VpcLab.FlowLogs.Formatting;
using VpcLab.FlowLogs.Traffic;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>Exact flow log records of S3 traffic through a gateway endpoint (flow-logs.md §2.5, §2.6): the sender's
/// egress records carry traffic-path 7 (gateway VPC endpoint, Nitro) and pkt-dst-aws-service S3; the reply is an
/// ingress record naming S3 as pkt-src-aws-service. No other interface logs the flow (the endpoint has none).</summary>
public class GatewayEndpointGoldenTests
{
    private const string Yaml = """
        name: s3-endpoint-flow-logs
        region: us-east-1
        accounts:
          - { name: data, id: "123456789010" }
        vpcs:
          - name: data-vpc
            account: data
            cidr: 10.40.0.0/16
            subnets:
              - { name: private-a, az: us-east-1a, cidr: 10.40.1.0/24 }
            route-tables:
              - name: private-rt        # no route out but the endpoint's prefix-list route
                subnets: [private-a]
            security-groups:
              - { name: worker-sg, description: workers }
            instances:
              - { name: worker, subnet: private-a, security-groups: [worker-sg], private-ip: 10.40.1.25 }
            endpoints:
              - { name: s3-endpoint, service: s3, route-tables: [private-rt] }
        flow-logs:
          - name: private-a-log
            resource: private-a
            traffic-type: ALL
            destination: "s3://flow-logs/private-a/"
            aggregation-interval: 60
            format: "${version} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${pkt-srcaddr} ${pkt-dstaddr} ${pkt-src-aws-service} ${pkt-dst-aws-service} ${flow-direction} ${traffic-path}"
        workloads:
          - { name: upload, from: worker, to: 3.5.0.10, protocol: tcp, port: 443, connections: 1, duration: 3s,
              request: { packets: 40, bytes: 52000 }, response: { packets: 30, bytes: 4000 } }
          - { name: syslog-to-s3, from: worker, to: 3.5.0.10, protocol: udp, port: 514, connections: 1 }
        """;

    private static (LoadedScenario Scenario, TrafficResult Result) Run(string pattern)
    {
        var lab = TrafficLab.FromYaml(Yaml);
        return (lab.Scenario, lab.Run(TimeSpan.FromMinutes(1), pattern));
    }

    private static string[] Lines(LoadedScenario scenario, TrafficResult result)
    {
        var log = scenario.Network.FlowLogs[new FlowLogId(scenario.IdOf("private-a-log"))];
        var formatter = new FlowRecordFormatter(log.Format);
        return [.. result.Records[log.Id].Select(r => formatter.FormatLine(r))];
    }

    [Fact]
    public void S3_through_the_gateway_endpoint_is_traffic_path_7_and_names_S3()
    {
        var (scenario, result) = Run("upload");
        var eni = scenario.Network.Instances[new InstanceId(scenario.IdOf("worker"))].PrimaryNetworkInterface.Value;
        // The run is seeded: source port 45401, the connection's 3 s at 18-21 s into the first window.
        Assert.Equal(
        [
            $"5 {eni} 10.40.1.25 3.5.0.10 45401 443 6 40 52000 1432917018 1432917021 ACCEPT OK 10.40.1.25 3.5.0.10 - S3 egress 7",
            $"5 {eni} 3.5.0.10 10.40.1.25 443 45401 6 30 4000 1432917018 1432917021 ACCEPT OK 3.5.0.10 10.40.1.25 S3 - ingress -",
        ], Lines(scenario, result).Order(StringComparer.Ordinal));
    }

    // AWS (RA VPCE_GATEWAY_PROTOCOL_RESTRICTION): the endpoint refuses UDP after the packet left the interface: the
    // sender logs it ACCEPT (its security group and NACL let it out), and nothing comes back.
    [Fact]
    public void Udp_to_S3_leaves_the_interface_and_is_refused_by_the_endpoint()
    {
        var (scenario, result) = Run("syslog-to-s3");
        var eni = scenario.Network.Instances[new InstanceId(scenario.IdOf("worker"))].PrimaryNetworkInterface.Value;
        var line = Assert.Single(Lines(scenario, result));
        Assert.Matches($"^5 {eni} 10.40.1.25 3.5.0.10 \\d+ 514 17 \\d+ \\d+ \\d+ \\d+ ACCEPT OK 10.40.1.25 3.5.0.10 - S3 egress 7$", line);
    }

    /// <summary>The same world dual-stack, the endpoint dualstack (docs/semantics.md#gateway-endpoint-ipv6): its IPv6
    /// route to S3's IPv6 prefix list (com.amazonaws.us-east-1.ipv6.s3) carries the worker's IPv6 upload to S3's IPv6
    /// address; the records carry the IPv6 addresses, traffic-path 7 and S3 as the AWS service, as over IPv4.</summary>
    private static readonly string Yaml6 = Yaml
        .Replace("cidr: 10.40.0.0/16\n", "cidr: 10.40.0.0/16\n    ipv6: true\n", StringComparison.Ordinal)
        .Replace("cidr: 10.40.1.0/24 }", "cidr: 10.40.1.0/24, ipv6-index: 1 }", StringComparison.Ordinal)
        .Replace("private-ip: 10.40.1.25 }", "private-ip: 10.40.1.25, ipv6: true }", StringComparison.Ordinal)
        .Replace("route-tables: [private-rt] }", "route-tables: [private-rt], ip-address-type: dualstack }", StringComparison.Ordinal)
        .Replace("to: 3.5.0.10, protocol: tcp, port: 443", "to: \"2600:1fa0::a\", protocol: tcp, port: 443", StringComparison.Ordinal);

    [Fact]
    public void S3_over_ipv6_through_a_dualstack_gateway_endpoint_is_traffic_path_7_and_names_S3()
    {
        var lab = TrafficLab.FromYaml(Yaml6);
        var scenario = lab.Scenario;
        var result = lab.Run(TimeSpan.FromMinutes(1), "upload");
        var network = scenario.Network;
        var eni = network.NetworkInterfaces[network.Instances[new InstanceId(scenario.IdOf("worker"))].PrimaryNetworkInterface];
        var w = Assert.Single(eni.Ipv6Addresses);
        Assert.Equal(new[]
        {
            $"5 {eni.Id} {w} 2600:1fa0::a 45401 443 6 40 52000 1432917018 1432917021 ACCEPT OK {w} 2600:1fa0::a - S3 egress 7",
            $"5 {eni.Id} 2600:1fa0::a {w} 443 45401 6 30 4000 1432917018 1432917021 ACCEPT OK 2600:1fa0::a {w} S3 - ingress -",
        }.Order(StringComparer.Ordinal), Lines(scenario, result).Order(StringComparer.Ordinal));
    }
}
