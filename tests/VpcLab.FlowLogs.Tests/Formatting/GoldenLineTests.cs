using VpcLab.Engine;
using VpcLab.FlowLogs.Formatting;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Tests.Formatting;

/// <summary>Records printed exactly as the AWS VPC User Guide prints them (flow-logs.md §2, §4), one test per format version.</summary>
public class GoldenLineTests
{
    private static readonly InterfaceContext Ping = new("123456789010", "eni-1235b8ca123456789", "vpc-1", "subnet-1",
        "i-1", "us-east-1", "use1-az1");

    private static FlowRecord Record(InterfaceContext eni, TrafficDirection direction, string src, string dst, string pktSrc,
        string pktDst, ushort srcPort, ushort dstPort, byte protocol, long packets, long bytes, long start, long end,
        bool accepted, int tcpFlags = FlowRecord.NoTcpFlags, byte trafficPath = FlowRecord.NoTrafficPath,
        string? srcService = null, string? dstService = null) =>
        new(eni, LogStatus.Ok, direction, IpAddress.Parse(src), IpAddress.Parse(dst), IpAddress.Parse(pktSrc),
            IpAddress.Parse(pktDst), srcPort, dstPort, protocol, packets, bytes, start, end, accepted, tcpFlags,
            trafficPath, srcService, dstService);

    [Fact]
    public void Version_2_default_format_prints_the_ping_example_of_section_4()
    {
        // SG allows inbound ICMP (stateful reply allowed), NACL denies outbound ICMP: ACCEPT in, REJECT out.
        var formatter = new FlowRecordFormatter(FlowLogFormat.Default);
        var request = Record(Ping, TrafficDirection.Ingress, "203.0.113.12", "172.31.16.139", "203.0.113.12", "172.31.16.139",
            0, 0, 1, 4, 336, 1432917027, 1432917142, accepted: true, tcpFlags: 0);
        var reply = Record(Ping, TrafficDirection.Egress, "172.31.16.139", "203.0.113.12", "172.31.16.139", "203.0.113.12",
            0, 0, 1, 4, 336, 1432917094, 1432917142, accepted: false, tcpFlags: 0);
        Assert.Equal("2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK",
            formatter.FormatLine(request));
        Assert.Equal("2 123456789010 eni-1235b8ca123456789 172.31.16.139 203.0.113.12 0 0 1 4 336 1432917094 1432917142 REJECT OK",
            formatter.FormatLine(reply));
    }

    [Theory]
    [InlineData(LogStatus.NoData, "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA")]
    [InlineData(LogStatus.SkipData, "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - SKIPDATA")]
    public void NODATA_and_SKIPDATA_keep_only_version_account_interface_start_end_and_status(LogStatus status, string expected)
    {
        var record = FlowRecord.NoData(Ping, 1431280876, 1431280934) with { Status = status };
        Assert.Equal(expected, new FlowRecordFormatter(FlowLogFormat.Default).FormatLine(record));
    }

    [Fact]
    public void NODATA_in_a_version_5_format_blanks_every_field_it_does_not_keep()
    {
        var format = FlowLogFormat.Parse("${version} ${vpc-id} ${interface-id} ${type} ${tcp-flags} ${flow-direction} ${az-id} ${start} ${end} ${log-status}");
        var line = new FlowRecordFormatter(format).FormatLine(FlowRecord.NoData(Ping, 100, 160));
        Assert.Equal("5 - eni-1235b8ca123456789 - - - - 100 160 NODATA", line);
    }

