using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.S3.Model;
using VpcLab.Server.Hosting;
using VpcLab.Server.Tests.Logs;
using VpcLab.Server.Tests.S3;
using Ec2Protocol = Amazon.EC2.Protocol;

namespace VpcLab.Server.Tests.Hosting;

/// <summary><c>POST /_vpclab/reset</c> (docs/semantics.md#reset): everything the server owns — EC2 state of every
/// account and Region, S3 buckets and objects, CloudWatch Logs groups, Reachability Analyzer paths and analyses —
/// back to a fresh server's defaults, and the operation log emptied, so a restart on the same data directory stays
/// empty. Driven through AWSSDK.EC2, AWSSDK.S3 and the AWS CLI v2's <c>aws logs</c>.</summary>
public sealed class ServerResetTests : IDisposable
{
    private const string SecondAccount = "222222222222";
    private readonly string _data = Directory.CreateTempSubdirectory("vpclab-reset-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private Task<VpcLabServer> Start() => VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = _data }, Ct);

    private static AmazonEC2Client Ec2(VpcLabServer server, string accessKey = "AKIDEXAMPLE", string region = "us-east-1") =>
        new(new BasicAWSCredentials(accessKey, "secret"), new AmazonEC2Config
        {
            ServiceURL = server.Url.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    private static async Task Reset(VpcLabServer server)
    {
        using var http = new HttpClient { BaseAddress = server.Url };
        using var response = await http.PostAsync("/_vpclab/reset", null, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>One of each thing the server owns, in two accounts and two Regions.</summary>
    private static async Task BuildEverything(VpcLabServer server)
    {
        using var ec2 = Ec2(server);
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, Ct)).Vpc.VpcId;
        var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" }, Ct)).Subnet.SubnetId;
        var igw = (await ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest(), Ct)).InternetGateway.InternetGatewayId;
        await ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { VpcId = vpc, InternetGatewayId = igw }, Ct);
        var instance = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-0fc50b841d13a3d05", MinCount = 1, MaxCount = 1, SubnetId = subnet }, Ct))
            .Reservation.Instances.Single().InstanceId;
        var path = (await ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
        {
            Source = instance, Destination = igw, Protocol = Ec2Protocol.Tcp, DestinationPort = 443,
        }, Ct)).NetworkInsightsPath.NetworkInsightsPathId;
        await ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest { NetworkInsightsPathId = path }, Ct);
        using (var other = Ec2(server, SecondAccount, "eu-west-1"))
            await other.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.9.0.0/16" }, Ct);

