using VpcLab.Query;

namespace VpcLab.Web.Tests;

/// <summary>The flow-log view in Chromium after the seed's own workloads ran 15 simulated minutes: every chart and the
/// records table show the numbers <c>vpclab query --example NAME</c> prints (the same <see cref="FlowLogQuery"/> over
/// the server's S3 tree), before and after filtering (docs/semantics.md#console-flow-logs).</summary>
public sealed class FlowLogViewBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static List<List<string>> Expected(ConsoleLab lab, ExampleQuery example, FlowLogFilter filter)
    {
        using var query = FlowLogQuery.Open(lab.Server.AwsServices.S3Root);
        return [.. query.Execute(filter.Apply(example.Sql)).Rows.Select(r => r.Select(QueryResultText.Cell).ToList())];
    }

    private static async Task<List<List<string>>> ShownRowsAsync(Microsoft.Playwright.ILocator table)
    {
        var shown = new List<List<string>>();
        foreach (var row in await table.Locator("tbody tr").AllAsync())
            shown.Add([.. (await row.Locator("td").AllTextContentsAsync()).Select(t => t.Trim())]); // text, also in a folded <details>
        return shown;
    }

    private static async Task<List<(string, string)>> BarsAsync(Microsoft.Playwright.IPage page, string figure)
    {
        var bars = new List<(string, string)>();
        foreach (var g in await page.Locator($"#{figure} g.bar-row").AllAsync())
            bars.Add((await g.GetAttributeAsync("data-label") ?? "", await g.GetAttributeAsync("data-value") ?? ""));
        return bars;
    }

    private static async Task AssertSameAsVpclabQueryAsync(ConsolePage console, FlowLogFilter filter)
    {
        var (lab, page) = (console.Lab, console.Page);
        var records = Expected(lab, ExampleQueries.Records, filter);
        Assert.NotEmpty(records);
        Assert.Equal(records, await ShownRowsAsync(page.Locator("#fl-records table")));

        var overTime = Expected(lab, ExampleQueries.ActionsOverTime, filter);
        var columns = new List<List<string>>();
        foreach (var g in await page.Locator("#chart-over-time g.column").AllAsync())
        {
            columns.Add([await g.GetAttributeAsync("data-minute") ?? "", await g.GetAttributeAsync("data-accepted") ?? "",
                await g.GetAttributeAsync("data-rejected") ?? ""]);
        }
        Assert.Equal(overTime.Select(r => r.Take(3).ToList()), columns);

        var talkers = Expected(lab, ExampleQueries.TopTalkers, filter);
        Assert.Equal(talkers.Select(r => ($"{r[0]} → {r[1]}", r[3])), await BarsAsync(page, "chart-top-talkers"));
        var paths = Expected(lab, ExampleQueries.BytesByTrafficPath, filter);
        Assert.Equal(paths.Select(r => ($"{(r[0].Length == 0 ? "?" : r[0])} {r[1]}", r[3])), await BarsAsync(page, "chart-paths"));
        // Each chart's table (folded under it) is its query's answer too.
        Assert.Equal(talkers, await ShownRowsAsync(page.Locator("#chart-top-talkers table")));
    }

    [Fact]
    public async Task FlowLogView_AfterTraffic_ChartsAndRecordsAreVpclabQuerysNumbers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var console = await ConsolePage.OpenAsync(chromium);
        var page = console.Page;
        await console.Lab.RunScenarioTrafficAsync("seed", "15m", ct);
        await page.ClickAsync("#view-flowlogs");
        await page.Locator("#fl-records table").WaitForAsync();
        Assert.False(await page.Locator("#map-view").IsVisibleAsync(), "the map gives way to the flow-log view");
        await AssertSameAsVpclabQueryAsync(console, FlowLogFilter.None);
        Assert.True(await page.Locator("#chart-over-time g.column").CountAsync() >= 10, "15 minutes of traffic, a column a minute");
        await console.ScreenshotAsync("flow-logs");
    }

    // AWS: a record's action is ACCEPT or REJECT; start/end bound its capture window
    // (https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html).
    [Fact]
    public async Task FlowLogView_FilteredByInterfaceActionAndWindow_SameNumbersAsTheFilteredQuery()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var console = await ConsolePage.OpenAsync(chromium);
        var page = console.Page;
        await console.Lab.RunScenarioTrafficAsync("seed", "15m", ct);
        await page.ClickAsync("#view-flowlogs");
        await page.Locator("#fl-records table").WaitForAsync();

        var eni = Expected(console.Lab, ExampleQueries.ActionsByInterface, FlowLogFilter.None).OrderByDescending(r => long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)).First()[0];
        await page.SelectOptionAsync("#fl-interface", eni);
        await page.SelectOptionAsync("#fl-action", "ACCEPT");
        await page.ClickAsync("#fl-apply");
        await page.WaitForFunctionAsync("eni => [...document.querySelectorAll('#fl-records tbody tr')].every(r => r.children[2].textContent === eni)", eni);
        await AssertSameAsVpclabQueryAsync(console, new FlowLogFilter(InterfaceId: eni, Action: "ACCEPT"));

        // A click on a minute narrows the window to that minute.
        var column = page.Locator("#chart-over-time g.column").Nth(2);
        var minute = long.Parse((await column.GetAttributeAsync("data-minute"))!, System.Globalization.CultureInfo.InvariantCulture);
        await column.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#chart-over-time g.column').length === 1");
        Assert.Equal(minute.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InputValueAsync("#fl-from"));
        await AssertSameAsVpclabQueryAsync(console, new FlowLogFilter(InterfaceId: eni, Action: "ACCEPT", From: minute, To: minute + 60));
        await console.ScreenshotAsync("flow-logs-filtered");
    }

    [Fact]
    public async Task FlowLogView_BadPort_SaysWhichFieldIsWrong()
    {
        await using var console = await ConsolePage.OpenAsync(chromium);
        var page = console.Page;
        await page.ClickAsync("#view-flowlogs");
        await page.FillAsync("#fl-port", "http");
        await page.ClickAsync("#fl-apply");
        var alert = page.Locator("#fl-charts [role=alert]");
        await alert.WaitForAsync();
        Assert.Contains("port: 'http'", await alert.InnerTextAsync(), StringComparison.Ordinal);
        await console.ScreenshotAsync("flow-logs-bad-filter");
    }
}
