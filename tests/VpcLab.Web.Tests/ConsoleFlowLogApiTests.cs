using System.Net;
using System.Text.Json;
using VpcLab.Query;
using VpcLab.Server.WebConsole;

namespace VpcLab.Web.Tests;

/// <summary><c>/_vpclab/console/api/flowlogs</c> with filters: the example's own SQL over the filtered records
/// (<see cref="FlowLogFilter.Apply"/>), bad filters refused with the field named (docs/semantics.md#console-flow-logs).</summary>
public sealed class ConsoleFlowLogApiTests
{
    private static string Compact(string json) => json.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);

    // AWS: action is ACCEPT or REJECT; srcport/dstport; start/end in Unix seconds
    // (https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html).
    [Fact]
    public async Task FlowLogs_Filtered_AnswersAsTheFilteredQuery_EveryRowMatches()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        await lab.RunScenarioTrafficAsync("seed", "15m", ct);
        using var query = FlowLogQuery.Open(lab.Server.AwsServices.S3Root);
        var first = query.Execute(ExampleQueries.Records.Sql).Rows[0];
        var start = (long)first[0]!;
        var filter = new FlowLogFilter(Action: "ACCEPT", Port: 443, From: start, To: start + 300);
        var answer = await lab.GetJsonAsync($"{ConsoleEndpoints.ApiPath}/flowlogs?example=records&action=accept&port=443&from={start}&to={Uri.EscapeDataString(DateTimeOffset.FromUnixTimeSeconds(start + 300).ToString("O", System.Globalization.CultureInfo.InvariantCulture))}", ct);
        var expected = query.Execute(filter.Apply(ExampleQueries.Records.Sql));
        Assert.NotEmpty(expected.Rows);
        Assert.Equal(Compact(QueryResultText.Json(expected)), Compact(JsonSerializer.Serialize(answer.GetProperty("rows"))));
        foreach (var row in answer.GetProperty("rows").EnumerateArray())
        {
            Assert.Equal("ACCEPT", row.GetProperty("action").GetString());
            Assert.True(row.GetProperty("srcport").GetInt32() == 443 || row.GetProperty("dstport").GetInt32() == 443);
            Assert.InRange(row.GetProperty("start").GetInt64(), start - 60, start + 299);
        }
        Assert.Contains("action = 'ACCEPT'", answer.GetProperty("where").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadFilters() => new()
    {
        { "action=DROP", "action: 'DROP' is not ACCEPT or REJECT." },
        { "port=70000", "port: '70000' is not a number from 0 to 65535." },
        { "address=10.0.0.300", "address: '10.0.0.300' is not an IP address." },
        { "from=yesterday", "from: 'yesterday' is neither Unix seconds nor an ISO 8601 time." },
        { "from=200&to=100", "to: the window ends before it starts." },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public async Task FlowLogs_BadFilter_400NamingTheField(string filter, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await ConsoleLab.StartAsync("seed", ct);
        using var response = await lab.Http.GetAsync($"{ConsoleEndpoints.ApiPath}/flowlogs?example=records&{filter}", ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("error").GetString());
    }
}
