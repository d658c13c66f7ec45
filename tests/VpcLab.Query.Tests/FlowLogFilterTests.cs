namespace VpcLab.Query.Tests;

/// <summary>The console's filters (docs/semantics.md#console-flow-logs) on the three sample files (11 records: eni-a 4
/// and eni-b 1 NODATA with start/end, eni-c 4 without, eni-d 3 with), counted by hand.</summary>
public sealed class FlowLogFilterTests : IDisposable
{
    private readonly FlowLogTree _tree = SampleLogs.WriteAll();
    private readonly FlowLogQuery _query;

    public FlowLogFilterTests() => _query = FlowLogQuery.Open(_tree.Root);

    public void Dispose()
    {
        _query.Dispose();
        _tree.Dispose();
    }

    public static TheoryData<string, FlowLogFilter, long> Filters() => new()
    {
        { "nothing filtered", FlowLogFilter.None, 11 },
        { "one interface", new(InterfaceId: "eni-c"), 4 },
        { "rejected only (AWS: ACCEPT or REJECT)", new(Action: "REJECT"), 4 },
        { "an address at either end", new(Address: "10.0.1.5"), 3 },
        { "a port at either end", new(Port: 443), 4 },
        { "window from: end at or after", new(From: 1795450860), 7 },
        { "window to: start before", new(To: 1795450800), 0 },
        { "all terms together", new(Action: "REJECT", Port: 22), 2 },
        { "a quote in a value is a value", new(InterfaceId: "eni-a' OR '1'='1"), 0 },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Apply_CountStar_CountsTheMatchingRecords(string why, FlowLogFilter filter, long expected)
    {
        var result = _query.Execute(filter.Apply("SELECT COUNT(*) AS n FROM vpc_flow_logs"));
        Assert.True(expected == (long)result.Rows[0][0]!, why);
    }

    [Fact]
    public void Apply_AnExampleQuery_RunsUnchangedOverTheNarrowedTable()
    {
        var result = _query.Execute(new FlowLogFilter(Port: 22).Apply(ExampleQueries.ActionsByInterface.Sql));
        Assert.Equal([new object?[] { "eni-c", 0L, 1L, 180L }, new object?[] { "eni-d", 0L, 1L, 120L }], result.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void Apply_NothingFiltered_TheSqlItself() =>
        Assert.Equal(ExampleQueries.TopTalkers.Sql, FlowLogFilter.None.Apply(ExampleQueries.TopTalkers.Sql));

    [Fact]
    public void Predicate_UnknownAction_Refused() =>
        Assert.Throws<ArgumentException>(() => new FlowLogFilter(Action: "DROP").Predicate());
}
