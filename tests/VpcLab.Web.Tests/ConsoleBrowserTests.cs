using System.Text.Json;
using Amazon.EC2.Model;
using Microsoft.Playwright;

namespace VpcLab.Web.Tests;

/// <summary>The console in a real headless Chromium against a real server on a random loopback port with the seed
/// scenario loaded (<c>vpclab serve --scenario seed</c>). Each test saves a screenshot under TestResults/web-console.</summary>
public sealed class ConsoleBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const int Width = 1280;
    private const int Height = 800;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed record Drawn(string Id, string Kind, string? Parent, string Classes, bool Visible, double X1, double Y1, double X2, double Y2);

    private async Task<(ConsoleLab Lab, IPage Page, List<string> Requests)> OpenAsync(int width = Width, int height = Height)
    {
        var ct = TestContext.Current.CancellationToken;
        var lab = await ConsoleLab.StartAsync("seed", ct);
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var requests = new List<string>();
        page.Request += (_, request) => { lock (requests) requests.Add(request.Url); };
        await page.GotoAsync(lab.Server.Url.ToString());
        await page.WaitForFunctionAsync("() => window.vpclab && window.vpclab.drawn().some(n => n.kind === 'subnet')");
        return (lab, page, requests);
    }

    private static async Task<List<Drawn>> DrawnAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("() => window.vpclab.drawn()");
        return JsonSerializer.Deserialize<List<Drawn>>(json.GetRawText(), Web)!;
    }

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebRepository.Artifacts, name + ".png"), FullPage = true });

    [Fact]
    public async Task Map_SeedScenario_EverySubnetAndGatewayDrawnInsideTheMap()
    {
        var (lab, page, requests) = await OpenAsync();
        await using var _ = lab;
        await ScreenshotAsync(page, "seed-map");
        var drawn = (await DrawnAsync(page)).ToDictionary(d => d.Id);
        var world = lab.Server.State.ControlPlane.Network;
        var expected = world.Subnets.Keys.Select(s => s.Value)
            .Concat(world.InternetGateways.Keys.Select(g => g.Value))
            .Concat(world.EgressOnlyInternetGateways.Keys.Select(g => g.Value))
            .Concat(world.NatGateways.Keys.Select(g => g.Value))
            .Concat(world.Instances.Keys.Select(i => i.Value));
        var map = await page.Locator("#map").BoundingBoxAsync();
        foreach (var id in expected)
        {
            Assert.True(drawn.TryGetValue(id, out var node), $"{id} is not drawn");
            Assert.True(node.X2 - node.X1 > 5 && node.Y2 - node.Y1 > 5, $"{id} has no size");
            Assert.True(node.X1 >= -1 && node.Y1 >= -1 && node.X2 <= map!.Width + 1 && node.Y2 <= map.Height + 1, $"{id} lies outside the map ({node})");
        }
        foreach (var subnet in world.Subnets.Values)
            Assert.Equal($"az:{subnet.VpcId}:{subnet.AvailabilityZone.Name}", drawn[subnet.Id.Value].Parent);
        lock (requests)
            Assert.All(requests, url => Assert.StartsWith(lab.Server.Url.ToString(), url, StringComparison.Ordinal)); // no CDN, no other host
    }

    [Fact]
    public async Task MapClick_PublicSubnet_DetailsShowItsRouteTableAndRoutes()
    {
        var (lab, page, _) = await OpenAsync();
        await using var __ = lab;
        var world = lab.Server.State.ControlPlane.Network;
        var subnet = world.Subnets.Values.Single(s => world.NameOf(s.Id.Value) == "public-a");
        var node = (await DrawnAsync(page)).Single(d => d.Id == subnet.Id.Value);
        var map = (await page.Locator("#map").BoundingBoxAsync())!;
        // Inside the subnet's box, in its padding above its first child: a click on the subnet itself.
        await page.Mouse.ClickAsync((float)(map.X + (node.X1 + node.X2) / 2), (float)(map.Y + node.Y1 + 3));
        var details = page.Locator("#details");
        await details.GetByText("Subnet public-a (public)").WaitForAsync();
        var routes = details.Locator("section.route-table");
        Assert.Contains("Route table public-rt", await routes.Locator("h3").InnerTextAsync(), StringComparison.Ordinal);
        var igw = world.InternetGateways.Keys.Single().Value;
        var rows = await routes.Locator("tbody tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains("0.0.0.0/0", StringComparison.Ordinal) && r.Contains(igw, StringComparison.Ordinal) && r.Contains("active", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("10.0.0.0/16", StringComparison.Ordinal) && r.Contains("local", StringComparison.Ordinal));
        await ScreenshotAsync(page, "subnet-details");

        // The same from the keyboard: the component list, then Enter on a route table.
        await page.Locator("summary", new() { HasText = "Route tables" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("button.link", new() { HasText = "app-rt" }).First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await details.GetByText("Route table app-rt").WaitForAsync();
        var nat = world.NatGateways.Keys.Single().Value;
        Assert.Contains(await details.Locator("tbody tr").AllInnerTextsAsync(), r => r.Contains("0.0.0.0/0", StringComparison.Ordinal) && r.Contains(nat, StringComparison.Ordinal));
        await ScreenshotAsync(page, "route-table-details");
    }

    // NACLs are stateless: db-acl admits app-b's request on 5432 and has no outbound rule for the reply to app-b
    // (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html); Reachability Analyzer names
    // SUBNET_ACL_RESTRICTION (https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html).
    [Fact]
    public async Task Trace_NaclDropsTheReturnPath_DbSubnetHighlightedWithItsExplanation()
    {
        var (lab, page, _) = await OpenAsync();
        await using var __ = lab;
        await page.FillAsync("#trace-from", "app-2");
        await page.FillAsync("#trace-to", "db-1");
        await page.SelectOptionAsync("#trace-protocol", "tcp");
        await page.FillAsync("#trace-port", "5432");
        await page.ClickAsync("#trace-run");
        var drop = page.Locator("#trace-result .drop");
        await drop.WaitForAsync();
        var words = await drop.InnerTextAsync();
        Assert.Contains("SUBNET_ACL_RESTRICTION", words, StringComparison.Ordinal);
        Assert.Contains("db-acl", words, StringComparison.Ordinal);
        Assert.Contains("return path", words, StringComparison.Ordinal);
        Assert.Contains("final rule *", words, StringComparison.Ordinal);
        var world = lab.Server.State.ControlPlane.Network;
        var dbA = world.Subnets.Values.Single(s => world.NameOf(s.Id.Value) == "db-a").Id.Value;
        var drawn = await DrawnAsync(page);
        Assert.Contains("dropped", drawn.Single(d => d.Id == dbA).Classes.Split(' '));
        Assert.Single(drawn, d => d.Classes.Split(' ').Contains("dropped"));
        Assert.True(await page.Locator("#trace-result ol.hops").CountAsync() == 2, "both paths are listed");
        await ScreenshotAsync(page, "trace-nacl-return");
    }

    [Fact]
    public async Task CreateSubnet_ThroughTheSdk_AppearsWithoutReload()
    {
        var ct = TestContext.Current.CancellationToken;
        var (lab, page, _) = await OpenAsync();
        await using var __ = lab;
        await page.EvaluateAsync("() => { window.sameDocument = 42; }");
        var world = lab.Server.State.ControlPlane.Network;
        var vpc = world.Vpcs.Values.Single(v => world.NameOf(v.Id.Value) == "seed-vpc");
        using var ec2 = lab.Ec2();
        var created = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.Id.Value, CidrBlock = "10.0.99.0/24", AvailabilityZone = "us-east-1c" }, ct)).Subnet.SubnetId;
        await page.WaitForFunctionAsync($"() => window.vpclab.drawn().some(n => n.id === '{created}')", null, new() { Timeout = 15_000 });
        Assert.Equal(42, await page.EvaluateAsync<int>("() => window.sameDocument"));
        var node = (await DrawnAsync(page)).Single(d => d.Id == created);
        Assert.Equal($"az:{vpc.Id}:us-east-1c", node.Parent);
        await ScreenshotAsync(page, "subnet-created-live");
    }

    [Fact]
    public async Task CollapseVpc_FromItsDetails_ItsSubnetsHidden_ExpandShowsThemAgain()
    {
        var (lab, page, _) = await OpenAsync();
        await using var __ = lab;
        var world = lab.Server.State.ControlPlane.Network;
        var vpc = world.Vpcs.Values.Single(v => world.NameOf(v.Id.Value) == "seed-vpc");
        var subnets = world.SubnetsOf(vpc.Id).Select(s => s.Id.Value).ToHashSet();
        await page.Locator("summary", new() { HasText = "VPCs" }).ClickAsync();
        await page.Locator($"button.link[data-ref=\"{vpc.Id}\"]").ClickAsync();
        await page.ClickAsync("#collapse");
        var drawn = await DrawnAsync(page);
        Assert.All(drawn.Where(d => subnets.Contains(d.Id)), d => Assert.False(d.Visible, $"{d.Id} still shown"));
        Assert.Contains("collapsed", drawn.Single(d => d.Id == vpc.Id.Value).Classes.Split(' '));
        await ScreenshotAsync(page, "vpc-collapsed");
        await page.ClickAsync("#collapse");
        Assert.All((await DrawnAsync(page)).Where(d => subnets.Contains(d.Id)), d => Assert.True(d.Visible, $"{d.Id} hidden"));
    }

    [Fact]
    public async Task FlowLogView_ActionsByInterface_SameNumbersAsVpclabQuery()
    {
        var ct = TestContext.Current.CancellationToken;
        var (lab, page, _) = await OpenAsync();
        await using var __ = lab;
        await lab.RunScenarioTrafficAsync("seed", "15m", ct);
        var example = VpcLab.Query.ExampleQueries.ActionsByInterface;
        await page.SelectOptionAsync("#flowlog-example", example.Name);
        await page.ClickAsync("#flowlog-run");
        var table = page.Locator("#flowlog-result table");
        await table.WaitForAsync();
        var shown = new List<List<string>>();
        foreach (var row in await table.Locator("tbody tr").AllAsync())
            shown.Add([.. (await row.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim())]);
        using var query = VpcLab.Query.FlowLogQuery.Open(lab.Server.AwsServices.S3Root);
        var expected = query.Execute(example.Sql).Rows.Select(r => r.Select(VpcLab.Query.QueryResultText.Cell).ToList()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, shown);
        await ScreenshotAsync(page, "flow-logs");
    }

    [Fact]
    public async Task NarrowWindow_MapThenPanels_EverySubnetStillDrawn()
    {
        var (lab, page, _) = await OpenAsync(width: 480, height: 800);
        await using var __ = lab;
        var map = (await page.Locator("#map").BoundingBoxAsync())!;
        Assert.True(map.Width <= 480 && map.Height > 300, $"map {map.Width}x{map.Height}");
        Assert.True(await page.Locator("#trace-form").IsVisibleAsync());
        var drawn = await DrawnAsync(page);
        Assert.Equal(lab.Server.State.ControlPlane.Network.Subnets.Count, drawn.Count(d => d.Kind == "subnet"));
        await ScreenshotAsync(page, "narrow");
    }
}
