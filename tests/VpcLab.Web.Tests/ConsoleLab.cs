using System.Text.Json;
using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using VpcLab.Server.Hosting;
using VpcLab.TestWorlds;

namespace VpcLab.Web.Tests;

/// <summary>A real in-memory server on a random loopback port with a shipped scenario loaded
/// (<c>vpclab serve --scenario</c>), an HTTP client for its console API, and AWS SDK clients for its accounts.</summary>
internal sealed class ConsoleLab : IAsyncDisposable
{
    static ConsoleLab()
    {
        AWSConfigs.InitializeCollections = true;
    }

    private ConsoleLab(VpcLabServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.Url };
    }

    public VpcLabServer Server { get; }

    public HttpClient Http { get; }

    public static Task<ConsoleLab> StartAsync(string scenario, CancellationToken ct) => StartFileAsync(ShippedScenarios.PathOf(scenario), ct);

    /// <summary>A server with the scenario file at <paramref name="path"/> loaded (<c>vpclab serve --scenario FILE</c>),
    /// with AWS's default quotas unless others are given (a generated world of 50 VPCs needs more than 5 a Region).</summary>
    public static async Task<ConsoleLab> StartFileAsync(string path, CancellationToken ct, VpcLab.ControlPlane.Ec2Quotas? quotas = null) =>
        new(await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null, ScenarioFile = path, Quotas = quotas ?? VpcLab.ControlPlane.Ec2Quotas.AwsDefaults }, ct));

    /// <summary>An EC2 client acting as <paramref name="account"/> (a 12-digit access key is that account) in a Region.</summary>
    public AmazonEC2Client Ec2(string account = "111111111111", string region = "us-east-1") =>
        new(new BasicAWSCredentials(account, "secret"), new AmazonEC2Config { ServiceURL = Server.Url.ToString(), AuthenticationRegion = region, MaxErrorRetry = 0 });

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery, CancellationToken ct)
    {
        var text = await Http.GetStringAsync(pathAndQuery, ct);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Plays the scenario's own workloads for <paramref name="duration"/> through <c>POST /_vpclab/traffic</c>, so
    /// the server delivers the flow logs the scenario declares.</summary>
    public async Task RunScenarioTrafficAsync(string scenario, string duration, CancellationToken ct)
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["workloads"] = await File.ReadAllTextAsync(ShippedScenarios.PathOf(scenario), ct), ["duration"] = duration };
        using var response = await Http.PostAsync("/_vpclab/traffic", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"traffic: {(int)response.StatusCode} {text}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
