using VpcLab.ControlPlane;
using VpcLab.Engine.Dns;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>Flow log records of NAT64 traffic (VPC User Guide, "DNS64 and NAT64",
/// https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html; flow-logs.md §2.4 for the NAT gateway
/// interface; docs/semantics.md#nat64-flow-logs). The seed scenario with the page's walkthrough applied through the
/// control plane: app-rt routes 64:ff9b::/96 to nat-a, app-a has DNS64 on.</summary>
public class Nat64GoldenTests
{
    private const string Format = "${interface-id} ${srcaddr} ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr} ${protocol} ${type} ${flow-direction} ${traffic-path} ${action}";

    private static TrafficLab Lab()
    {
        var lab = new TrafficLab("seed");
        var cp = lab.Scenario.ControlPlane;
        var ctx = new RequestContext(new AccountId("111111111111"), "us-east-1");
        cp.CreateRoute(ctx, new CreateRouteRequest
        {
            RouteTableId = lab.Scenario.IdOf("app-rt"), DestinationIpv6CidrBlock = "64:ff9b::/96", NatGatewayId = lab.Scenario.IdOf("nat-a"),
        });
        cp.ModifySubnetAttribute(ctx, new ModifySubnetAttributeRequest { SubnetId = lab.Scenario.IdOf("app-a"), EnableDns64 = true });
        return lab;
    }

    // AWS (What is NAT64?): the instance sends IPv6 to 64:ff9b::/96; the NAT gateway takes it in as IPv6 and sends
    // IPv4 from its private address (the internet gateway maps that to its Elastic IP); the IPv4 reply comes back to
    // the NAT gateway, which sends it on as IPv6 from 64:ff9b::<server>. So the instance's interface logs IPv6 both
    // ways, the NAT gateway's interface logs an IPv6 leg and an IPv4 leg each way, and pkt-srcaddr/pkt-dstaddr keep
    // the packet's addresses while srcaddr/dstaddr put the NAT interface's own address on its side (it has no IPv6,
    // so an IPv6 leg shows the packet's address there).
    [Fact]
    public void Nat64_to_the_internet_logs_the_ipv6_side_and_the_ipv4_side()
    {
        var lab = Lab();
        var log = lab.AddFlowLog(lab.Scenario.IdOf("seed-vpc"), "VPC", Format);
        var result = lab.RunYaml(TimeSpan.FromMinutes(1),
            """
            workloads:
              - { name: nat64, from: app-1, to: "64:ff9b::203.0.113.80", protocol: tcp, port: 443, connections: 1 }
            """);
        var app = lab.InterfaceOf("app-1");
        var nat = lab.NatInterface("nat-a");
        var v6 = app.Ipv6Addresses[0];
        var n = nat.PrimaryPrivateIp;
        const string host = "203.0.113.80", synthesised = "64:ff9b::cb00:7150";
        Assert.Equal(
            new[]
            {
                $"{app.Id} {v6} {synthesised} {v6} {synthesised} 6 IPv6 egress 1 ACCEPT",
                $"{nat.Id} {v6} {synthesised} {v6} {synthesised} 6 IPv6 ingress - ACCEPT",
                $"{nat.Id} {n} {host} {n} {host} 6 IPv4 egress 8 ACCEPT",
                $"{nat.Id} {host} {n} {host} {n} 6 IPv4 ingress - ACCEPT",
                $"{nat.Id} {synthesised} {v6} {synthesised} {v6} 6 IPv6 egress 1 ACCEPT",
                $"{app.Id} {synthesised} {v6} {synthesised} {v6} 6 IPv6 ingress - ACCEPT",
            }.Order(StringComparer.Ordinal),
            lab.Lines(result, log).Distinct().Order(StringComparer.Ordinal));
    }

    // AWS (What is DNS64?): with DNS64 on the subnet, a name with only an A record resolves to 64:ff9b::/96 + its IPv4
    // address and the IPv6 workload's traffic goes through the NAT gateway: web-2 (IPv4 only) sees the NAT gateway's
    // private address, never app-1's IPv6.
    [Fact]
    public void Dns64_name_of_an_ipv4_only_instance_is_reached_through_nat64()
    {
        var lab = Lab();
        var log = lab.AddFlowLog(lab.Scenario.IdOf("seed-vpc"), "VPC", Format);
        var web2 = lab.InterfaceOf("web-2");
        var name = Ec2Hostnames.Private(web2.PrimaryPrivateIp, "us-east-1");
        var result = lab.RunYaml(TimeSpan.FromMinutes(1),
            $$"""
            workloads:
              - { name: by-name, from: app-1, to: {{name}}, protocol: tcp, port: 443, connections: 1 }
            """);
        var nat = lab.NatInterface("nat-a");
        var n = nat.PrimaryPrivateIp;
        var w = web2.PrimaryPrivateIp;
        var synthesised = Nat64Address.Embed(w);
        var lines = lab.Lines(result, log).Distinct().ToArray();
        Assert.Contains($"{web2.Id} {n} {w} {n} {w} 6 IPv4 ingress - ACCEPT", lines);
        Assert.Contains($"{web2.Id} {w} {n} {w} {n} 6 IPv4 egress 1 ACCEPT", lines);
        Assert.Contains($"{lab.InterfaceOf("app-1").Id} {lab.InterfaceOf("app-1").Ipv6Addresses[0]} {synthesised} {lab.InterfaceOf("app-1").Ipv6Addresses[0]} {synthesised} 6 IPv6 egress 1 ACCEPT", lines);
    }
}
