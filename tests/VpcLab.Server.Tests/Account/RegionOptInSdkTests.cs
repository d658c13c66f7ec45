using System.Net;
using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Tests.Account;

/// <summary>Opt-in Regions through the real AWS SDK for .NET (AWSSDK.EC2) and the Account Management API over HTTP,
/// against the real server (docs/semantics.md#regions): a new account's opt-in Regions are disabled, refused with
/// AuthFailure, enabled by EnableRegion (its default VPC then comes with the first call), and the opt-in survives a
/// restart from the data directory.</summary>
public sealed class RegionOptInSdkTests
{
    static RegionOptInSdkTests()
    {
        AWSConfigs.InitializeCollections = true;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AmazonEC2Client Ec2(Uri server, string region, string accessKey = "AKIDEXAMPLE") =>
        new(new BasicAWSCredentials(accessKey, "secret"), new AmazonEC2Config
        {
            ServiceURL = server.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    // AWS DescribeRegions AllRegions lists disabled Regions as not-opted-in; a call signed for one is refused with
    // AuthFailure (401) until EnableRegion; then DescribeRegions lists it opted-in and the account has its default VPC there.
    [Fact]
    public async Task OptInRegion_NewAccount_RefusedThenEnabledWithDefaultVpc()
    {
        await using var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, Ct);
        using var east = Ec2(server.Url, "us-east-1");
        using var hongKong = Ec2(server.Url, "ap-east-1");

        var all = (await east.DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = true }, Ct)).Regions;
        Assert.Equal(34, all.Count);
        Assert.Equal("not-opted-in", all.Single(r => r.RegionName == "ap-east-1").OptInStatus);
        Assert.DoesNotContain("ap-east-1", (await east.DescribeRegionsAsync(new DescribeRegionsRequest(), Ct)).Regions.Select(r => r.RegionName));

        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => hongKong.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct));
        Assert.Equal("AuthFailure", refused.ErrorCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await AccountApi.EnableRegionAsync(server.Url, "ap-east-1");
        var enabled = (await east.DescribeRegionsAsync(new DescribeRegionsRequest(), Ct)).Regions;
        Assert.Equal("opted-in", enabled.Single(r => r.RegionName == "ap-east-1").OptInStatus);
        var vpcs = (await hongKong.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct)).Vpcs;
        var defaultVpc = Assert.Single(vpcs);
        Assert.True(defaultVpc.IsDefault);
        var subnets = (await hongKong.DescribeSubnetsAsync(new DescribeSubnetsRequest(), Ct)).Subnets;
        Assert.Equal(["ap-east-1a", "ap-east-1b", "ap-east-1c"], subnets.Select(s => s.AvailabilityZone).Order(StringComparer.Ordinal));
    }

    // Account Management API errors as REST-JSON (code in x-amzn-ErrorType): a Region enabled by default cannot be
    // enabled (ValidationException 400), an unknown Region is a ValidationException, another account's id is
    // AccessDeniedException (403), an unknown path UnknownOperationException (404). The API is global: a call signed
    // for a disabled opt-in Region still reaches it. Rows: path, body, signing Region, status, error type.
    [Theory]
    [InlineData("enableRegion", """{"RegionName":"us-east-1"}""", "us-east-1", 400, "ValidationException")]
    [InlineData("disableRegion", """{"RegionName":"eu-west-1"}""", "us-east-1", 400, "ValidationException")]
    [InlineData("enableRegion", """{"RegionName":"mars-1"}""", "us-east-1", 400, "ValidationException")]
    [InlineData("enableRegion", """{}""", "us-east-1", 400, "ValidationException")]
    [InlineData("enableRegion", """{"RegionName":7}""", "us-east-1", 400, "SerializationException")]
    [InlineData("enableRegion", """{"RegionName":"ap-east-1","AccountId":"222222222222"}""", "us-east-1", 403, "AccessDeniedException")]
    [InlineData("listRegions", """{"MaxResults":0}""", "us-east-1", 400, "ValidationException")]
    [InlineData("putContactInformation", """{}""", "us-east-1", 404, "UnknownOperationException")]
    [InlineData("enableRegion", """{"RegionName":"ap-east-1"}""", "ap-east-1", 200, null)] // signed for the disabled Region itself
    [InlineData("getRegionOptStatus", """{"RegionName":"me-south-1"}""", "me-south-1", 200, null)]
    public async Task AccountApi_Request_AwsStatusAndErrorType(string path, string body, string region, int status, string? errorType)
    {
        await using var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, Ct);
        var answer = await AccountApi.CallAsync(server.Url, path, body, region: region);
        Assert.Equal((HttpStatusCode)status, answer.Status);
        Assert.Equal(errorType, answer.ErrorType);
        if (errorType is not null)
        {
            Assert.Equal(errorType, (string?)answer.Body["__type"]);
            Assert.False(string.IsNullOrEmpty((string?)answer.Body["message"]));
        }
    }

    // EnableRegion and DisableRegion are logged like every mutation: restarted from its data directory, the server
    // still has ap-east-1 enabled (with the VPC made there) and me-south-1, enabled then disabled, refused.
    [Fact]
    public async Task EnableRegion_ServerRestarted_StillEnabled()
    {
        var data = Directory.CreateTempSubdirectory("vpclab-optin-").FullName;
        try
        {
            string vpcId;
            await using (var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = data }, Ct))
            {
                await AccountApi.EnableRegionAsync(server.Url, "ap-east-1");
                await AccountApi.EnableRegionAsync(server.Url, "me-south-1");
                Assert.Equal(HttpStatusCode.OK, (await AccountApi.CallAsync(server.Url, "disableRegion", """{"RegionName":"me-south-1"}""")).Status);
                using var hongKong = Ec2(server.Url, "ap-east-1");
                vpcId = (await hongKong.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.8.0.0/16" }, Ct)).Vpc.VpcId;
            }

            await using (var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = data }, Ct))
            {
                var status = await AccountApi.CallAsync(server.Url, "getRegionOptStatus", """{"RegionName":"ap-east-1"}""");
                Assert.Equal("ENABLED", (string?)status.Body["RegionOptStatus"]);
                using var hongKong = Ec2(server.Url, "ap-east-1");
                var vpcs = (await hongKong.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct)).Vpcs;
                Assert.Contains(vpcId, vpcs.Select(v => v.VpcId));
                Assert.Single(vpcs, v => v.IsDefault == true);
                using var bahrain = Ec2(server.Url, "me-south-1");
                var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => bahrain.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct));
                Assert.Equal("AuthFailure", refused.ErrorCode);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    // vpclab serve --opt-in-region: the default account starts with the Region enabled (a setting, so a reset keeps
    // it); other accounts and other opt-in Regions keep AWS's default, disabled.
    [Fact]
    public async Task ServeOptInRegion_DefaultAccountOnly_KeptAcrossReset()
    {
        await using var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null, OptInRegions = ["af-south-1"] }, Ct);
        using var capeTown = Ec2(server.Url, "af-south-1");
        Assert.True(Assert.Single((await capeTown.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct)).Vpcs).IsDefault);
        using var otherAccount = Ec2(server.Url, "af-south-1", accessKey: "222222222222");
        Assert.Equal("AuthFailure", (await Assert.ThrowsAsync<AmazonEC2Exception>(() => otherAccount.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct))).ErrorCode);
        using var milan = Ec2(server.Url, "eu-south-1");
        Assert.Equal("AuthFailure", (await Assert.ThrowsAsync<AmazonEC2Exception>(() => milan.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct))).ErrorCode);

        using (var http = new HttpClient { BaseAddress = server.Url })
            (await http.PostAsync("/_vpclab/reset", null, Ct)).EnsureSuccessStatusCode();
        Assert.True(Assert.Single((await capeTown.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct)).Vpcs).IsDefault);
    }
}
