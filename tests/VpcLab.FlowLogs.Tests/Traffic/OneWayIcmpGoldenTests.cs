namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>Exact flow log records of one-way ICMP messages (docs/semantics.md#one-way-icmp): a message other than an
/// echo request has no reply, so an interface logs it only in the direction it travels, once, and nothing comes back.
/// The host is AWS's ping example's (flow-logs.md §4): its security group has no ICMP rule and no outbound rule, its
/// NACL allows fragmentation needed (type 3 code 4) inbound only, as the VPC User Guide's Path MTU Discovery page
/// (https://docs.aws.amazon.com/vpc/latest/userguide/path_mtu_discovery.html) asks for each direction.</summary>
public class OneWayIcmpGoldenTests
{
    private const string Yaml = """
        name: pmtud-flow-logs
        region: us-east-1
        accounts:
          - { name: example, id: "123456789010" }
        vpcs:
          - name: ping-vpc
            cidr: 172.31.0.0/16
            internet-gateway: ping-igw
            subnets:
              - { name: ping-subnet, az: us-east-1a, cidr: 172.31.16.0/20, map-public-ip-on-launch: true }
            route-tables:
              - name: ping-rt
                subnets: [ping-subnet]
                routes:
                  - { destination: 0.0.0.0/0, target: ping-igw }
            security-groups:
              - name: web-sg
                description: HTTPS in; no ICMP rule and no outbound rules
                ingress:
                  - { protocol: tcp, ports: 443, source: 0.0.0.0/0 }
                egress: []
            network-acls:
              - name: ping-acl
                subnets: [ping-subnet]
                inbound:
                  - { rule: 100, protocol: icmp, icmp: 3/4, cidr: 0.0.0.0/0, action: allow }
                outbound: []
            instances:
              - { name: host, subnet: ping-subnet, security-groups: [web-sg], private-ip: 172.31.16.139 }
        flow-logs:
          - { name: host-log, resource: host, traffic-type: ALL, destination: "s3://ping-flow-logs/" }
        workloads:
          - { name: too-big-in, from: 203.0.113.12, to: host, protocol: icmp, icmp-type: 3, icmp-code: 4,
              connections: 1, start: 27s, end: 28s }
          - { name: too-big-out, from: host, to: 203.0.113.12, protocol: icmp, icmp-type: 3, icmp-code: 4,
              connections: 1, start: 27s, end: 28s }
        """;

    // A router on the internet tells the host its packets are too big: the NACL allows 3/4 in, the security group lets
    // the error in as part of the connection it reports on (EC2 User Guide, Path MTU Discovery). One ACCEPT record, of
    // one 56-byte packet (IP header, ICMP header, the reported packet's IP header and first 8 bytes), and no reply
    // record: the NACL's missing outbound rule does not matter, as nothing answers an ICMP error.
    [Fact]
    public void Fragmentation_needed_from_the_internet_is_one_accept_record_and_no_reply()
    {
        var lab = TrafficLab.FromYaml(Yaml);
        var result = lab.Run(TimeSpan.FromMinutes(1), "too-big-in");
        var eni = lab.InterfaceOf("host").Id.Value;
        Assert.Equal(
        [
            $"2 123456789010 {eni} 203.0.113.12 172.31.16.139 0 0 1 1 56 1432917027 1432917027 ACCEPT OK",
        ], lab.Lines(result, lab.FlowLog("host-log")));
        Assert.Equal(1, result.Established);
    }

    // The host sends the error: its security group (no outbound rules) lets it out as tracked, but the NACL has no
    // outbound rule for it: one REJECT record, egress, and nothing else.
    [Fact]
    public void Fragmentation_needed_from_the_host_is_one_reject_record_at_its_nacl()
    {
        var lab = TrafficLab.FromYaml(Yaml);
        var result = lab.Run(TimeSpan.FromMinutes(1), "too-big-out");
        var eni = lab.InterfaceOf("host").Id.Value;
        Assert.Equal(
        [
            $"2 123456789010 {eni} 172.31.16.139 203.0.113.12 0 0 1 1 56 1432917027 1432917027 REJECT OK",
        ], lab.Lines(result, lab.FlowLog("host-log")));
        Assert.Equal(1, result.Failed);
    }
}
