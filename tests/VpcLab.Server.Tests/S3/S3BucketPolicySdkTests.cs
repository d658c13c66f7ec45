using System.Collections.Immutable;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Tests.S3;

/// <summary>Get/Put/DeleteBucketPolicy through the AWS SDK for .NET (AWSSDK.S3) against the real server, with S3's
/// errors, and the S3 API's buckets as the world's buckets: created, changed and deleted there, and durable through
/// the operation log (docs/semantics.md#s3-api-buckets).</summary>
public sealed class S3BucketPolicySdkTests : IAsyncLifetime
{
    private const string SecondAccessKey = "AKIDSECOND";
    private const string Policy =
        """{"Version":"2012-10-17","Statement":[{"Sid":"NoDeletes","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::audited/*"}]}""";

    private VpcLabServer _server = null!;
    private AmazonS3Client _s3 = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await VpcLabServer.StartAsync(new ServerOptions
        {
            Port = 0,
            DataDirectory = null,
            Accounts = ImmutableDictionary<string, VpcLab.Model.AccountId>.Empty.Add(SecondAccessKey, new VpcLab.Model.AccountId("222222222222")),
        }, Ct);
        _s3 = S3SdkTests.Client(_server.Url);
    }

    public async ValueTask DisposeAsync()
    {
        _s3.Dispose();
        await _server.DisposeAsync();
    }

    private static async Task<AmazonS3Exception> Fails(Func<Task> call) => await Assert.ThrowsAnyAsync<AmazonS3Exception>(call);

    private VpcLab.Model.S3Bucket? WorldBucket(string name) => _server.State.ControlPlane.Network.Buckets.GetValueOrDefault(name);

    [Fact]
    public async Task BucketPolicy_PutGetDelete_IsTheWorldBucketsPolicy()
    {
        await _s3.PutBucketAsync("audited", Ct);
        await _s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = "audited", Policy = Policy }, Ct);
        Assert.Equal(Policy, (await _s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = "audited" }, Ct)).Policy);
        Assert.Equal(Policy, WorldBucket("audited")!.Policy);

        var deleted = await _s3.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { BucketName = "audited" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.HttpStatusCode);
        Assert.Null(WorldBucket("audited")!.Policy);
        // S3: deleting a policy that is not there is still 204.
        await _s3.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { BucketName = "audited" }, Ct);
    }

    // The AWS SDK for .NET does not raise GetBucketPolicy's 404s (it hands back the error body as the policy text);
    // the AWS CLI v2 shows S3's codes.
    [Fact]
    public async Task GetBucketPolicy_NoPolicyOrNoBucket_404WithS3sCodes()
    {
        Assert.SkipUnless(Logs.AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        await _s3.PutBucketAsync("plain", Ct);
        var noPolicy = await Logs.AwsCli.RunAsync(_server.Url, "s3api", "get-bucket-policy", "--bucket", "plain");
        Assert.Equal(254, noPolicy.ExitCode); // AWS CLI v2: a service error
        Assert.Contains("(NoSuchBucketPolicy)", noPolicy.Stderr, StringComparison.Ordinal);
        var noBucket = await Logs.AwsCli.RunAsync(_server.Url, "s3api", "get-bucket-policy", "--bucket", "nowhere");
        Assert.Equal(254, noBucket.ExitCode);
        Assert.Contains("(NoSuchBucket)", noBucket.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"Statement":[]}""")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""")] // no Principal
    public async Task PutBucketPolicy_NotABucketPolicy_MalformedPolicy400AndNothingChanges(string policy)
    {
        await _s3.PutBucketAsync("strict", Ct);
        var error = await Fails(() => _s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = "strict", Policy = policy }, Ct));
        Assert.Equal(("MalformedPolicy", HttpStatusCode.BadRequest), (error.ErrorCode, error.StatusCode));
        Assert.Null(WorldBucket("strict")!.Policy);
    }

    [Fact]
    public async Task BucketPolicy_NoSuchBucket404_OtherAccount403()
    {
        var missing = await Fails(() => _s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = "nowhere", Policy = Policy }, Ct));
        Assert.Equal(("NoSuchBucket", HttpStatusCode.NotFound), (missing.ErrorCode, missing.StatusCode));
        var missingDelete = await Fails(() => _s3.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { BucketName = "nowhere" }, Ct));
        Assert.Equal(("NoSuchBucket", HttpStatusCode.NotFound), (missingDelete.ErrorCode, missingDelete.StatusCode));

        await _s3.PutBucketAsync("audited", Ct);
        using var other = S3SdkTests.Client(_server.Url, SecondAccessKey);
        var denied = await Fails(() => other.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = "audited", Policy = Policy }, Ct));
        Assert.Equal(("AccessDenied", HttpStatusCode.Forbidden), (denied.ErrorCode, denied.StatusCode));
        Assert.Null(WorldBucket("audited")!.Policy);
    }

    [Fact]
    public async Task CreateAndDeleteBucket_InEuWest1_AddsThenRemovesTheWorldBucket()
    {
        using var west = S3SdkTests.Client(_server.Url, region: "eu-west-1");
        await west.PutBucketAsync(new PutBucketRequest { BucketName = "west-logs", BucketRegion = S3Region.EUWest1 }, Ct);
        var bucket = WorldBucket("west-logs")!;
        Assert.Equal(("111111111111", "eu-west-1"), (bucket.OwnerId.Value, bucket.Region));
        var listed = (await _s3.ListBucketsAsync(Ct)).Buckets.Single().CreationDate!.Value.ToUniversalTime();
        Assert.Equal(bucket.CreationDate.UtcDateTime, listed, TimeSpan.FromSeconds(1)); // S3 prints milliseconds

        await west.DeleteBucketAsync("west-logs", Ct);
        Assert.Null(WorldBucket("west-logs"));
    }

    [Fact]
    public async Task CreateBucket_RegionTheLabDoesNotKnow_InvalidLocationConstraint()
    {
        var error = await Fails(() => _s3.PutBucketAsync(new PutBucketRequest { BucketName = "far-away", BucketRegion = S3Region.FindValue("eu-moon-1") }, Ct));
        Assert.Equal(("InvalidLocationConstraint", HttpStatusCode.BadRequest), (error.ErrorCode, error.StatusCode));
        Assert.Null(WorldBucket("far-away"));
    }

    [Fact]
    public async Task BucketAndBucketPolicy_ServerRestarted_KeptAndDeletedBucketStaysGone()
    {
        var data = Directory.CreateTempSubdirectory("vpclab-s3-policy-").FullName;
        try
        {
            await using (var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = data }, Ct))
            {
                using var s3 = S3SdkTests.Client(server.Url);
                await s3.PutBucketAsync("audited", Ct);
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = "audited", Policy = Policy }, Ct);
                await s3.PutBucketAsync("short-lived", Ct);
                await s3.DeleteBucketAsync("short-lived", Ct);
            }
            await using (var server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = data }, Ct))
            {
                var bucket = server.State.ControlPlane.Network.Buckets["audited"];
                Assert.Equal(("111111111111", "us-east-1", Policy), (bucket.OwnerId.Value, bucket.Region, bucket.Policy));
                Assert.False(server.State.ControlPlane.Network.Buckets.ContainsKey("short-lived"));
                using var s3 = S3SdkTests.Client(server.Url);
                Assert.Equal(Policy, (await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = "audited" }, Ct)).Policy);
                Assert.Equal(["audited"], (await s3.ListBucketsAsync(Ct)).Buckets.Select(b => b.BucketName));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
