using VpcLab.FlowLogs.Formatting;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>Exact flow log records of a connection through AWS PrivateLink (docs/semantics.md#privatelink-data-plane):
/// the consumer's client and endpoint interface log the client's side (to and from the endpoint's address); the
/// provider's load balancer node logs the connection arriving from PrivateLink and its leg to the target; the target
/// logs the node's private address, never the client's (client IP preservation has no effect on PrivateLink traffic,
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html#client-ip-preservation).</summary>
public class PrivateLinkGoldenTests
{
    private const string Yaml = """
        name: privatelink-flow-logs
        region: us-east-1
        accounts:
          - { name: provider, id: "555555555555" }
          - { name: consumer, id: "666666666666" }
        vpcs:
          - name: svc-vpc
            account: provider
            cidr: 10.50.0.0/16
            subnets:
              - { name: nlb-a, az: us-east-1a, cidr: 10.50.1.0/24 }
              - { name: app-a, az: us-east-1a, cidr: 10.50.11.0/24 }
            security-groups:
              - name: app-sg
                description: from the load balancer subnet
                ingress:
                  - { protocol: tcp, ports: 8080, source: 10.50.1.0/24 }
            instances:
              - { name: app-1, subnet: app-a, security-groups: [app-sg], private-ip: 10.50.11.10 }
            target-groups:
              - { name: app-tg, protocol: TCP, port: 8080, targets: [app-1] }
            load-balancers:
              - { name: app-nlb, scheme: internal, subnets: [nlb-a], listeners: [{ port: 443, target-group: app-tg }] }
          - name: client-vpc
            account: consumer
            cidr: 10.60.0.0/16
            subnets:
              - { name: cli-a, az: us-east-1a, cidr: 10.60.1.0/24 }
            security-groups:
              - { name: client-sg, description: clients }
              - name: endpoint-sg
                description: endpoint interfaces
                ingress:
                  - { protocol: tcp, ports: 443, source: client-sg }
            instances:
              - { name: client-1, subnet: cli-a, security-groups: [client-sg], private-ip: 10.60.1.25 }
            endpoints:
              - { name: app-endpoint, service: app-service, subnets: [cli-a], security-groups: [endpoint-sg] }
        endpoint-services:
          - { name: app-service, account: provider, load-balancers: [app-nlb], acceptance-required: false, allowed-principals: [consumer] }
        flow-logs:
          - name: consumer-log
            resource: client-vpc
            destination: "s3://flow-logs/consumer/"
            aggregation-interval: 60
            format: "${interface-id} ${srcaddr} ${dstaddr} ${dstport} ${protocol} ${packets} ${action} ${flow-direction} ${traffic-path}"
          - name: provider-log
            resource: svc-vpc
            destination: "s3://flow-logs/provider/"
            aggregation-interval: 60
            format: "${interface-id} ${srcaddr} ${dstaddr} ${dstport} ${protocol} ${packets} ${action} ${flow-direction} ${traffic-path}"
        workloads:
          - { name: call, from: client-1, to: "{{endpoint}}", protocol: tcp, port: 443, connections: 1, duration: 3s,
              request: { packets: 12, bytes: 9000 }, response: { packets: 8, bytes: 2000 } }
        """;

    [Fact]
    public void Connection_ThroughEndpointToTarget_EachSideLogsItsLeg()
    {
        var probe = TrafficLab.FromYaml(Yaml.Replace("{{endpoint}}", "10.60.1.4", StringComparison.Ordinal));
        var network = probe.Network;
        var endpoint = network.VpcEndpoints[new VpcEndpointId(probe.Scenario.IdOf("app-endpoint"))];
        var endpointEni = network.NetworkInterfaces[endpoint.NetworkInterfaceIds[0]];
        Assert.Equal("10.60.1.4", endpointEni.PrimaryPrivateIp.ToString()); // the first free address of cli-a
        var result = probe.RunAll(TimeSpan.FromMinutes(1));
        var client = network.Instances[new InstanceId(probe.Scenario.IdOf("client-1"))].PrimaryNetworkInterface.Value;
        var app = network.Instances[new InstanceId(probe.Scenario.IdOf("app-1"))].PrimaryNetworkInterface.Value;
        var node = network.LoadBalancers.Values.Single().Nodes.Single();
        var n = node.PrivateIpv4;
        Assert.Equal(Sorted(
            $"{client} 10.60.1.25 10.60.1.4 443 6 12 ACCEPT egress 1",
            $"{client} 10.60.1.4 10.60.1.25 * 6 8 ACCEPT ingress -",
            $"{endpointEni.Id} 10.60.1.25 10.60.1.4 443 6 12 ACCEPT ingress -",
            $"{endpointEni.Id} 10.60.1.4 10.60.1.25 * 6 8 ACCEPT egress 1"), Lines(probe, result, "consumer-log"));
        Assert.Equal(Sorted(
            $"{node.NetworkInterfaceId} {n} {n} 443 6 12 ACCEPT ingress -",
            $"{node.NetworkInterfaceId} {n} 10.50.11.10 8080 6 12 ACCEPT egress 1",
            $"{node.NetworkInterfaceId} 10.50.11.10 {n} * 6 8 ACCEPT ingress -",
            $"{app} {n} 10.50.11.10 8080 6 12 ACCEPT ingress -",
            $"{app} 10.50.11.10 {n} * 6 8 ACCEPT egress 1"), Lines(probe, result, "provider-log"));
    }

    private static string Sorted(params string[] lines) => string.Join('\n', lines.Order(StringComparer.Ordinal));

    private static string Lines(TrafficLab lab, VpcLab.FlowLogs.Traffic.TrafficResult result, string name)
    {
        var log = lab.FlowLog(name);
        var formatter = new FlowRecordFormatter(log.Format);
        return string.Join('\n', Summed(result.Records[log.Id].Select(r => Ephemeral(formatter.FormatLine(r)))).Order(StringComparer.Ordinal));
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
        if (fields[3] is not ("443" or "8080"))
            fields[3] = "*";
        return string.Join(' ', fields);
    }
}