    [Fact]
    public void Version_3_tcp_flags_example_SYN_then_SYN_ACK()
    {
        // AWS's tcp-flags example: server on port 5001; the client's SYN shows 2, the server's SYN-ACK 18.
        var format = FlowLogFormat.Parse("${version} ${vpc-id} ${subnet-id} ${instance-id} ${interface-id} ${account-id} ${type} " +
            "${srcaddr} ${dstaddr} ${srcport} ${dstport} ${pkt-srcaddr} ${pkt-dstaddr} ${protocol} ${bytes} ${packets} ${start} ${end} ${action} ${tcp-flags} ${log-status}");
        var eni = new InterfaceContext("123456789010", "eni-22222222", "vpc-abcda60e", "subnet-aaaaaaaa", "i-38a13f7a", "eu-west-1", "euw1-az1");
        var formatter = new FlowRecordFormatter(format);
        var syn = Record(eni, TrafficDirection.Ingress, "52.213.180.42", "10.0.0.62", "52.213.180.42", "10.0.0.62",
            43416, 5001, 6, 8, 568, 1566848875, 1566848933, true, tcpFlags: 2);
        var synAck = Record(eni, TrafficDirection.Egress, "10.0.0.62", "52.213.180.42", "10.0.0.62", "52.213.180.42",
            5001, 43416, 6, 7, 376, 1566848875, 1566848933, true, tcpFlags: 18, trafficPath: 8);
        Assert.Equal("3 vpc-abcda60e subnet-aaaaaaaa i-38a13f7a eni-22222222 123456789010 IPv4 52.213.180.42 10.0.0.62 43416 5001 52.213.180.42 10.0.0.62 6 568 8 1566848875 1566848933 ACCEPT 2 OK",
            formatter.FormatLine(syn));
        Assert.Equal("3 vpc-abcda60e subnet-aaaaaaaa i-38a13f7a eni-22222222 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43416 10.0.0.62 52.213.180.42 6 376 7 1566848875 1566848933 ACCEPT 18 OK",
            formatter.FormatLine(synAck));
    }

    [Fact]
    public void Version_3_NAT_gateway_interface_has_no_instance_and_shows_the_real_endpoints_in_pkt_fields()
    {
        // §2.4: the NAT gateway ENI is requester-managed (instance-id '-'); dstaddr is its own address, pkt-dstaddr the host.
        var format = FlowLogFormat.Parse("${instance-id} ${interface-id} ${srcaddr} ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr}");
        var nat = new InterfaceContext("123456789010", "eni-nat", "vpc-1", "subnet-1", null, "us-east-1", "use1-az1");
        var record = Record(nat, TrafficDirection.Ingress, "10.0.1.5", "10.0.0.220", "10.0.1.5", "203.0.113.5", 40000, 443, 6, 1, 60, 1, 2, true);
        Assert.Equal("- eni-nat 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5", new FlowRecordFormatter(format).FormatLine(record));
    }

    [Fact]
    public void Version_4_prints_region_and_az_id_and_no_sublocation()
    {
        var format = FlowLogFormat.Parse("${version} ${interface-id} ${srcaddr} ${dstaddr} ${region} ${az-id} ${sublocation-type} ${sublocation-id} ${log-status}");
        var record = Record(Ping, TrafficDirection.Egress, "10.0.0.5", "10.0.1.7", "10.0.0.5", "10.0.1.7", 1, 2, 17, 1, 80, 1, 2, true, 0, 1);
        Assert.Equal("4 eni-1235b8ca123456789 10.0.0.5 10.0.1.7 us-east-1 use1-az1 - - OK", new FlowRecordFormatter(format).FormatLine(record));
    }

