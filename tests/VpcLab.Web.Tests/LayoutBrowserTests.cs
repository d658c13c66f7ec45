using System.Globalization;
using System.Text;

namespace VpcLab.Web.Tests;

/// <summary>Readability in Chromium: a generated world of 50 VPCs (boxes never overlap, the same world is laid out the
/// same way twice, a VPC collapses), the keyboard, and the two window sizes the console must work at (1280×800 and a
/// narrow one). docs/semantics.md#console-layout.</summary>
public sealed class LayoutBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>50 VPCs in one account and Region, 2 subnets in two zones each, an instance, an internet gateway on every
    /// third, and a peering between each even VPC and the next.</summary>
    private static string FiftyVpcs()
    {
        var yaml = new StringBuilder("name: fifty\ndescription: 50 VPCs for the console's layout test.\nregion: us-east-1\naccounts:\n  - { name: prod, id: \"111111111111\" }\nvpcs:\n");
        for (int i = 0; i < 50; i++)
        {
            var n = i.ToString("00", CultureInfo.InvariantCulture);
            yaml.Append(CultureInfo.InvariantCulture, $"  - name: vpc-{n}\n    cidr: 10.{i}.0.0/16\n");
            if (i % 3 == 0)
                yaml.Append(CultureInfo.InvariantCulture, $"    internet-gateway: igw-{n}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    subnets:\n      - {{ name: a-{n}, az: us-east-1a, cidr: 10.{i}.0.0/24 }}\n      - {{ name: b-{n}, az: us-east-1b, cidr: 10.{i}.1.0/24 }}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    instances:\n      - {{ name: host-{n}, subnet: a-{n} }}\n");
        }
        yaml.Append("peerings:\n");
        for (int i = 0; i < 50; i += 2)
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ name: p-{i:00}, requester: vpc-{i:00}, accepter: vpc-{i + 1:00} }}\n");
        var path = Path.Combine(Path.GetTempPath(), $"vpclab-fifty-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }

    private static bool Overlap(ConsolePage.Drawn a, ConsolePage.Drawn b) => a.X1 < b.X2 && b.X1 < a.X2 && a.Y1 < b.Y2 && b.Y1 < a.Y2;

    // Cytoscape compound nodes: a parent's box encloses its children; siblings must not overlap to be readable.
    [Fact]
    public async Task FiftyVpcs_BoxesNeverOverlap_SameWorldSamePositions_ACollapsedVpcHidesItsSubnets()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = FiftyVpcs();
        try
        {
            await using var lab = await ConsoleLab.StartFileAsync(file, ct, VpcLab.ControlPlane.Ec2Quotas.Generous); // AWS: 5 VPCs a Region by default, adjustable
            await using var console = await ConsolePage.OpenAsync(chromium, lab);
            var drawn = await console.DrawnAsync();
            var vpcs = drawn.Where(d => d.Kind == "vpc").ToList();
            Assert.Equal(50, vpcs.Count);
            Assert.Equal(100, drawn.Count(d => d.Kind == "subnet"));
            for (int i = 0; i < vpcs.Count; i++)
            {
                for (int j = i + 1; j < vpcs.Count; j++)
                    Assert.False(Overlap(vpcs[i], vpcs[j]), $"{vpcs[i].Id} and {vpcs[j].Id} overlap");
            }
            foreach (var group in drawn.Where(d => d.Kind == "subnet").GroupBy(d => d.Parent))
            {
                var subnets = group.ToList();
                for (int i = 0; i < subnets.Count; i++)
                {
                    for (int j = i + 1; j < subnets.Count; j++)
                        Assert.False(Overlap(subnets[i], subnets[j]), $"{subnets[i].Id} and {subnets[j].Id} overlap");
                }
            }
            await console.ScreenshotAsync("fifty-vpcs");

            // A second page on the same world: the same positions (seeded layout, stable order).
            await using (var again = await ConsolePage.OpenAsync(chromium, lab))
            {
                var second = (await again.DrawnAsync()).ToDictionary(d => d.Id);
                foreach (var d in drawn)
                    Assert.True(Math.Abs(second[d.Id].X - d.X) < 0.5 && Math.Abs(second[d.Id].Y - d.Y) < 0.5, $"{d.Id} moved: ({d.X},{d.Y}) then ({second[d.Id].X},{second[d.Id].Y})");
            }

            // Double-click a VPC: it collapses to one box.
            var vpc = vpcs[0];
            var subnetsOf = drawn.Where(d => d.Kind == "az" && d.Parent == vpc.Id).Select(d => d.Id).ToHashSet();
            await console.Page.EvaluateAsync("id => window.vpclab.select(id)", vpc.Id);
            await console.Page.ClickAsync("#collapse");
            var after = await console.DrawnAsync();
            Assert.All(after.Where(d => d.Kind == "subnet" && subnetsOf.Contains(d.Parent!)), d => Assert.False(d.Visible, $"{d.Id} still shown"));
            await console.ScreenshotAsync("fifty-vpcs-one-collapsed");
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static TheoryData<string, int, int> Viewports() => new()
    {
        { "laptop", 1280, 800 },
        { "narrow", 480, 800 },
    };

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Viewport_SeedMap_EverySubnetDrawn_PanelsReachable(string name, int width, int height)
    {
        await using var console = await ConsolePage.OpenAsync(chromium, width: width, height: height);
        var page = console.Page;
        var map = (await page.Locator("#map").BoundingBoxAsync())!;
        Assert.True(map.Width <= width && map.Height > 300, $"map {map.Width}x{map.Height}");
        var drawn = await console.DrawnAsync();
        Assert.Equal(console.Lab.Server.State.ControlPlane.Network.Subnets.Count, drawn.Count(d => d.Kind == "subnet" && d.Visible));
        Assert.All(drawn.Where(d => d.Kind == "subnet"), d => Assert.True(d.X1 >= -1 && d.X2 <= map.Width + 1, $"{d.Id} outside the map"));
        // Nothing wider than the window: no sideways scrolling.
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width);
        foreach (var id in new[] { "#trace-form", "#view-flowlogs", "#saved-path" })
        {
            await page.Locator(id).ScrollIntoViewIfNeededAsync();
            Assert.True(await page.Locator(id).IsVisibleAsync(), $"{id} hidden at {name}");
        }
        await page.ClickAsync("#view-flowlogs");
        await page.Locator("#fl-status").WaitForAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, "the flow-log view fits");
        await console.ScreenshotAsync($"viewport-{name}");
    }

    // Keyboard reachable: Tab walks the header, the map's tools, the trace form and the component list, each control
    // showing its focus; the skip link comes first.
    [Fact]
    public async Task Keyboard_TabFromTheTop_ReachesEveryControlInOrder()
    {
        await using var console = await ConsolePage.OpenAsync(chromium);
        var page = console.Page;
        var reached = new List<string>();
        for (int i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.className || document.activeElement.tagName"));
        }
        Assert.Equal("skip", reached[0]);
        foreach (var id in new[] { "account", "region", "view-map", "view-flowlogs", "fit", "saved-path", "trace-from", "pick-from", "trace-to", "pick-to", "trace-run" })
            Assert.Contains(id, reached);
        Assert.True(reached.IndexOf("trace-from") < reached.IndexOf("trace-run"));
        var outline = await page.EvaluateAsync<string>("() => { document.getElementById('trace-run').focus(); return getComputedStyle(document.activeElement).outlineStyle; }");
        Assert.Equal("solid", outline);
        await console.ScreenshotAsync("keyboard");
    }

    /// <summary>WCAG 2 contrast of every visible element's own text against the background it sits on (the first
    /// opaque background up its ancestors, else the page's white).</summary>
    private const string LowContrast = """
        () => {
          const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const background = (el) => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || c[3] > 0.9) return c; } return [255, 255, 255]; };
          const low = [];
          for (const el of document.querySelectorAll('body *')) {
            if (el.closest('svg, option, #map') || !el.checkVisibility()) continue;
            if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
            const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) low.push(`${el.tagName}#${el.id}.${el.className} ${ratio.toFixed(2)}`);
          }
          return low;
        }
        """;

    // WCAG 2.1 success criterion 1.4.3: text at least 4.5:1 against its background.
    [Fact]
    public async Task Contrast_MapAndFlowLogViews_EveryTextAtLeast4point5To1()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var console = await ConsolePage.OpenAsync(chromium);
        var page = console.Page;
        await console.Lab.RunScenarioTrafficAsync("seed", "5m", ct);
        await page.FillAsync("#trace-from", "app-2");
        await page.FillAsync("#trace-to", "db-1");
        await page.FillAsync("#trace-port", "5432");
        await page.ClickAsync("#trace-run");
        await page.Locator("#trace-result .drop").WaitForAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>(LowContrast));
        await page.ClickAsync("#view-flowlogs");
        await page.Locator("#fl-records table").WaitForAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>(LowContrast));
        await console.ScreenshotAsync("contrast-flow-logs");
    }
}
