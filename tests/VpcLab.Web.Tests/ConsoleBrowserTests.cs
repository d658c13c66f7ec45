using Amazon.EC2.Model;
using Microsoft.Playwright;

namespace VpcLab.Web.Tests;

/// <summary>The console in a real headless Chromium against a real server on a random loopback port with the seed
/// scenario loaded (<c>vpclab serve --scenario seed</c>): the map, details, a dropped trace, live updates, collapsing.
/// Each test saves a screenshot under TestResults/web-console.</summary>
public sealed class ConsoleBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private Task<ConsolePage> OpenAsync() => ConsolePage.OpenAsync(chromium);

    [Fact]
    public async Task Map_SeedScenario_EverySubnetAndGatewayDrawnInsideTheMap()
    {
        await using var console = await OpenAsync();
        var (lab, page, requests) = (console.Lab, console.Page, console.Requests);
        await console.ScreenshotAsync("seed-map");
        var drawn = (await console.DrawnAsync()).ToDictionary(d => d.Id);
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
        await using var console = await OpenAsync();
        var (lab, page) = (console.Lab, console.Page);
        var world = lab.Server.State.ControlPlane.Network;
        var subnet = world.Subnets.Values.Single(s => world.NameOf(s.Id.Value) == "public-a");
        var node = (await console.DrawnAsync()).Single(d => d.Id == subnet.Id.Value);
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
        await console.ScreenshotAsync("subnet-details");

        // The same from the keyboard: the component list, then Enter on a route table.
        await page.Locator("summary", new() { HasText = "Route tables" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("button.link", new() { HasText = "app-rt" }).First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await details.GetByText("Route table app-rt").WaitForAsync();
        var nat = world.NatGateways.Keys.Single().Value;
        Assert.Contains(await details.Locator("tbody tr").AllInnerTextsAsync(), r => r.Contains("0.0.0.0/0", StringComparison.Ordinal) && r.Contains(nat, StringComparison.Ordinal));
        await console.ScreenshotAsync("route-table-details");
    }

    // NACLs are stateless: db-acl admits app-b's request on 5432 and has no outbound rule for the reply to app-b
    // (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html); Reachability Analyzer names
    // SUBNET_ACL_RESTRICTION (https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html).
    [Fact]
    public async Task Trace_NaclDropsTheReturnPath_DbSubnetHighlightedWithItsExplanation()
    {
        await using var console = await OpenAsync();
        var (lab, page) = (console.Lab, console.Page);
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
        var drawn = await console.DrawnAsync();
        Assert.Contains("dropped", drawn.Single(d => d.Id == dbA).Classes.Split(' '));
        Assert.Single(drawn, d => d.Classes.Split(' ').Contains("dropped"));
        Assert.True(await page.Locator("#trace-result ol.hops").CountAsync() == 2, "both paths are listed");
        await console.ScreenshotAsync("trace-nacl-return");
    }

    [Fact]
    public async Task CreateSubnet_ThroughTheSdk_AppearsWithoutReload()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var console = await OpenAsync();
        var (lab, page) = (console.Lab, console.Page);
        await page.EvaluateAsync("() => { window.sameDocument = 42; }");
        var world = lab.Server.State.ControlPlane.Network;
        var vpc = world.Vpcs.Values.Single(v => world.NameOf(v.Id.Value) == "seed-vpc");
        using var ec2 = lab.Ec2();
        var created = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.Id.Value, CidrBlock = "10.0.99.0/24", AvailabilityZone = "us-east-1c" }, ct)).Subnet.SubnetId;
        await page.WaitForFunctionAsync($"() => window.vpclab.drawn().some(n => n.id === '{created}')", null, new() { Timeout = 15_000 });
        Assert.Equal(42, await page.EvaluateAsync<int>("() => window.sameDocument"));
        var node = (await console.DrawnAsync()).Single(d => d.Id == created);
        Assert.Equal($"az:{vpc.Id}:us-east-1c", node.Parent);
        await console.ScreenshotAsync("subnet-created-live");
    }

    [Fact]
    public async Task CollapseVpc_FromItsDetails_ItsSubnetsHidden_ExpandShowsThemAgain()
    {
        await using var console = await OpenAsync();
        var (lab, page) = (console.Lab, console.Page);
        var world = lab.Server.State.ControlPlane.Network;
        var vpc = world.Vpcs.Values.Single(v => world.NameOf(v.Id.Value) == "seed-vpc");
        var subnets = world.SubnetsOf(vpc.Id).Select(s => s.Id.Value).ToHashSet();
        await page.Locator("summary", new() { HasText = "VPCs" }).ClickAsync();
        await page.Locator($"button.link[data-ref=\"{vpc.Id}\"]").ClickAsync();
        await page.ClickAsync("#collapse");
        var drawn = await console.DrawnAsync();
        Assert.All(drawn.Where(d => subnets.Contains(d.Id)), d => Assert.False(d.Visible, $"{d.Id} still shown"));
        Assert.Contains("collapsed", drawn.Single(d => d.Id == vpc.Id.Value).Classes.Split(' '));
        await console.ScreenshotAsync("vpc-collapsed");
        await page.ClickAsync("#collapse");
        Assert.All((await console.DrawnAsync()).Where(d => subnets.Contains(d.Id)), d => Assert.True(d.Visible, $"{d.Id} hidden"));
    }
}
