using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Tests;

public class FlowRecordTests
{
    [Fact]
    public void Type_follows_the_packet_family()
    {
        var ctx = new InterfaceContext("111122223333", "eni-1", "vpc-1", "subnet-1", null, "us-east-1", "use1-az1");
        var v6 = IpAddress.Parse("2001:db8::1");
        var record = new FlowRecord(ctx, LogStatus.Ok, TrafficDirection.Egress, v6, v6, v6, v6, 1, 2, 6, 1, 60, 0, 0,
            true, 2, 1, null, null);
        Assert.Equal("IPv6", record.Type);
        Assert.Equal("IPv4", FlowRecord.NoData(ctx, 0, 60).Type);
    }
}
