using System.Globalization;
using VpcLab.FlowLogs.Formatting;

namespace VpcLab.FlowLogs.Tests.Traffic;

/// <summary>The aggregation window of a flow log on an interface (docs/semantics.md#flow-log-windows). AWS, EC2 API model
/// FlowLog.maxAggregationInterval, as the AWS SDK reference prints it (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ec2/aws.sdk.kotlin.services.ec2.model/-flow-log/max-aggregation-interval.html) and VPC
/// User Guide, flow logs limitations (https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-limitations.html):
/// "When a network interface is attached to a Nitro-based instance, the aggregation interval is always 60 seconds
/// (1 minute) or less, regardless of the specified value"; the lab models every instance as Nitro. Other interfaces
/// keep the flow log's interval (a choice: AWS says nothing of them).</summary>
public class AggregationWindowTests
{
    private const string Format = "${interface-id} ${start} ${end} ${packets} ${flow-direction}";

    public static TheoryData<string, long> Rows => new()
    {
        // Nitro rule: an instance's interface gets 60-s records under a 600-s flow log.
        { "instance", 60 },
        // A NAT gateway's interface is not an instance's: it keeps the 600-s windows it was asked for.
        { "nat-gateway", 600 },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Records_FlowLogAsksFor600Seconds_WindowIsTheInterfacesOwn(string interfaceKind, long window)
    {
        var lab = new TrafficLab("seed");
        var eni = interfaceKind == "instance" ? lab.InterfaceOf("app-1") : lab.NatInterface("nat-a");
        var log = lab.AddFlowLog(eni.Id.Value, "NetworkInterface", Format, maxAggregationInterval: 600);
        // One connection of 9 minutes through the NAT gateway, inside one 600-s window (Start is a multiple of 600).
        var result = lab.RunYaml(TimeSpan.FromMinutes(10), """
            workloads:
              - { name: long, from: app-1, to: 203.0.113.80, protocol: tcp, port: 443, connections: 1, start: 0s, end: 1s, duration: 540s,
                  request: { packets: 540, bytes: 54000 }, response: { packets: 540, bytes: 540000 } }
            """);

        var records = lab.Lines(result, log).Select(l => l.Split(' ')).ToArray();
        Assert.NotEmpty(records);
        // DescribeFlowLogs still reports the interval as set.
        Assert.Equal(600, lab.Network.FlowLogs[log.Id].MaxAggregationInterval);
        long start = TrafficLab.Start.ToUnixTimeSeconds();
        foreach (var r in records)
        {
            long first = long.Parse(r[1], CultureInfo.InvariantCulture), last = long.Parse(r[2], CultureInfo.InvariantCulture);
            Assert.Equal(first / window, last / window);
            Assert.InRange(first, start, start + 599);
        }
        // Per direction, one record per leg and window: the NAT gateway's two legs in one 600-s window; the instance's
        // one leg in each of the 9+ minutes.
        var perDirection = records.GroupBy(r => r[4]).Select(g => g.Count()).ToArray();
        Assert.Equal(2, perDirection.Length);
        Assert.All(perDirection, n => Assert.True(window == 600 ? n == 2 : n >= 9, $"{interfaceKind}: {n} records"));
    }
}