    [Fact]
    public void Version_5_S3_example_of_section_2_6()
    {
        // Instance 10.0.0.71 <-> S3 52.95.128.179; ingress has no traffic-path, egress to S3 through the IGW path is 8.
        var format = FlowLogFormat.Parse("${version} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${start} ${end} ${type} " +
            "${packets} ${bytes} ${account-id} ${vpc-id} ${subnet-id} ${instance-id} ${interface-id} ${region} ${az-id} " +
            "${sublocation-type} ${sublocation-id} ${action} ${tcp-flags} ${pkt-srcaddr} ${pkt-dstaddr} ${pkt-src-aws-service} " +
            "${pkt-dst-aws-service} ${traffic-path} ${flow-direction} ${log-status}");
        var eni = new InterfaceContext("123456789012", "eni-1235b8ca123456789", "vpc-abcdefab012345678", "subnet-aaaaaaaa012345678",
            "i-0c50d5961bcb2d47b", "ap-southeast-2", "apse2-az3");
        var formatter = new FlowRecordFormatter(format);
        var fromS3 = Record(eni, TrafficDirection.Ingress, "52.95.128.179", "10.0.0.71", "52.95.128.179", "10.0.0.71",
            80, 34210, 6, 14, 15044, 1616729292, 1616729349, true, tcpFlags: 19, srcService: "S3");
        var toS3 = Record(eni, TrafficDirection.Egress, "10.0.0.71", "52.95.128.179", "10.0.0.71", "52.95.128.179",
            34210, 80, 6, 7, 471, 1616729292, 1616729349, true, tcpFlags: 3, trafficPath: 8, dstService: "S3");
        Assert.Equal("5 52.95.128.179 10.0.0.71 80 34210 6 1616729292 1616729349 IPv4 14 15044 123456789012 vpc-abcdefab012345678 " +
            "subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 19 52.95.128.179 10.0.0.71 S3 - - ingress OK",
            formatter.FormatLine(fromS3));
        Assert.Equal("5 10.0.0.71 52.95.128.179 34210 80 6 1616729292 1616729349 IPv4 7 471 123456789012 vpc-abcdefab012345678 " +
            "subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 3 10.0.0.71 52.95.128.179 - S3 8 egress OK",
            formatter.FormatLine(toS3));
    }

    [Fact]
    public void IPv6_record_prints_type_IPv6_canonical_addresses_and_unknown_tcp_flags_as_dash()
    {
        var format = FlowLogFormat.Parse("${version} ${type} ${srcaddr} ${dstaddr} ${tcp-flags} ${flow-direction}");
        var record = Record(Ping, TrafficDirection.Ingress, "2001:0DB8:0:0:0:0:0:0001", "2600:1f18::a", "2001:db8::1", "2600:1f18::a",
            443, 50000, 6, 1, 60, 1, 2, true, tcpFlags: FlowRecord.NoTcpFlags);
        Assert.Equal("5 IPv6 2001:db8::1 2600:1f18::a - ingress", new FlowRecordFormatter(format).FormatLine(record));
    }

    [Fact]
    public void Version_8_fields_are_accepted_and_always_blank()
    {
        var format = FlowLogFormat.Parse("${version} ${interface-id} ${ecs-cluster-name} ${reject-reason} ${action}");
        var record = Record(Ping, TrafficDirection.Ingress, "10.0.0.1", "10.0.0.2", "10.0.0.1", "10.0.0.2", 1, 2, 6, 1, 60, 1, 2, false, 2);
        Assert.Equal("8 eni-1235b8ca123456789 - - REJECT", new FlowRecordFormatter(format).FormatLine(record));
    }

    // The newest fields of the record table (every ECS field, resource-id, encryption-status; docs/semantics.md,
    // "Version 7+ fields"): no ECS tasks, Block Public Access or encryption controls in the lab, so '-' in each, and
    // the version is the highest of the format's fields.
    [Fact]
    public void Newest_fields_are_accepted_and_blank_with_the_highest_version()
    {
        var format = FlowLogFormat.Parse("${version} ${ecs-cluster-arn} ${ecs-cluster-name} ${ecs-container-instance-arn} "
            + "${ecs-container-instance-id} ${ecs-container-id} ${ecs-second-container-id} ${ecs-service-name} "
            + "${ecs-task-definition-arn} ${ecs-task-arn} ${ecs-task-id} ${reject-reason} ${resource-id} ${encryption-status} ${action}");
        var record = Record(Ping, TrafficDirection.Ingress, "10.0.0.1", "10.0.0.2", "10.0.0.1", "10.0.0.2", 1, 2, 6, 1, 60, 1, 2, true, 2);
        Assert.Equal("10 - - - - - - - - - - - - - ACCEPT", new FlowRecordFormatter(format).FormatLine(record));
    }
}
