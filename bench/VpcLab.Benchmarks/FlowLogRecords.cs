using VpcLab.Engine;
using VpcLab.FlowLogs;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Benchmarks;

/// <summary>Synthetic flow log records for the delivery benchmarks: seeded, 1,000 interfaces in one account, a mix of
/// accepted and rejected TCP/UDP flows (10 % IPv6, some to S3 with pkt-dst-aws-service), all ending in one
/// 5-minute slice, so one delivery writes one slice of about a million records.</summary>
public static class FlowLogRecords
{
    public const int Count = 1_000_000;

    public static readonly FlowLogFormat V5 = FlowLogFormat.Parse(
        "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} " +
        "${start} ${end} ${action} ${log-status} ${vpc-id} ${subnet-id} ${instance-id} ${tcp-flags} ${type} ${pkt-srcaddr} " +
        "${pkt-dstaddr} ${region} ${az-id} ${sublocation-type} ${sublocation-id} ${pkt-src-aws-service} ${pkt-dst-aws-service} " +
        "${flow-direction} ${traffic-path}");

    public static FlowRecord[] Generate(int count = Count, int seed = 42)
    {
        var random = new Random(seed);
        var interfaces = Enumerable.Range(0, 1000).Select(i => new InterfaceContext("123456789012", $"eni-{i:x17}",
            $"vpc-{i / 100:x17}", $"subnet-{i / 25:x17}", i % 10 == 9 ? null : $"i-{i:x17}", "us-east-1", $"use1-az{1 + (i % 3)}")).ToArray();
        long slice = new DateTimeOffset(2026, 11, 23, 4, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var records = new FlowRecord[count];
        for (int i = 0; i < count; i++)
        {
            int eni = random.Next(interfaces.Length);
            bool v6 = random.Next(10) == 0;
            var own = v6 ? IpAddress.V6(((UInt128)0x2600_1f18_0000_0000 << 64) | (uint)eni) : IpAddress.V4(0x0A00_0000u + (uint)eni);
            var remote = v6 ? IpAddress.V6(((UInt128)0x2001_0db8_0000_0000 << 64) | (ulong)random.NextInt64()) : IpAddress.V4((uint)random.Next());
            bool egress = random.Next(2) == 0;
            bool accepted = random.Next(5) != 0;
            bool tcp = random.Next(4) != 0;
            string? service = !v6 && random.Next(8) == 0 ? "S3" : null;
            long start = slice + random.Next(240);
            var (src, dst) = egress ? (own, remote) : (remote, own);
            records[i] = new FlowRecord(interfaces[eni], LogStatus.Ok, egress ? TrafficDirection.Egress : TrafficDirection.Ingress,
                src, dst, src, dst, (ushort)random.Next(1024, 65536), (ushort)(tcp ? 443 : 53), (byte)(tcp ? 6 : 17),
                1 + random.Next(1000), 40 + random.NextInt64(1_500_000), start, start + random.Next(60), accepted,
                tcp ? 2 : 0, egress ? (byte)8 : FlowRecord.NoTrafficPath, egress ? null : service, egress ? service : null);
        }
        return records;
    }

    public static FlowLog Log(FlowLogFormat format, FlowLogFileFormat fileFormat) =>
        new(new FlowLogId("fl-0123456789abcdef0"), new AccountId("123456789012"), "us-east-1", "vpc-0", FlowLogResourceType.Vpc,
            FlowLogTrafficType.All, FlowLogDestinationType.S3, "arn:aws:s3:::bench-bucket/logs/", null, null, format, 600,
            new FlowLogDestinationOptions(fileFormat, false, false), DateTimeOffset.UnixEpoch);
}
