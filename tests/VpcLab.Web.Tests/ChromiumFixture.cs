using Microsoft.Playwright;

namespace VpcLab.Web.Tests;

/// <summary>One headless Chromium for a test class: Debian's <c>chromium</c> (installed by .ci/run) driven by
/// Microsoft.Playwright, whose own browser download is never used. VPCLAB_CHROMIUM names another executable.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public static string Executable => Environment.GetEnvironmentVariable("VPCLAB_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"No Chromium at {Executable}: install Debian's chromium package (.ci/run does) or set VPCLAB_CHROMIUM.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"], // CI runs as root, where Chromium's sandbox cannot start
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
