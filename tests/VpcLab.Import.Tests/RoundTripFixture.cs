using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using VpcLab.ControlPlane;
using VpcLab.Import.Collection;
using VpcLab.Server.Hosting;

namespace VpcLab.Import.Tests;

/// <summary>The round trip's two worlds, built once for the class: the server's (built through the SDK) and the one
/// imported from what <see cref="Ec2Collector"/> wrote of it, five items per page.</summary>
public sealed class RoundTripFixture : IAsyncLifetime
{
    public const string AccountA = "111111111111";
    public const string AccountB = "222222222222";
    public const string Region = "us-east-1";

    private readonly string _out = Path.Combine(Path.GetTempPath(), $"vpclab-collect-{Guid.NewGuid():N}");

    static RoundTripFixture()
    {
        AWSConfigs.InitializeCollections = true; // SDK v4 leaves empty collections null otherwise
    }

    public VpcLabServer Server { get; private set; } = null!;

    public Ec2ControlPlane Imported { get; private set; } = null!;

    public string Folder => _out;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, ct);
        using var a = Client(AccountA);
        using var b = Client(AccountB);
        await RoundTripWorld.BuildAsync(a, b, ct);
        foreach (var (client, account) in new[] { (a, AccountA), (b, AccountB) })
            await new Ec2Collector(client, pageSize: 5).CollectAsync(_out, Region, account, ct);
        Imported = WorldImporter.Import(_out).ControlPlane();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (Directory.Exists(_out))
            Directory.Delete(_out, recursive: true);
    }

    private AmazonEC2Client Client(string accessKey) =>
        new(new BasicAWSCredentials(accessKey, "secret"), new AmazonEC2Config
        {
            ServiceURL = Server.Url.ToString(), AuthenticationRegion = Region, MaxErrorRetry = 0,
        });
}
