using System.Collections.Immutable;
using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>The real AWS SDK for .NET (AWSSDK.EC2) against the real server (<see cref="VpcLabServer"/>, in memory,
/// on 127.0.0.1 with a random port): every implemented action through the SDK's own marshallers and
/// unmarshallers, the host's SigV4 account and Region, and AWS's error envelope. Split by topic into partial
/// files.</summary>
public sealed partial class Ec2SdkTests : IAsyncLifetime
{
    private const string SecondAccessKey = "AKIDSECOND";

    private VpcLabServer _server = null!;
    private AmazonEC2Client _ec2 = null!;

    static Ec2SdkTests()
    {
        // TOOLCHAIN gotcha 5: SDK v4 leaves collections null for empty sets unless told otherwise.
        AWSConfigs.InitializeCollections = true;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await VpcLabServer.StartAsync(new ServerOptions
        {
            Port = 0,
            DataDirectory = null,
            Quotas = VpcLab.ControlPlane.Ec2Quotas.Generous,
            Accounts = ImmutableDictionary<string, VpcLab.Model.AccountId>.Empty.Add(SecondAccessKey, new VpcLab.Model.AccountId("222222222222")),
        }, Ct);
        _ec2 = Client();
    }

    public async ValueTask DisposeAsync()
    {
        _ec2.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>TOOLCHAIN §6: explicit credentials and AuthenticationRegion, no retries.</summary>
    private AmazonEC2Client Client(string accessKey = "AKIDEXAMPLE", string region = "us-east-1") =>
        new(new BasicAWSCredentials(accessKey, "secret"), new AmazonEC2Config
        {
            ServiceURL = _server.Url.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    private static List<TagSpecification> Named(ResourceType type, string name) =>
        [new TagSpecification { ResourceType = type, Tags = [new Tag("Name", name)] }];

    private async Task<Vpc> NewVpc(string cidr = "10.0.0.0/16", bool ipv6 = false, string? name = null) =>
        (await _ec2.CreateVpcAsync(new CreateVpcRequest
        {
            CidrBlock = cidr,
            AmazonProvidedIpv6CidrBlock = ipv6,
            TagSpecifications = name is null ? null : Named(ResourceType.Vpc, name),
        }, Ct)).Vpc;

    private async Task<Subnet> NewSubnet(string vpcId, string cidr = "10.0.1.0/24", string zone = "us-east-1a") =>
        (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpcId, CidrBlock = cidr, AvailabilityZone = zone }, Ct)).Subnet;

    private async Task<AmazonEC2Exception> Fails(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(call);
        Assert.False(string.IsNullOrEmpty(e.RequestId));
        return e;
    }
}
