using VpcLab.FlowLogs.CloudWatchLogs;

namespace VpcLab.FlowLogs.Tests.CloudWatchLogs;

public sealed class CloudWatchLogsStoreTests : IDisposable
{
    private static readonly LogScope Scope = new("111111111111", "us-east-1");
    private readonly ManualTime _time = new(1_700_000_000_000);
    private readonly CloudWatchLogsStore _store;

    public CloudWatchLogsStoreTests() => _store = CloudWatchLogsStore.InMemory(_time);

    public void Dispose() => _store.Dispose();

    private static InputLogEvent[] Events(params long[] timestamps) =>
        timestamps.Select(t => new InputLogEvent(t, $"event at {t}")).ToArray();

    private void GroupWithStream(string group = "/vpc/flow", string stream = "eni-1")
    {
        _store.CreateLogGroup(Scope, group);
        _store.CreateLogStream(Scope, group, stream);
    }

    [Fact]
    public void CreateLogGroup_NewGroup_ShowsArnAndCreationTime()
    {
        _store.CreateLogGroup(Scope, "/vpc/flow");
        var group = Assert.Single(_store.DescribeLogGroups(Scope).Items);
        Assert.Equal("/vpc/flow", group.Name);
        Assert.Equal("arn:aws:logs:us-east-1:111111111111:log-group:/vpc/flow", group.Arn);
        Assert.Equal(1_700_000_000_000, group.CreationTime);
    }

