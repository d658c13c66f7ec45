using CsCheck;
using VpcLab.FlowLogs.CloudWatchLogs;

namespace VpcLab.FlowLogs.Tests.CloudWatchLogs;

public class CloudWatchLogsPagingPropertyTests
{
    private static readonly LogScope Scope = new("111111111111", "us-east-1");

    // Invariant: paging forward (GetLogEvents) or with nextToken (FilterLogEvents) at any page size visits every
    // event exactly once, in time order, whatever the ties between timestamps.
    [Fact]
    public void Paging_AnyLimit_VisitsEveryEventOnceInOrder()
    {
        Gen.Long[0, 50].Array[1, 40].Select(Gen.Int[1, 7]).Sample((timestamps, limit) =>
        {
            Array.Sort(timestamps);
            using var store = CloudWatchLogsStore.InMemory();
            store.EnsureLogGroupAndStream(Scope, "g", "s");
            store.PutLogEvents(Scope, "g", "s", timestamps.Select((t, i) => new InputLogEvent(t, $"m{i}")).ToArray());
            var expected = timestamps.Select((_, i) => $"m{i}").ToArray();

            var forward = new List<string>();
            var page = store.GetLogEvents(Scope, new GetLogEventsRequest("g", "s") { StartFromHead = true, Limit = limit });
            while (page.Events.Length > 0)
            {
                forward.AddRange(page.Events.Select(e => e.Message));
                page = store.GetLogEvents(Scope, new GetLogEventsRequest("g", "s") { NextToken = page.NextForwardToken, Limit = limit });
            }
            Assert.Equal(expected, forward);

            var filtered = new List<string>();
            string? token = null;
            do
            {
                var result = store.FilterLogEvents(Scope, new FilterLogEventsRequest("g") { Limit = limit, NextToken = token });
                filtered.AddRange(result.Events.Select(e => e.Message));
                token = result.NextToken;
            }
            while (token is not null);
            Assert.Equal(expected, filtered);
        }, iter: 200);
    }
}
