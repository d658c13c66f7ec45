using System.Text.Json;
using Microsoft.Playwright;

namespace VpcLab.Web.Tests;

/// <summary>The console open in a Chromium page against a <see cref="ConsoleLab"/>: what is drawn, screenshots (each
/// browser test saves one under TestResults/web-console), and every URL the page asked for.</summary>
internal sealed class ConsolePage : IAsyncDisposable
{
    public const int Width = 1280;
    public const int Height = 800;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly bool _ownsLab;

    private ConsolePage(ConsoleLab lab, IPage page, List<string> requests, bool ownsLab)
    {
        _ownsLab = ownsLab;
        Lab = lab;
        Page = page;
        Requests = requests;
    }

    public ConsoleLab Lab { get; }

    public IPage Page { get; }

    /// <summary>Every URL requested; lock it to read.</summary>
    public List<string> Requests { get; }

    public sealed record Drawn(string Id, string Kind, string? Parent, string Classes, bool Visible, double X1, double Y1, double X2, double Y2, double X, double Y);

    /// <summary>A server with a shipped scenario, a page on it, the map drawn.</summary>
    public static async Task<ConsolePage> OpenAsync(ChromiumFixture chromium, string scenario = "seed", int width = Width, int height = Height) =>
        await OpenAsync(chromium, await ConsoleLab.StartAsync(scenario, TestContext.Current.CancellationToken), width, height, ownsLab: true);

    /// <summary>A page on a running lab; the lab is stopped with the page only when <paramref name="ownsLab"/>.</summary>
    public static async Task<ConsolePage> OpenAsync(ChromiumFixture chromium, ConsoleLab lab, int width = Width, int height = Height, bool ownsLab = false)
    {
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var requests = new List<string>();
        page.Request += (_, request) => { lock (requests) requests.Add(request.Url); };
        await page.GotoAsync(lab.Server.Url.ToString());
        await page.WaitForFunctionAsync("() => window.vpclab && window.vpclab.drawn().some(n => n.kind === 'subnet')");
        return new ConsolePage(lab, page, requests, ownsLab);
    }

    public async Task<List<Drawn>> DrawnAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>("() => window.vpclab.drawn()");
        return JsonSerializer.Deserialize<List<Drawn>>(json.GetRawText(), Web)!;
    }

    /// <summary>Clicks the centre of a drawn node.</summary>
    public async Task ClickNodeAsync(string id)
    {
        var at = await Page.EvaluateAsync<JsonElement>("id => window.vpclab.at(id)", id);
        await Page.Mouse.ClickAsync((float)at.GetProperty("x").GetDouble(), (float)at.GetProperty("y").GetDouble());
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebRepository.Artifacts, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Page.CloseAsync();
        if (_ownsLab)
            await Lab.DisposeAsync();
    }
}
