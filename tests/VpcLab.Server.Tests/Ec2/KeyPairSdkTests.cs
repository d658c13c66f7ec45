using Amazon.EC2;
using Amazon.EC2.Model;
using VpcLab.Server.Tests.Logs;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>Key pairs through the AWS SDK for .NET and the AWS CLI v2 (docs/semantics.md#key-pairs,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateKeyPair.html).</summary>
public sealed class KeyPairSdkTests : IAsyncLifetime
{
    private const string Ed25519Public = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPAdYf9C2j8HegHCvT6qPU6cK9fgyV7SY+r69MQcp8I8 lab";

    private LoopbackEc2 _lab = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _lab = await LoopbackEc2.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _lab.DisposeAsync();

    // Create (tagged), describe with the public key, launch with it, delete; each field the SDK reads is there.
    [Fact]
    public async Task KeyPair_CreateDescribeLaunchDelete_RoundTrips()
    {
        var created = (await _lab.Client.CreateKeyPairAsync(new CreateKeyPairRequest
        {
            KeyName = "deploy",
            KeyType = KeyType.Ed25519,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.KeyPair, Tags = [new Tag("team", "net")] }],
        }, Ct)).KeyPair;
        Assert.StartsWith("-----BEGIN OPENSSH PRIVATE KEY-----", created.KeyMaterial, StringComparison.Ordinal);
        Assert.EndsWith("=", created.KeyFingerprint, StringComparison.Ordinal);

        var info = Assert.Single((await _lab.Client.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = ["deploy"], IncludePublicKey = true }, Ct)).KeyPairs);
        Assert.Equal(created.KeyPairId, info.KeyPairId);
        Assert.Equal(KeyType.Ed25519, info.KeyType);
        Assert.StartsWith("ssh-ed25519 AAAA", info.PublicKey, StringComparison.Ordinal);
        Assert.Equal("net", Assert.Single(info.Tags).Value);
        Assert.Null(Assert.Single((await _lab.Client.DescribeKeyPairsAsync(new DescribeKeyPairsRequest(), Ct)).KeyPairs).PublicKey);

        var instance = Assert.Single((await _lab.Client.RunInstancesAsync(new RunInstancesRequest { KeyName = "deploy", MinCount = 1, MaxCount = 1 }, Ct)).Reservation.Instances);
        Assert.Equal("deploy", instance.KeyName);

        var deleted = await _lab.Client.DeleteKeyPairAsync(new DeleteKeyPairRequest { KeyPairId = created.KeyPairId }, Ct);
        Assert.Equal(created.KeyPairId, deleted.KeyPairId);
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.RunInstancesAsync(new RunInstancesRequest { KeyName = "deploy", MinCount = 1, MaxCount = 1 }, Ct));
        Assert.Equal("InvalidKeyPair.NotFound", error.ErrorCode);
    }

    // ImportKeyPair takes the public key file's bytes (a Blob, base64 on the wire); a second import of the name is
    // InvalidKeyPair.Duplicate.
    [Fact]
    public async Task ImportKeyPair_OpenSshFile_FingerprintAndDuplicate()
    {
        // The .NET SDK sends the string as given: AWS's reference says "For API calls, the text must be base64-encoded".
        var material = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(Ed25519Public + "\n"));
        var imported = await _lab.Client.ImportKeyPairAsync(new ImportKeyPairRequest { KeyName = "laptop", PublicKeyMaterial = material }, Ct);
        Assert.Equal("6WA6jikc46TaC6c66fbNvPiRKSaTeseF8xRYa2G9M4U=", imported.KeyFingerprint);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _lab.Client.ImportKeyPairAsync(new ImportKeyPairRequest { KeyName = "laptop", PublicKeyMaterial = material }, Ct));
        Assert.Equal("InvalidKeyPair.Duplicate", error.ErrorCode);
    }

    [Fact]
    public async Task AwsCliCreateKeyPair_RsaPem_PrintsKeyMaterial()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var result = await AwsCli.RunAsync(_lab.Server.Url, "ec2", "create-key-pair", "--key-name", "cli", "--key-type", "rsa");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", (string?)result.Json["KeyMaterial"], StringComparison.Ordinal);
        Assert.Equal(59, ((string?)result.Json["KeyFingerprint"])!.Length); // SHA-1, colon-separated hex
    }
}
