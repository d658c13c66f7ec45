using Amazon.EC2.Model;

namespace VpcLab.Web.Tests;

/// <summary>The trace view in Chromium on the seed: a saved Reachability Analyzer path (made with the AWS SDK's
/// CreateNetworkInsightsPath) opened and drawn, and a source and destination picked by clicking the map.</summary>
public sealed class TraceViewBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static string IdOf(ConsoleLab lab, string name)
    {
        var world = lab.Server.State.ControlPlane.Network;
        return world.Instances.Values.Single(i => world.NameOf(i.Id.Value) == name).Id.Value;
    }

    private static async Task AssertDbSubnetDroppedTheReplyAsync(ConsolePage console)
    {
        var drop = console.Page.Locator("#trace-result .drop");
        await drop.WaitForAsync();
        var words = await drop.InnerTextAsync();
        Assert.Contains("SUBNET_ACL_RESTRICTION", words, StringComparison.Ordinal);
        Assert.Contains("return path", words, StringComparison.Ordinal);
        var world = console.Lab.Server.State.ControlPlane.Network;
        var dbA = world.Subnets.Values.Single(s => world.NameOf(s.Id.Value) == "db-a").Id.Value;
        Assert.Contains("dropped", (await console.DrawnAsync()).Single(d => d.Id == dbA).Classes.Split(' '));
    }

    // Reachability Analyzer paths: https://docs.aws.amazon.com/vpc/latest/reachability/how-reachability-analyzer-works.html;
    // db-acl lets app-b's request in and has no outbound rule for its reply (SUBNET_ACL_RESTRICTION,
    // https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html).
    [Fact]
    public async Task SavedPath_CreatedWithTheSdk_OpenedAndDrawnWithTheNaclDrop()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var console = await ConsolePage.OpenAsync(chromium);
        var (lab, page) = (console.Lab, console.Page);
        using var ec2 = lab.Ec2();
        var path = (await ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
        {
            Source = IdOf(lab, "app-2"), Destination = IdOf(lab, "db-1"), Protocol = "tcp", DestinationPort = 5432,
            TagSpecifications = [new TagSpecification { ResourceType = "network-insights-path", Tags = [new Tag("Name", "app-to-db")] }],
        }, ct)).NetworkInsightsPath;
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('#saved-path option')].some(o => o.value === '{path.NetworkInsightsPathId}')", null, new() { Timeout = 15_000 });
        Assert.Contains("app-to-db", await page.Locator("#saved-path option").First.InnerTextAsync(), StringComparison.Ordinal);
        await page.SelectOptionAsync("#saved-path", path.NetworkInsightsPathId);
        await page.ClickAsync("#open-path");
        await AssertDbSubnetDroppedTheReplyAsync(console);
        Assert.Contains(path.NetworkInsightsPathId, await page.Locator("#trace-result .trace-heading").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(IdOf(lab, "app-2"), await page.InputValueAsync("#trace-from"));
        Assert.Equal("5432", await page.InputValueAsync("#trace-port"));
        await console.ScreenshotAsync("trace-saved-path");
    }

    [Fact]
    public async Task PickOnMap_SourceAndDestinationClicked_FormFilledAndTraced()
    {
        await using var console = await ConsolePage.OpenAsync(chromium);
        var (lab, page) = (console.Lab, console.Page);
        await page.ClickAsync("#pick-from");
        Assert.Equal("true", await page.GetAttributeAsync("#pick-from", "aria-pressed"));
        await console.ClickNodeAsync(IdOf(lab, "app-2"));
        Assert.Equal(IdOf(lab, "app-2"), await page.InputValueAsync("#trace-from"));
        Assert.Equal("false", await page.GetAttributeAsync("#pick-from", "aria-pressed"));
        await page.ClickAsync("#pick-to");
        await console.ClickNodeAsync(IdOf(lab, "db-1"));
        Assert.Equal(IdOf(lab, "db-1"), await page.InputValueAsync("#trace-to"));
        await page.FillAsync("#trace-port", "5432");
        await page.ClickAsync("#trace-run");
        await AssertDbSubnetDroppedTheReplyAsync(console);

        // The internet gateway stands for the internet: an internet address (TEST-NET-2).
        await page.ClickAsync("#pick-from");
        var igw = lab.Server.State.ControlPlane.Network.InternetGateways.Keys.First().Value;
        await console.ClickNodeAsync(igw);
        Assert.Equal("198.51.100.1", await page.InputValueAsync("#trace-from"));
        await console.ScreenshotAsync("trace-picked");
    }
}
