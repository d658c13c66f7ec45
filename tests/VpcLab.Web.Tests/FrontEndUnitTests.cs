using System.Diagnostics;

namespace VpcLab.Web.Tests;

/// <summary>The front end's own unit tests (Vitest, web/test/*.test.ts: a trace turned into highlighted elements,
/// the layout input, rules in words), run from the .NET suite so CI counts them. The build's VpcLabWebInstall
/// target has installed web/node_modules.</summary>
public sealed class FrontEndUnitTests
{
    [Fact]
    public async Task Vitest_WebTests_AllPass()
    {
        var ct = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo("npm", "test --silent -- --reporter=verbose")
        {
            WorkingDirectory = WebRepository.WebDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["CI"] = "true";
        using var npm = Process.Start(start)!;
        var output = npm.StandardOutput.ReadToEndAsync(ct);
        var errors = npm.StandardError.ReadToEndAsync(ct);
        await npm.WaitForExitAsync(ct);
        var text = await output + await errors;
        await File.WriteAllTextAsync(Path.Combine(WebRepository.Artifacts, "vitest.txt"), text, ct);
        Assert.True(npm.ExitCode == 0, text);
        // Vitest's summary: "Tests  28 passed (28)", with "N failed" before "passed" when any failed.
        Assert.Matches(@"Tests\s+\d+ passed", text);
        Assert.DoesNotMatch(@"Tests\s+\d+ failed", text);
    }
}
