namespace VpcLab.Query.Tests;

/// <summary>Each named example on the three sample files (docs/athena.md), numbers added up from the records.</summary>
public sealed class ExampleQueriesTests : IDisposable
{
    private readonly FlowLogTree _tree = SampleLogs.WriteAll();
    private readonly FlowLogQuery _query;

    public ExampleQueriesTests() => _query = FlowLogQuery.Open(_tree.Root);

    public void Dispose()
    {
        _query.Dispose();
        _tree.Dispose();
    }

    private static object?[][] Rows(QueryResult result) => result.Rows.Select(r => r.Select(QueryResultText.Cell).Cast<object?>().ToArray()).ToArray();

    [Fact]
    public void TopTalkers_PairsByBytes_FromOkRecordsOfEveryFormat()
    {
        var expected = SampleLogs.AllRecords()
            .Where(r => r["log-status"] == "OK")
            .GroupBy(r => (Src: r["srcaddr"], Dst: r["dstaddr"]))
            .Select(g => new object?[] { g.Key.Src, g.Key.Dst, g.Sum(r => long.Parse(r["packets"])).ToString(), g.Sum(r => long.Parse(r["bytes"])).ToString(), g.Count().ToString() })
            .OrderByDescending(r => long.Parse((string)r[3]!)).ThenBy(r => (string)r[0]!, StringComparer.Ordinal).ThenBy(r => (string)r[1]!, StringComparer.Ordinal)
            .Take(10)
            .ToArray();
        var result = _query.Execute(ExampleQueries.TopTalkers.Sql);
        Assert.Equal(["srcaddr", "dstaddr", "packets", "bytes", "records"], result.Columns.Select(c => c.Name));
        Assert.Equal(expected, Rows(result));
        Assert.Equal(new object?[] { "10.2.0.9", "52.94.0.10", 30L, 15000L, 1L }, result.Rows[0]);
    }

    // Rejected: eni-a ICMP from 203.0.113.12; eni-c 22/tcp out; eni-d 5432/tcp out and 22/tcp in from 198.51.100.1.
    [Fact]
    public void RejectedByPort_MixedRecords_CountsRejectsPerDestinationPortAndProtocol()
    {
        var result = _query.Execute(ExampleQueries.RejectedByPort.Sql);
        Assert.Equal(["dstport", "protocol", "records", "packets", "sources"], result.Columns.Select(c => c.Name));
        Assert.Equal(
            [
                new object?[] { 22, 6L, 2L, 5L, 2L },
                new object?[] { 0, 1L, 1L, 4L, 1L },
                new object?[] { 5432, 6L, 1L, 5L, 1L },
            ],
            result.Rows.Select(r => r.ToArray()));
    }

    // Egress on traffic-path 7 (gateway endpoint) to S3 from eni-c and to DynamoDB from eni-d; the ingress reply from S3
    // and the internet-gateway egress do not count.
    [Fact]
    public void GatewayEndpointTraffic_EndpointRecords_GroupsEgressToS3AndDynamoDbPerInterfaceAndVpc()
    {
        var result = _query.Execute(ExampleQueries.GatewayEndpointTraffic.Sql);
        Assert.Equal(["interface_id", "vpc_id", "service", "traffic_path", "packets", "bytes", "records"], result.Columns.Select(c => c.Name));
        Assert.Equal(
            [
                new object?[] { "eni-d", "vpc-2", "DYNAMODB", 7, 30L, 15000L, 1L },
                new object?[] { "eni-c", "vpc-1", "S3", 7, 20L, 9000L, 1L },
            ],
            result.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void BytesByTrafficPath_EgressRecords_SumsBytesPerPathCode()
    {
        var expected = SampleLogs.AllRecords()
            .Where(r => r.GetValueOrDefault("flow-direction") == "egress" && r["log-status"] == "OK")
            .GroupBy(r => int.Parse(r["traffic-path"]))
            .OrderBy(g => g.Key)
            .Select(g => (Path: g.Key, Bytes: g.Sum(r => long.Parse(r["bytes"])), Records: (long)g.Count()))
            .ToArray();
        var result = _query.Execute(ExampleQueries.BytesByTrafficPath.Sql);
        Assert.Equal(expected, result.Rows.Select(r => ((int)r[0]!, (long)r[result.IndexOf("bytes")]!, (long)r[result.IndexOf("records")]!)));
        Assert.Equal(["same VPC", "gateway endpoint", "internet gateway"], result.Column("path"));
    }

    [Fact]
    public void ActionsByInterface_MixedRecords_CountsAcceptAndReject()
    {
        var result = _query.Execute(ExampleQueries.ActionsByInterface.Sql);
        Assert.Equal(
            [
                new object?[] { "eni-a", 2L, 1L, 8336L },
                new object?[] { "eni-c", 3L, 1L, 21260L },
                new object?[] { "eni-d", 1L, 2L, 15520L },
            ],
            result.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void RecordsByDay_DeliveredFiles_UsesTheKeysDateRegionAndAccount()
    {
        var result = _query.Execute(ExampleQueries.RecordsByDay.Sql);
        Assert.Equal(
            [
                new object?[] { "2026-11-22", "eu-west-1", SampleLogs.AccountA, "4", "21260" },
                new object?[] { "2026-11-23", "us-east-1", SampleLogs.AccountA, "4", "8336" },
                new object?[] { "2026-11-23", "us-west-2", SampleLogs.AccountB, "3", "15520" },
            ],
            Rows(result));
    }

    // The custom-format file has no start field: its records have no minute and are left out.
    [Fact]
    public void ActionsOverTime_RecordsWithAStart_CountsPerMinute()
    {
        var result = _query.Execute(ExampleQueries.ActionsOverTime.Sql);
        Assert.Equal(["minute_start", "accepted", "rejected", "bytes"], result.Columns.Select(c => c.Name));
        Assert.Equal([new object?[] { 1795450800L, 3L, 3L, 23856L }], result.Rows.Select(r => r.ToArray()));
    }

    [Fact]
    public void Records_EveryFile_AllRecordsInStartOrder_NoStartLast()
    {
        var result = _query.Execute(ExampleQueries.Records.Sql);
        Assert.Equal(11, result.Rows.Count);
        Assert.Equal(["eni-a", "eni-a", "eni-a", "eni-b", "eni-d", "eni-d", "eni-d", "eni-c", "eni-c", "eni-c", "eni-c"], result.Column("interface_id"));
    }

    [Fact]
    public void Find_KnowsEveryExampleByName_IgnoringCase()
    {
        Assert.Equal(["top-talkers", "rejected-by-port", "gateway-endpoint-traffic", "bytes-by-traffic-path", "actions-by-interface", "records-by-day",
            "actions-over-time", "records"],
            ExampleQueries.All.Select(q => q.Name));
        Assert.Same(ExampleQueries.TopTalkers, ExampleQueries.Find("Top-Talkers"));
        Assert.Null(ExampleQueries.Find("nope"));
    }
}
