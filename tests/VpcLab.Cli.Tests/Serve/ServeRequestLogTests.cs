using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace VpcLab.Cli.Tests.Serve;

/// <summary><c>vpclab serve --log-requests</c> as a real process: one line per call on stderr (time, account, Region,
/// service, action, HTTP status, duration; docs/semantics.md#request-log).</summary>
public sealed partial class ServeRequestLogTests
{
    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 222222222222 eu-west-1 ec2 DescribeVpcs 200 \d+ms$", RegexOptions.Multiline)]
    private static partial Regex DescribeVpcsLine();

    [Fact]
    public async Task Serve_LogRequests_WritesOneLinePerCallToStderr()
    {
        int port;
        using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "vpclab.dll"), "serve", "--in-memory", "--log-requests", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
            var up = false;
            for (var i = 0; i < 600 && !up && !process.HasExited; i++)
            {
                try
                {
                    using var health = await http.GetAsync("_vpclab/health", TestContext.Current.CancellationToken);
                    up = health.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100, TestContext.Current.CancellationToken);
                }
            }
            Assert.True(up, "vpclab serve did not start");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("Action=DescribeVpcs&Version=2016-11-15", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
            request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=222222222222/20261204/eu-west-1/ec2/aws4_request, SignedHeaders=host, Signature=00");
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode);
            for (var i = 0; i < 100 && !DescribeVpcsLine().IsMatch(Snapshot(stderr)); i++)
                await Task.Delay(50, TestContext.Current.CancellationToken);
            Assert.Matches(DescribeVpcsLine(), Snapshot(stderr));
            Assert.Contains(" - - vpclab health 200 ", Snapshot(stderr), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private static string Snapshot(System.Text.StringBuilder text)
    {
        lock (text)
            return text.ToString();
    }
}
