namespace VpcLab.Query.Tests;

public sealed class QueryResultTextTests
{
    private static readonly QueryResult Sample = new(
        [new("name", "VARCHAR"), new("bytes", "BIGINT"), new("day", "DATE")],
        [
            ["a,b", 5000L, new DateOnly(2026, 11, 23)],
            ["say \"hi\"", null, null],
        ]);

    [Fact]
    public void Csv_QuotesCommasAndQuotes_NullIsEmpty() =>
        Assert.Equal("name,bytes,day\n\"a,b\",5000,2026-11-23\n\"say \"\"hi\"\"\",,\n", Csv(Sample));

    [Fact]
    public void Json_IsAnArrayOfObjects_NumbersStayNumbers()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(QueryResultText.Json(Sample));
        var rows = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal("a,b", rows[0].GetProperty("name").GetString());
        Assert.Equal(5000, rows[0].GetProperty("bytes").GetInt64());
        Assert.Equal("2026-11-23", rows[0].GetProperty("day").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows[1].GetProperty("bytes").ValueKind);
    }

    [Fact]
    public void Json_OfRealQuery_RoundTripsNumbers()
    {
        using var tree = SampleLogs.WriteAll();
        using var query = FlowLogQuery.Open(tree.Root);
        var result = query.Execute("SELECT SUM(bytes) AS total, MIN(\"date\") AS first FROM vpc_flow_logs");
        using var doc = System.Text.Json.JsonDocument.Parse(QueryResultText.Json(result));
        var row = doc.RootElement[0];
        Assert.Equal(SampleLogs.AllRecords().Sum(r => r.TryGetValue("bytes", out var b) ? long.Parse(b) : 0), row.GetProperty("total").GetInt64());
        Assert.Equal("2026-11-22", row.GetProperty("first").GetString());
    }

    private static string Csv(QueryResult result)
    {
        using var writer = new StringWriter();
        QueryResultText.WriteCsv(result, writer);
        return writer.ToString();
    }
}

public sealed class QueryResultColumnTests
{
    [Fact]
    public void Columns_OfAResult_CarryDuckDbTypeNames()
    {
        using var tree = SampleLogs.WriteAll();
        using var query = FlowLogQuery.Open(tree.Root);
        var result = query.Execute("SELECT version, bytes, srcaddr, \"date\", SUM(bytes) OVER () AS total, 1.5::DOUBLE AS d FROM vpc_flow_logs LIMIT 1");
        Assert.Equal(["INTEGER", "BIGINT", "VARCHAR", "DATE", "HUGEINT", "DOUBLE"], result.Columns.Select(c => c.SqlType));
        Assert.Equal([true, true, false, false, true, true], result.Columns.Select(c => c.IsNumeric));
    }
}
