using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VpcLab.Cli.Tests.WebConsole;

/// <summary><c>vpclab demo --web</c> as a user runs it: the seed world served, its console's URL printed, the
/// console answering there (docs/semantics.md#console).</summary>
public sealed class DemoWebCommandTests
{
    [Fact]
    public async Task DemoWeb_FreePort_PrintsTheUrlAndServesTheConsoleWithTheSeedWorld()
    {
        var ct = TestContext.Current.CancellationToken;
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "vpclab.dll"), "demo", "--web", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        try
        {
            var url = $"http://127.0.0.1:{port}";
            var output = new System.Text.StringBuilder();
            for (var line = await process.StandardOutput.ReadLineAsync(ct); line is not null && !output.ToString().Contains(url, StringComparison.Ordinal); line = await process.StandardOutput.ReadLineAsync(ct))
                output.AppendLine(line);
            Assert.Contains($"{url}/", output.ToString(), StringComparison.Ordinal);
            using var http = new HttpClient();
            Assert.Contains("<title>VpcLab console</title>", await http.GetStringAsync(url + "/", ct), StringComparison.Ordinal);
            var topology = await http.GetStringAsync(url + "/_vpclab/console/api/topology", ct);
            Assert.Contains("\"name\":\"seed-vpc\"", topology, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct);
        }
    }
}
