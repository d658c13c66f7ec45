using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Tests.Delivery;

/// <summary>Flow logs and records for the delivery tests (the AWS documentation's ids where it has them).</summary>
internal static class Samples
{
    public static readonly InterfaceContext Eni = new("123456789010", "eni-1235b8ca123456789", "vpc-abcdefab012345678",
        "subnet-aaaaaaaa012345678", "i-0c50d5961bcb2d47b", "us-east-1", "use1-az1");

    public static readonly InterfaceContext OtherEni = Eni with { InterfaceId = "eni-0aaaaaaaaaaaaaaaa" };

    public static FlowLog S3Log(FlowLogFormat? format = null, bool hive = false, bool perHour = false,
        FlowLogFileFormat fileFormat = FlowLogFileFormat.PlainText, string destination = "arn:aws:s3:::my-bucket/my-logs/") =>
        new(new FlowLogId("fl-1234abcd"), new AccountId("123456789012"), "us-east-1", "vpc-abcdefab012345678",
            FlowLogResourceType.Vpc, FlowLogTrafficType.All, FlowLogDestinationType.S3, destination, null, null,
            format ?? FlowLogFormat.Default, 600, new FlowLogDestinationOptions(fileFormat, hive, perHour),
            new DateTimeOffset(2018, 6, 20, 16, 0, 0, TimeSpan.Zero));

    /// <summary>An accepted TCP egress record of <see cref="Eni"/> between the two addresses.</summary>
    public static FlowRecord Tcp(string src, string dst, ushort srcPort, ushort dstPort, long start, long end,
        InterfaceContext? eni = null, bool accepted = true, long packets = 10, long bytes = 840) =>
        new(eni ?? Eni, LogStatus.Ok, TrafficDirection.Egress, IpAddress.Parse(src), IpAddress.Parse(dst), IpAddress.Parse(src),
            IpAddress.Parse(dst), srcPort, dstPort, 6, packets, bytes, start, end, accepted, 2, 1, null, null);

    /// <summary>Unix seconds of a UTC time.</summary>
    public static long At(int year, int month, int day, int hour, int minute, int second) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeSeconds();
}
