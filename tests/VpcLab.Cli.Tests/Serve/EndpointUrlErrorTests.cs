using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using VpcLab.Server.Hosting;

namespace VpcLab.Cli.Tests.Serve;

/// <summary><c>--endpoint-url</c> when something is wrong: nothing listening, a server that is not VpcLab, an account
/// or Region the server does not know, options that contradict each other. All bad input (exit code 2) in plain words;
/// and the caller named by the AWS environment variables and profiles as the AWS CLI names it
/// (docs/semantics.md#endpoint-url).</summary>
public sealed class EndpointUrlErrorTests
{
    private static readonly string[] Flow = ["--from", "web-1", "--to", "db-1", "--protocol", "tcp", "--port", "5432"];

    [Fact]
    public void Trace_NothingListening_ExitsTwoSayingNothingAnswers()
    {
        var run = CliRun.Of(["trace", "--endpoint-url", $"http://127.0.0.1:{FreePort()}", .. Flow]);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("nothing answers at", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, "text/html", "<html><body>hello</body></html>", "is not a VpcLab server: GET /_vpclab/world answered not JSON")]
    [InlineData(200, "application/json", "{\"status\":\"ok\"}", "is not a VpcLab server: GET /_vpclab/world answered not a VpcLab world snapshot")]
    [InlineData(404, "text/plain", "Not Found", "is not a VpcLab server (GET /_vpclab/world answered HTTP 404)")]
    public async Task Trace_ServerIsNotVpcLab_ExitsTwoSayingSo(int status, string contentType, string body, string expected)
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var answer = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }, TestContext.Current.CancellationToken);
        var run = CliRun.Of(["trace", "--endpoint-url", $"http://127.0.0.1:{port}", .. Flow]);
        await answer;
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_AccountWithNothingOnTheServer_ExitsTwoNamingTheAccount()
    {
        await using var server = await VpcLabServer.StartAsync(
            new ServerOptions { Port = 0, DataDirectory = null, DefaultAccount = new("999999999999") }, TestContext.Current.CancellationToken);
        var run = CliRun.Of("show", "--endpoint-url", server.Url.ToString(), "--region", "us-east-1");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("UnknownAccount: The account 999999999999", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_RegionTheServerDoesNotServe_ExitsTwoNamingTheRegion()
    {
        await using var server = await VpcLabServer.StartAsync(
            new ServerOptions { Port = 0, DataDirectory = null, ScenarioFile = ScenarioFiles.Resolve("seed") }, TestContext.Current.CancellationToken);
        var run = CliRun.Of("show", "--endpoint-url", server.Url.ToString(), "--region", "xx-nowhere-1");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("UnknownRegion: This server does not serve the Region 'xx-nowhere-1'", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("give --scenario or --endpoint-url, not both", "trace", "--scenario", "seed", "--endpoint-url", "http://127.0.0.1:1")]
    [InlineData("give --scenario (a file, or one of:", "trace")]
    [InlineData("give the scenario (a file, or one of:", "show")]
    [InlineData("--region applies only with --endpoint-url", "trace", "--scenario", "seed", "--region", "eu-west-1")]
    [InlineData("--profile applies only with --endpoint-url", "show", "seed", "--profile", "lab")]
    [InlineData("--endpoint-url: 'localhost:4566' is not an http:// or https:// URL", "resolve", "--endpoint-url", "localhost:4566", "--vpc", "internet", "example.com")]
    public void WorldOptions_Contradictory_ExitsTwoSayingWhy(string expected, params string[] args)
    {
        var run = CliRun.Of(args[0] == "trace" ? [.. args, .. Flow] : args);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
    }

    // The AWS CLI's precedence: command-line options, then environment variables, then the profile in the files
    // (https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-configure.html#configure-precedence). The process's
    // environment is the real one here, so each row runs vpclab as a process.
    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID=222222222222 AWS_REGION=eu-west-1", "", "vpc-c")]
    [InlineData("AWS_ACCESS_KEY_ID=222222222222 AWS_DEFAULT_REGION=us-east-1", "", "vpc-b")]
    [InlineData("AWS_ACCESS_KEY_ID=111111111111 AWS_PROFILE=shared", "", "vpc-a vpc-overlap")] // the variable beats the profile
    [InlineData("AWS_ACCESS_KEY_ID=111111111111 AWS_REGION=us-east-1", "--profile shared --region eu-west-1", "vpc-c")] // options beat variables
    public async Task Show_AwsSettingsOfTheCaller_ListsThatAccountsVpcsInThatRegion(string environment, string options, string expectedVpcs)
    {
        var path = ScenarioFiles.Resolve("peering");
        await using var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null, ScenarioFile = path }, TestContext.Current.CancellationToken);
        var home = Path.Combine(Path.GetTempPath(), $"vpclab-home-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(home, ".aws"));
        await File.WriteAllTextAsync(Path.Combine(home, ".aws", "credentials"), "[shared]\naws_access_key_id = 222222222222\naws_secret_access_key = unused\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(home, ".aws", "config"), "[profile shared]\nregion = us-east-1\n", TestContext.Current.CancellationToken);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "vpclab.dll"), "show", "--endpoint-url", server.Url.ToString(), "--json" }
            .Concat(options.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            start.ArgumentList.Add(a);
        foreach (var name in new[] { "AWS_ACCESS_KEY_ID", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE" })
            start.Environment.Remove(name);
        start.Environment["HOME"] = home;
        foreach (var pair in environment.Split(' '))
            start.Environment[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, stderr);
        using var json = JsonDocument.Parse(await stdout);
        var vpcs = json.RootElement.GetProperty("vpcs").EnumerateArray().Select(v => v.GetProperty("id").GetString()).ToList();
        var scenario = VpcLab.ControlPlane.Scenarios.ScenarioLoader.LoadFile(path);
        Assert.Equal(expectedVpcs.Split(' ').Select(scenario.IdOf).Order(StringComparer.Ordinal), vpcs.Order(StringComparer.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