        using var s3 = S3SdkTests.Client(server.Url);
        await s3.PutBucketAsync("reset-me", Ct);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "reset-me", Key = "AWSLogs/a.log", ContentBody = "gone soon" }, Ct);
        await s3.InitiateMultipartUploadAsync("reset-me", "in-progress.bin", Ct);
        await s3.PutBucketPolicyAsync("reset-me", """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reset-me/*"}]}""", Ct);

        await Logs(server, "create-log-group", "--log-group-name", "/vpc/flow");
        await Logs(server, "create-log-stream", "--log-group-name", "/vpc/flow", "--log-stream-name", "eni-1");
        await Logs(server, "put-log-events", "--log-group-name", "/vpc/flow", "--log-stream-name", "eni-1",
            "--log-events", "timestamp=1700000000000,message=first");
    }

    private static async Task<string> Logs(VpcLabServer server, params string[] args)
    {
        var result = await AwsCli.RunAsync(server.Url, ["logs", .. args]);
        Assert.True(result.ExitCode == 0, $"aws logs {string.Join(' ', args)}: {result.Stderr}");
        return result.Stdout;
    }

    /// <summary>What a fresh server shows: each account's default VPC only, no buckets, no log groups, no paths.</summary>
    private static async Task AssertFresh(VpcLabServer server)
    {
        using var ec2 = Ec2(server);
        var vpcs = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct)).Vpcs;
        Assert.Equal("172.31.0.0/16", Assert.Single(vpcs).CidrBlock); // the default VPC a fresh account gets
        Assert.True(vpcs[0].IsDefault);
        Assert.Empty((await ec2.DescribeInstancesAsync(new DescribeInstancesRequest(), Ct)).Reservations);
        Assert.Empty((await ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest(), Ct)).NetworkInsightsPaths);
        Assert.Empty((await ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest(), Ct)).NetworkInsightsAnalyses);
        Assert.Single((await ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest(), Ct)).InternetGateways); // the default VPC's
        using (var other = Ec2(server, SecondAccount, "eu-west-1"))
            Assert.True(Assert.Single((await other.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct)).Vpcs).IsDefault);

        using var s3 = S3SdkTests.Client(server.Url);
        Assert.Empty((await s3.ListBucketsAsync(Ct)).Buckets);
        var missing = await Assert.ThrowsAnyAsync<Amazon.S3.AmazonS3Exception>(() => s3.GetObjectAsync("reset-me", "AWSLogs/a.log", Ct));
        Assert.Equal("NoSuchBucket", missing.ErrorCode);
        Assert.Contains("\"logGroups\": []", await Logs(server, "describe-log-groups"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_AfterEc2S3LogsAndAnalyses_EverythingEmpty_AndStillEmptyAfterRestart()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        await using (var server = await Start())
        {
            await BuildEverything(server);
            await Reset(server);
            await AssertFresh(server);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_data, "s3"))); // objects gone on disk too
        Assert.False(Directory.Exists(Path.Combine(_data, "s3-multipart"))); // and uploads in progress
        Assert.False(File.Exists(Path.Combine(_data, ServerReset.MarkerFileName)));

        await using (var restarted = await Start())
        {
            Assert.Equal(2, restarted.State.Replayed); // only the two default VPCs the checks above made on first contact
            await AssertFresh(restarted);
        }
    }

    [Fact]
    public async Task Reset_ThenNewWork_OnlyTheNewWorkSurvivesARestart()
    {
        await using (var server = await Start())
        {
            using var s3 = S3SdkTests.Client(server.Url);
            await s3.PutBucketAsync("before-reset", Ct);
            await Reset(server);
            await s3.PutBucketAsync("after-reset", Ct);
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "after-reset", Key = "k", ContentBody = "kept" }, Ct);
        }
        await using (var restarted = await Start())
        {
            using var s3 = S3SdkTests.Client(restarted.Url);
            Assert.Equal(["after-reset"], (await s3.ListBucketsAsync(Ct)).Buckets.Select(b => b.BucketName));
            using var get = await s3.GetObjectAsync("after-reset", "k", Ct);
            Assert.Equal("kept", await new StreamReader(get.ResponseStream).ReadToEndAsync(Ct));
        }
    }

    // A reset cut short by a crash (its marker still on disk) is finished at the next start, before any request.
    [Fact]
    public async Task Start_WithAnInterruptedReset_FinishesIt()
    {
        await using (var server = await Start())
        {
            using var s3 = S3SdkTests.Client(server.Url);
            await s3.PutBucketAsync("half-reset", Ct);
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "half-reset", Key = "k", ContentBody = "x" }, Ct);
            using var ec2 = Ec2(server);
            await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, Ct);
        }
        await File.WriteAllTextAsync(Path.Combine(_data, ServerReset.MarkerFileName), "1", Encoding.ASCII, Ct);
        await using (var restarted = await Start())
        {
            using var s3 = S3SdkTests.Client(restarted.Url);
            Assert.Empty((await s3.ListBucketsAsync(Ct)).Buckets);
            using var ec2 = Ec2(restarted);
            Assert.True(Assert.Single((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct)).Vpcs).IsDefault);
        }
        Assert.False(File.Exists(Path.Combine(_data, ServerReset.MarkerFileName)));
    }
}
