using VpcLab.FlowLogs.CloudWatchLogs;
using VpcLab.FlowLogs.Delivery.CloudWatch;
using VpcLab.FlowLogs.Formatting;
using VpcLab.Model;

namespace VpcLab.FlowLogs.Tests.Delivery;

/// <summary>flow-logs.md §5.2: a stream per interface, an event per record (timestamp = start in ms, message = the line),
/// the group created on first delivery.</summary>
public class CloudWatchDeliveryTests
{
    private static FlowLog CwlLog(FlowLogTrafficType traffic = FlowLogTrafficType.All, string destination = "arn:aws:logs:eu-west-1:123456789012:log-group:my-flow-logs",
        string? groupName = null) =>
        Samples.S3Log() with
        {
            DestinationType = FlowLogDestinationType.CloudWatchLogs,
            LogDestination = destination,
            LogGroupName = groupName,
            TrafficType = traffic,
        };

    private static List<FlowRecord> Records()
    {
        long t = Samples.At(2026, 11, 23, 4, 0, 0);
        return
        [
            Samples.Tcp("10.0.0.5", "10.0.1.9", 40002, 443, t + 20, t + 60),
            Samples.Tcp("10.0.0.5", "10.0.1.9", 40001, 443, t + 10, t + 60),
            Samples.Tcp("10.0.0.6", "10.0.1.9", 40003, 443, t + 5, t + 60, Samples.OtherEni),
        ];
    }

    [Theory]
    [InlineData(FlowLogTrafficType.All, "eni-1235b8ca123456789-all")]
    [InlineData(FlowLogTrafficType.Accept, "eni-1235b8ca123456789-accept")]
    [InlineData(FlowLogTrafficType.Reject, "eni-1235b8ca123456789-reject")]
    public void Stream_is_named_after_the_interface_and_the_traffic_type(FlowLogTrafficType traffic, string expected)
    {
        Assert.Equal(expected, CloudWatchFlowLogDelivery.StreamName("eni-1235b8ca123456789", traffic));
    }

    [Fact]
    public void Events_are_the_record_lines_stamped_with_their_start_in_the_group_of_the_destination_ARN()
    {
        using var store = CloudWatchLogsStore.InMemory();
        var log = CwlLog();
        var streams = new CloudWatchFlowLogDelivery(store).Deliver(log, Records());
        Assert.Equal(["eni-0aaaaaaaaaaaaaaaa-all", "eni-1235b8ca123456789-all"], streams);

        // The ARN's account and Region, not the flow log's, decide where the group lives; it did not exist before.
        var scope = new LogScope("123456789012", "eu-west-1");
        var page = store.GetLogEvents(scope, new GetLogEventsRequest("my-flow-logs", "eni-1235b8ca123456789-all") { StartFromHead = true });
        var formatter = new FlowRecordFormatter(log.Format);
        var expected = Records().Take(2).OrderBy(r => r.Start).ToList();
        Assert.Equal(expected.Select(r => r.Start * 1000), page.Events.Select(e => e.Timestamp));
        Assert.Equal(expected.Select(r => formatter.FormatLine(r)), page.Events.Select(e => e.Message));
        Assert.DoesNotContain(page.Events, e => e.Message.StartsWith("version", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_delivery_appends_to_the_same_streams()
    {
        using var store = CloudWatchLogsStore.InMemory();
        var delivery = new CloudWatchFlowLogDelivery(store);
        delivery.Deliver(CwlLog(groupName: "g"), Records());
        delivery.Deliver(CwlLog(groupName: "g"), Records());
        var page = store.GetLogEvents(new LogScope("123456789012", "eu-west-1"), new GetLogEventsRequest("my-flow-logs", "eni-0aaaaaaaaaaaaaaaa-all") { StartFromHead = true });
        Assert.Equal(2, page.Events.Length);
    }

    [Fact]
    public void A_log_group_name_without_an_ARN_lives_in_the_flow_logs_account_and_Region()
    {
        Assert.Equal((new LogScope("123456789012", "us-east-1"), "plain-group"),
            CloudWatchFlowLogDelivery.Target(CwlLog(destination: "", groupName: "plain-group")));
        Assert.Equal((new LogScope("210987654321", "us-west-2"), "g/x"),
            CloudWatchFlowLogDelivery.Target(CwlLog(destination: "arn:aws:logs:us-west-2:210987654321:log-group:g/x:*")));
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("arn:aws:logs:us-east-1:123456789012:destination:d")]
    public void A_destination_that_is_not_a_log_group_is_refused_by_name(string destination)
    {
        var e = Assert.Throws<ArgumentException>(() => CloudWatchFlowLogDelivery.Target(CwlLog(destination: destination)));
        Assert.Contains(destination, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batches_stay_within_PutLogEvents_limits_and_keep_every_event_in_order()
    {
        // 25,000 events of ~100 bytes spanning 30 hours: cut by count (10,000), by 24 h, never above 1 MiB.
        var events = Enumerable.Range(0, 25_000).Select(i => new InputLogEvent(i * 4_320L, new string('x', 100 + (i % 7)))).ToList();
        var batches = CloudWatchFlowLogDelivery.Batches(events).ToList();
        Assert.Equal(events, batches.SelectMany(b => b));
        Assert.All(batches, b =>
        {
            Assert.InRange(b.Count, 1, CloudWatchLogsStore.MaxEventsPerPut);
            Assert.True(b.Sum(e => e.Message.Length + CloudWatchLogsStore.PerEventOverheadBytes) <= CloudWatchLogsStore.MaxBatchBytes);
            Assert.True(b[^1].Timestamp - b[0].Timestamp <= CloudWatchLogsStore.MaxBatchSpanMilliseconds);
        });
        var big = Enumerable.Range(0, 20).Select(i => new InputLogEvent(i, new string('y', 200_000))).ToList();
        Assert.All(CloudWatchFlowLogDelivery.Batches(big), b => Assert.True(b.Count <= 5));
    }
}
