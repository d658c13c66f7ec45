using System.Text.Json.Nodes;
using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.Logs;

namespace VpcLab.Server.Tests.Ec2;

/// <summary>The real AWS CLI v2 against the server (127.0.0.1, random port, in memory): the reverse DNS commands of the
/// EC2 User Guide's "Use reverse DNS for email applications" (modify-address-attribute, describe-addresses-attribute,
/// reset-address-attribute; docs/semantics.md#addresses-attribute) and an IPv6-only default subnet
/// (create-default-subnet --ipv6-native, docs/semantics.md#ipv6-only-default-subnets).</summary>
public sealed class ReverseDnsAndIpv6OnlyCliTests : IAsyncLifetime
{
    private VpcLabServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private Task<JsonObject> Ok(params string[] args) => AwsCli.OkAsync(_server.Url, ["ec2", .. args]);

    // The User Guide's example: modify answers PtrRecordUpdate PENDING; describe then shows the record; release is
    // refused while it is set; reset answers PENDING and the address is no longer listed.
    [Fact]
    public async Task ReverseDnsCommands_ThroughAwsCliV2_SetShownLockedReset()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var id = (string)(await Ok("allocate-address", "--domain", "vpc"))["AllocationId"]!;
        var modified = await Ok("modify-address-attribute", "--allocation-id", id, "--domain-name", "example.com");
        Assert.Equal("example.com.", (string?)modified["Address"]!["PtrRecordUpdate"]!["Value"]);
        Assert.Equal("PENDING", (string?)modified["Address"]!["PtrRecordUpdate"]!["Status"]);
        var described = await Ok("describe-addresses-attribute", "--allocation-ids", id, "--attribute", "domain-name");
        Assert.Equal("example.com.", (string?)described["Addresses"]![0]!["PtrRecord"]);

        var locked = await AwsCli.RunAsync(_server.Url, "ec2", "release-address", "--allocation-id", id);
        Assert.Equal(254, locked.ExitCode); // AWS CLI v2: a service error
        Assert.Contains("InvalidIPAddress.InUse", locked.Stderr, StringComparison.Ordinal);

        var reset = await Ok("reset-address-attribute", "--allocation-id", id, "--attribute", "domain-name");
        Assert.Equal("PENDING", (string?)reset["Address"]!["PtrRecordUpdate"]!["Status"]);
        Assert.Empty((await Ok("describe-addresses-attribute", "--allocation-ids", id, "--attribute", "domain-name"))["Addresses"]!.AsArray());
        await Ok("release-address", "--allocation-id", id);
    }

    // create-default-subnet --ipv6-native: "If you already have a default subnet for this Availability Zone, you must
    // delete it before you can create an IPv6 only subnet"; the default VPC needs its IPv6 block first.
    [Fact]
    public async Task CreateDefaultSubnet_Ipv6Native_ThroughAwsCliV2()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var subnets = (await Ok("describe-subnets", "--filters", "Name=default-for-az,Values=true", "Name=availability-zone,Values=us-east-1a"))["Subnets"]!;
        var vpc = (string)subnets[0]!["VpcId"]!;
        var taken = await AwsCli.RunAsync(_server.Url, "ec2", "create-default-subnet", "--availability-zone", "us-east-1a", "--ipv6-native");
        Assert.Contains("DefaultSubnetAlreadyExistsInAvailabilityZone", taken.Stderr, StringComparison.Ordinal);
        await Ok("delete-subnet", "--subnet-id", (string)subnets[0]!["SubnetId"]!);
        await Ok("associate-vpc-cidr-block", "--vpc-id", vpc, "--amazon-provided-ipv6-cidr-block");
        var subnet = (await Ok("create-default-subnet", "--availability-zone", "us-east-1a", "--ipv6-native"))["Subnet"]!;
        Assert.True((bool)subnet["Ipv6Native"]! && (bool)subnet["DefaultForAz"]! && (bool)subnet["AssignIpv6AddressOnCreation"]!);
        Assert.Null(subnet["CidrBlock"]);
        Assert.EndsWith("::/64", (string)subnet["Ipv6CidrBlockAssociationSet"]![0]!["Ipv6CidrBlock"]!, StringComparison.Ordinal);
    }
}