    // AWS: a log group name is unique per account and Region.
    [Fact]
    public void CreateLogGroup_Twice_ResourceAlreadyExists_ButOtherScopesAreSeparate()
    {
        _store.CreateLogGroup(Scope, "g");
        var error = Assert.Throws<CloudWatchLogsException>(() => _store.CreateLogGroup(Scope, "g"));
        Assert.Equal("ResourceAlreadyExistsException", error.Code);
        _store.CreateLogGroup(Scope with { Region = "eu-west-1" }, "g");
        _store.CreateLogGroup(Scope with { Account = "222222222222" }, "g");
        Assert.Single(_store.DescribeLogGroups(Scope).Items);
        Assert.Equal(3, _store.FindLogGroupScopes("g").Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("colon:name")]
    public void CreateLogGroup_BadName_InvalidParameter(string name)
    {
        var error = Assert.Throws<CloudWatchLogsException>(() => _store.CreateLogGroup(Scope, name));
        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public void DescribeLogGroups_PrefixAndLimit_FiltersAndPages()
    {
        foreach (var name in new[] { "/app/b", "/vpc/a", "/app/a", "/app/c" })
            _store.CreateLogGroup(Scope, name);
        var first = _store.DescribeLogGroups(Scope, "/app/", limit: 2);
        Assert.Equal(["/app/a", "/app/b"], first.Items.Select(g => g.Name));
        Assert.NotNull(first.NextToken);
        var second = _store.DescribeLogGroups(Scope, "/app/", limit: 2, nextToken: first.NextToken);
        Assert.Equal(["/app/c"], second.Items.Select(g => g.Name));
        Assert.Null(second.NextToken);
    }

    [Fact]
    public void DeleteLogGroup_WithStreams_RemovesStreamsAndEvents()
    {
        GroupWithStream();
        _store.PutLogEvents(Scope, "/vpc/flow", "eni-1", Events(1, 2));
        _store.DeleteLogGroup(Scope, "/vpc/flow");
        Assert.Empty(_store.DescribeLogGroups(Scope).Items);
        Assert.Equal("ResourceNotFoundException", Assert.Throws<CloudWatchLogsException>(() => _store.DeleteLogGroup(Scope, "/vpc/flow")).Code);
        GroupWithStream();
        Assert.Empty(_store.GetLogEvents(Scope, new GetLogEventsRequest("/vpc/flow", "eni-1") { StartFromHead = true }).Events);
    }

    [Fact]
    public void CreateLogStream_MissingGroupOrDuplicate_AwsErrors()
    {
        Assert.Equal("ResourceNotFoundException", Assert.Throws<CloudWatchLogsException>(() => _store.CreateLogStream(Scope, "none", "s")).Code);
        GroupWithStream();
        Assert.Equal("ResourceAlreadyExistsException", Assert.Throws<CloudWatchLogsException>(() => _store.CreateLogStream(Scope, "/vpc/flow", "eni-1")).Code);
        Assert.Equal("InvalidParameterException", Assert.Throws<CloudWatchLogsException>(() => _store.CreateLogStream(Scope, "/vpc/flow", "a:b")).Code);
    }

    [Fact]
    public void PutLogEvents_NewEvents_UpdateStreamTimesAndBytes()
    {
        GroupWithStream();
        _time.Advance(5000);
        _store.PutLogEvents(Scope, "/vpc/flow", "eni-1", [new(100, "abc"), new(300, "de")]);
        var stream = Assert.Single(_store.DescribeLogStreams(Scope, "/vpc/flow").Items);
        Assert.Equal((100L, 300L, 1_700_000_005_000L, 5L), (stream.FirstEventTimestamp, stream.LastEventTimestamp, stream.LastIngestionTime, stream.StoredBytes));
        Assert.Equal("arn:aws:logs:us-east-1:111111111111:log-group:/vpc/flow:log-stream:eni-1", stream.Arn);
        Assert.Equal(5, Assert.Single(_store.DescribeLogGroups(Scope).Items).StoredBytes);
    }

    // AWS PutLogEvents: events in chronological order, 1..10,000 per batch, at most 24 hours apart.
    [Theory]
    [InlineData(new long[] { })]
    [InlineData(new long[] { 200, 100 })]
    [InlineData(new long[] { 0, 24L * 3600 * 1000 + 1 })]
    [InlineData(new long[] { -1 })]
    public void PutLogEvents_BadBatch_InvalidParameterAndNothingStored(long[] timestamps)
    {
        GroupWithStream();
        var error = Assert.Throws<CloudWatchLogsException>(() => _store.PutLogEvents(Scope, "/vpc/flow", "eni-1", Events(timestamps)));
        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Empty(_store.FilterLogEvents(Scope, new FilterLogEventsRequest("/vpc/flow")).Events);
    }

    [Fact]
    public void PutLogEvents_MissingStream_ResourceNotFound()
    {
        _store.CreateLogGroup(Scope, "g");
        Assert.Equal("ResourceNotFoundException", Assert.Throws<CloudWatchLogsException>(() => _store.PutLogEvents(Scope, "g", "s", Events(1))).Code);
    }

    [Fact]
    public void GetLogEvents_FromHead_PagesForwardThenReturnsSameTokenAtEnd()
    {
        GroupWithStream();
        _store.PutLogEvents(Scope, "/vpc/flow", "eni-1", Events(10, 20, 30, 40, 50));
        var page = _store.GetLogEvents(Scope, new GetLogEventsRequest("/vpc/flow", "eni-1") { StartFromHead = true, Limit = 2 });
        var seen = new List<long>();
        while (page.Events.Length > 0)
        {
            seen.AddRange(page.Events.Select(e => e.Timestamp));
            var next = _store.GetLogEvents(Scope, new GetLogEventsRequest("/vpc/flow", "eni-1") { NextToken = page.NextForwardToken, Limit = 2 });
            if (next.Events.Length == 0)
                Assert.Equal(page.NextForwardToken, next.NextForwardToken); // how aws logs tail knows it reached the end
            page = next;
        }
        Assert.Equal([10L, 20, 30, 40, 50], seen);
    }

    [Fact]
    public void GetLogEvents_Default_IsLatestEventsAscending_AndBackwardTokenGoesBack()
    {
        GroupWithStream();
        _store.PutLogEvents(Scope, "/vpc/flow", "eni-1", Events(10, 20, 30, 40, 50));
        var latest = _store.GetLogEvents(Scope, new GetLogEventsRequest("/vpc/flow", "eni-1") { Limit = 2 });
        Assert.Equal([40L, 50], latest.Events.Select(e => e.Timestamp));
        var earlier = _store.GetLogEvents(Scope, new GetLogEventsRequest("/vpc/flow", "eni-1") { Limit = 2, NextToken = latest.NextBackwardToken });
        Assert.Equal([20L, 30], earlier.Events.Select(e => e.Timestamp));
    }

    // AWS GetLogEvents: startTime is included, endTime is not.
    [Fact]
    public void GetLogEvents_TimeRange_IncludesStartExcludesEnd()
    {
        GroupWithStream();
        _store.PutLogEvents(Scope, "/vpc/flow", "eni-1", Events(10, 20, 30, 40));
        var page = _store.GetLogEvents(Scope, new GetLogEventsRequest("/vpc/flow", "eni-1") { StartTime = 20, EndTime = 40, StartFromHead = true });
        Assert.Equal([20L, 30], page.Events.Select(e => e.Timestamp));
    }

    [Fact]
    public void EventIds_SameEvents_AreStableAndDistinct()
    {
        GroupWithStream();
        _store.PutLogEvents(Scope, "/vpc/flow", "eni-1", Events(10, 10, 20));
        var request = new GetLogEventsRequest("/vpc/flow", "eni-1") { StartFromHead = true };
        var once = _store.GetLogEvents(Scope, request).Events.Select(e => e.EventId).ToArray();
        var again = _store.FilterLogEvents(Scope, new FilterLogEventsRequest("/vpc/flow")).Events.Select(e => e.EventId).ToArray();
        Assert.Equal(once, again);
        Assert.Equal(3, once.Distinct().Count());
    }

    [Fact]
    public void FilterLogEvents_AcrossStreams_InTimeOrder_WithPatternStreamsAndPaging()
    {
        _store.CreateLogGroup(Scope, "g");
        _store.CreateLogStream(Scope, "g", "eni-a");
        _store.CreateLogStream(Scope, "g", "eni-b");
        _store.PutLogEvents(Scope, "g", "eni-a", [new(10, "ACCEPT one"), new(30, "REJECT two")]);
        _store.PutLogEvents(Scope, "g", "eni-b", [new(20, "REJECT three"), new(40, "ACCEPT four")]);

        var all = _store.FilterLogEvents(Scope, new FilterLogEventsRequest("g"));
        Assert.Equal(["eni-a", "eni-b", "eni-a", "eni-b"], all.Events.Select(e => e.LogStreamName));

        var rejects = _store.FilterLogEvents(Scope, new FilterLogEventsRequest("g") { FilterPattern = "REJECT" });
        Assert.Equal(["REJECT three", "REJECT two"], rejects.Events.Select(e => e.Message));

        var onlyB = _store.FilterLogEvents(Scope, new FilterLogEventsRequest("g") { LogStreamNames = ["eni-b"] });
        Assert.Equal([20L, 40], onlyB.Events.Select(e => e.Timestamp));

        // AWS FilterLogEvents: endTime is included.
        var range = _store.FilterLogEvents(Scope, new FilterLogEventsRequest("g") { StartTime = 20, EndTime = 30 });
        Assert.Equal([20L, 30], range.Events.Select(e => e.Timestamp));

        var page1 = _store.FilterLogEvents(Scope, new FilterLogEventsRequest("g") { Limit = 3 });
        Assert.Equal(3, page1.Events.Length);
        var page2 = _store.FilterLogEvents(Scope, new FilterLogEventsRequest("g") { Limit = 3, NextToken = page1.NextToken });
        Assert.Equal([40L], page2.Events.Select(e => e.Timestamp));
        Assert.Null(page2.NextToken);
    }

    [Fact]
    public void DescribeLogStreams_ByLastEventTime_AndPrefixRule()
    {
        _store.CreateLogGroup(Scope, "g");
        foreach (var (name, at) in new[] { ("a", 300L), ("b", 100L), ("c", 200L) })
        {
            _store.CreateLogStream(Scope, "g", name);
            _store.PutLogEvents(Scope, "g", name, Events(at));
        }
        var newest = _store.DescribeLogStreams(Scope, "g", orderBy: LogStreamOrder.LastEventTime, descending: true);
        Assert.Equal(["a", "c", "b"], newest.Items.Select(s => s.Name));
        // AWS: "Cannot order by LastEventTime with a logStreamNamePrefix."
        var error = Assert.Throws<CloudWatchLogsException>(() => _store.DescribeLogStreams(Scope, "g", "a", LogStreamOrder.LastEventTime));
        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public void EnsureLogGroupAndStream_CalledTwice_IsIdempotent()
    {
        _store.EnsureLogGroupAndStream(Scope, "/vpc/flow", "eni-1-all");
        _store.EnsureLogGroupAndStream(Scope, "/vpc/flow", "eni-1-all");
        _store.PutLogEvents(Scope, "/vpc/flow", "eni-1-all", Events(1));
        Assert.Single(_store.DescribeLogStreams(Scope, "/vpc/flow").Items);
    }

    [Fact]
    public void Open_File_SurvivesReopen_AndAnotherConnectionReadsWhileOpen()
    {
        var directory = Directory.CreateTempSubdirectory("cwl-");
        try
        {
            var path = Path.Combine(directory.FullName, "cloudwatch-logs.db");
            using (var store = CloudWatchLogsStore.Open(path, _time))
            {
                store.EnsureLogGroupAndStream(Scope, "g", "s");
                store.PutLogEvents(Scope, "g", "s", Events(5, 6));
                using var reader = CloudWatchLogsStore.Open(path);
                Assert.Equal(2, reader.FilterLogEvents(Scope, new FilterLogEventsRequest("g")).Events.Length);
            }
            using var reopened = CloudWatchLogsStore.Open(path);
            Assert.Equal(["event at 5", "event at 6"], reopened.FilterLogEvents(Scope, new FilterLogEventsRequest("g")).Events.Select(e => e.Message));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
