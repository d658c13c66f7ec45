using System.Net;
using System.Text;
using System.Text.Json;
using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Tests;

/// <summary>A real in-memory server on a random loopback port and the AWS SDK for .NET's EC2 client pointed at it
/// (us-east-1, no retries), for SDK test classes to start in InitializeAsync and dispose in DisposeAsync.</summary>
internal sealed class LoopbackEc2 : IAsyncDisposable
{
    static LoopbackEc2()
    {
        // TOOLCHAIN gotcha 5: SDK v4 leaves collections null for empty sets unless told otherwise.
        AWSConfigs.InitializeCollections = true;
    }

    private LoopbackEc2(VpcLabServer server, AmazonEC2Client client)
    {
        Server = server;
        Client = client;
    }

    public VpcLabServer Server { get; }

    public AmazonEC2Client Client { get; }

    /// <summary>Starts the server (in memory on a free port unless <paramref name="options"/> say otherwise) with a
    /// client for <paramref name="accessKeyId"/> in <paramref name="region"/>.</summary>
    public static async Task<LoopbackEc2> StartAsync(CancellationToken ct, ServerOptions? options = null,
        string accessKeyId = "AKIDEXAMPLE", string region = "us-east-1")
    {
        var server = await VpcLabServer.StartAsync(options ?? new ServerOptions { Port = 0, DataDirectory = null }, ct);
        return new LoopbackEc2(server, ClientFor(server, accessKeyId, region));
    }

    /// <summary>Another caller of the same server (its own account and Region); the caller disposes it.</summary>
    public static AmazonEC2Client ClientFor(VpcLabServer server, string accessKeyId, string region) =>
        new(new BasicAWSCredentials(accessKeyId, "secret"), new AmazonEC2Config
        {
            ServiceURL = server.Url.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    /// <summary>POST /_vpclab/traffic with a JSON body: the HTTP status and the parsed answer.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostTrafficAsync(string body, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = Server.Url };
        using var response = await http.PostAsync("/_vpclab/traffic", new StringContent(body, Encoding.UTF8, "application/json"), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
