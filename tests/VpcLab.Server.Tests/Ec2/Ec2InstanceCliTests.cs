using System.Text.Json.Nodes;
using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.Logs;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>The real AWS CLI v2 against the real server (127.0.0.1, random port, in memory): the documented NAT
/// instance command `aws ec2 modify-instance-attribute --no-source-dest-check`
/// (https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html), describe-instance-attribute, and
/// the public IPv4 an instance gets back after an Elastic IP round trip
/// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses).</summary>
public sealed class Ec2InstanceCliTests : IAsyncLifetime
{
    private VpcLabServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private Task<JsonObject> Ok(params string[] args) => AwsCli.OkAsync(_server.Url, ["ec2", .. args]);

    private async Task<string> PublicIpOf(string instanceId) =>
        (string)(await Ok("describe-instances", "--instance-ids", instanceId))["Reservations"]![0]!["Instances"]![0]!["PublicIpAddress"]!;

    [Fact]
    public async Task NatInstanceSetup_ThroughAwsCliV2_SourceDestCheckOffAndPublicIpv4Renewed()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        // The default VPC's subnets map public IPv4s on launch.
        var subnets = await Ok("describe-subnets", "--filters", "Name=default-for-az,Values=true");
        var subnet = (string)subnets["Subnets"]![0]!["SubnetId"]!;
        var run = await Ok("run-instances", "--image-id", "ami-0fc50b841d13a3d05", "--count", "1", "--subnet-id", subnet);
        var instance = (string)run["Instances"]![0]!["InstanceId"]!;

        Assert.Empty(await Ok("modify-instance-attribute", "--instance-id", instance, "--no-source-dest-check"));
        var check = await Ok("describe-instance-attribute", "--instance-id", instance, "--attribute", "sourceDestCheck");
        Assert.Equal(instance, (string?)check["InstanceId"]);
        Assert.False((bool)check["SourceDestCheck"]!["Value"]!);

        var launched = await PublicIpOf(instance);
        var eip = await Ok("allocate-address");
        var association = await Ok("associate-address", "--instance-id", instance, "--allocation-id", (string)eip["AllocationId"]!);
        Assert.Equal((string?)eip["PublicIp"], await PublicIpOf(instance));
        await Ok("disassociate-address", "--association-id", (string)association["AssociationId"]!);
        var renewed = await PublicIpOf(instance);
        Assert.NotEqual(launched, renewed);
        Assert.NotEqual((string?)eip["PublicIp"], renewed);

        var unsupported = await AwsCli.RunAsync(_server.Url, "ec2", "describe-instance-attribute", "--instance-id", instance, "--attribute", "kernel");
        Assert.Equal(254, unsupported.ExitCode); // AWS CLI v2: a service error
        Assert.Contains("UnsupportedOperation", unsupported.Stderr, StringComparison.Ordinal);
    }
}
