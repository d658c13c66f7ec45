using System.Collections.Immutable;
using System.Net;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using VpcLab.Server.Hosting;

namespace VpcLab.Server.Tests.S3;

/// <summary>The real AWS SDK for .NET (AWSSDK.S3, path style) against the real server on 127.0.0.1 (random port,
/// in memory): every S3 call the lab serves and S3's errors, through the SDK's own marshallers.</summary>
public sealed class S3SdkTests : IAsyncLifetime
{
    private const string SecondAccessKey = "AKIDSECOND";
    private VpcLabServer _server = null!;
    private AmazonS3Client _s3 = null!;

    static S3SdkTests() => AWSConfigs.InitializeCollections = true; // TOOLCHAIN gotcha 5(a)

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await VpcLabServer.StartAsync(new ServerOptions
        {
            Port = 0,
            DataDirectory = null,
            Accounts = ImmutableDictionary<string, VpcLab.Model.AccountId>.Empty.Add(SecondAccessKey, new VpcLab.Model.AccountId("222222222222")),
        }, Ct);
        _s3 = Client();
    }

    public async ValueTask DisposeAsync()
    {
        _s3.Dispose();
        await _server.DisposeAsync();
    }

    internal static AmazonS3Client Client(Uri url, string accessKey = "AKIDEXAMPLE", string region = "us-east-1") =>
        new(new BasicAWSCredentials(accessKey, "secret"), new AmazonS3Config
        {
            ServiceURL = url.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    private AmazonS3Client Client(string accessKey = "AKIDEXAMPLE", string region = "us-east-1") => Client(_server.Url, accessKey, region);

    private Task<PutObjectResponse> PutText(string bucket, string key, string text, bool chunked = false) =>
        _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = text, UseChunkEncoding = chunked }, Ct);

    private async Task<string> GetText(string bucket, string key)
    {
        using var response = await _s3.GetObjectAsync(bucket, key, Ct);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync(Ct);
    }

    private async Task<AmazonS3Exception> Fails(Func<Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(call);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        return error;
    }

    [Fact]
    public async Task CreateBucket_ListBuckets_HeadBucket_DeleteBucket()
    {
        await _s3.PutBucketAsync("flow-logs", Ct);
        var list = await _s3.ListBucketsAsync(Ct);
        var bucket = Assert.Single(list.Buckets);
        Assert.Equal("flow-logs", bucket.BucketName);
        Assert.NotNull(list.Owner?.Id);

        var head = await _s3.HeadBucketAsync(new HeadBucketRequest { BucketName = "flow-logs" }, Ct);
        Assert.Equal(HttpStatusCode.OK, head.HttpStatusCode);

        await _s3.DeleteBucketAsync("flow-logs", Ct);
        Assert.Empty((await _s3.ListBucketsAsync(Ct)).Buckets ?? []);
        var gone = await Fails(() => _s3.HeadBucketAsync(new HeadBucketRequest { BucketName = "flow-logs" }, Ct));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task CreateBucket_WithLocationConstraint_IsInThatRegion()
    {
        using var west = Client(region: "eu-west-1");
        await west.PutBucketAsync(new PutBucketRequest { BucketName = "west-logs", BucketRegion = S3Region.EUWest1 }, Ct);
        var location = await west.GetBucketLocationAsync("west-logs", Ct);
        Assert.Equal("eu-west-1", location.Location.Value);
        // S3: an endpoint of another Region needs a constraint naming it.
        var error = await Fails(() => west.PutBucketAsync(new PutBucketRequest { BucketName = "no-constraint" }, Ct));
        Assert.Equal("IllegalLocationConstraintException", error.ErrorCode);
    }

    // S3: bucket names are global; your own again is BucketAlreadyOwnedByYou, another account's BucketAlreadyExists.
    [Fact]
    public async Task CreateBucket_Taken_409WithS3Codes()
    {
        await _s3.PutBucketAsync("taken", Ct);
        var mine = await Fails(() => _s3.PutBucketAsync("taken", Ct));
        Assert.Equal(("BucketAlreadyOwnedByYou", HttpStatusCode.Conflict), (mine.ErrorCode, mine.StatusCode));
        using var other = Client(SecondAccessKey);
        var theirs = await Fails(() => other.PutBucketAsync("taken", Ct));
        Assert.Equal(("BucketAlreadyExists", HttpStatusCode.Conflict), (theirs.ErrorCode, theirs.StatusCode));
        Assert.Empty((await other.ListBucketsAsync(Ct)).Buckets ?? []);
        var denied = await Fails(() => other.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "taken" }, Ct));
        Assert.Equal(("AccessDenied", HttpStatusCode.Forbidden), (denied.ErrorCode, denied.StatusCode));
    }

    // S3 bucket naming rules: 3-63 chars, lower case, digits, '.', '-', no IP address form.
    [Theory]
    [InlineData("ab")]
    [InlineData("UpperCase")]
    [InlineData("192.168.5.4")]
    [InlineData("bad..dots")]
    [InlineData("-leading")]
    public async Task CreateBucket_BadName_InvalidBucketName(string name)
    {
        var error = await Fails(() => _s3.PutBucketAsync(name, Ct));
        Assert.Equal(("InvalidBucketName", HttpStatusCode.BadRequest), (error.ErrorCode, error.StatusCode));
    }

    [Fact]
    public async Task DeleteBucket_NotEmpty_BucketNotEmpty_ThenEmptied_Deletes()
    {
        await _s3.PutBucketAsync("busy", Ct);
        await PutText("busy", "a/b.txt", "x");
        var error = await Fails(() => _s3.DeleteBucketAsync("busy", Ct));
        Assert.Equal(("BucketNotEmpty", HttpStatusCode.Conflict), (error.ErrorCode, error.StatusCode));
        await _s3.DeleteObjectAsync("busy", "a/b.txt", Ct);
        await _s3.DeleteBucketAsync("busy", Ct);
    }

    [Fact]
    public async Task ListObjectsV2AndPutObject_MissingBucket_NoSuchBucket404()
    {
        var error = await Fails(() => _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "nope" }, Ct));
        Assert.Equal(("NoSuchBucket", HttpStatusCode.NotFound), (error.ErrorCode, error.StatusCode));
        var put = await Fails(() => PutText("nope", "k", "v"));
        Assert.Equal("NoSuchBucket", put.ErrorCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // SDK v4's aws-chunked body with chunk signatures (TOOLCHAIN gotcha 5c)
    public async Task PutObject_GetObject_HeadObject_RoundTrip(bool chunked)
    {
        await _s3.PutBucketAsync("objects", Ct);
        var text = string.Concat(Enumerable.Repeat("2 111111111111 eni-1 10.0.1.5 10.0.2.7 443 49152 6 10 840 1 2 ACCEPT OK\n", 2000));
        await PutText("objects", "AWSLogs/111111111111/vpcflowlogs/us-east-1/2026/11/23/file.log", text, chunked);
        Assert.Equal(text, await GetText("objects", "AWSLogs/111111111111/vpcflowlogs/us-east-1/2026/11/23/file.log"));

        var head = await _s3.GetObjectMetadataAsync("objects", "AWSLogs/111111111111/vpcflowlogs/us-east-1/2026/11/23/file.log", Ct);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), head.ContentLength);
#pragma warning disable CA5351 // S3's ETag is the MD5 of a single-part object
        var md5 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
        Assert.Equal($"\"{md5}\"", head.ETag);
    }

    [Fact]
    public async Task GetObject_Range_ReturnsThoseBytes()
    {
        await _s3.PutBucketAsync("ranges", Ct);
        await PutText("ranges", "k", "0123456789");
        using var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = "ranges", Key = "k", ByteRange = new ByteRange(2, 5) }, Ct);
        using var reader = new StreamReader(response.ResponseStream);
        Assert.Equal("2345", await reader.ReadToEndAsync(Ct));
    }

    [Fact]
    public async Task MissingKey_NoSuchKey404_AndDeleteObjectIsIdempotent()
    {
        await _s3.PutBucketAsync("keys", Ct);
        var error = await Fails(() => _s3.GetObjectAsync("keys", "missing.txt", Ct));
        Assert.Equal(("NoSuchKey", HttpStatusCode.NotFound), (error.ErrorCode, error.StatusCode));
        var head = await Fails(() => _s3.GetObjectMetadataAsync("keys", "missing.txt", Ct));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        var deleted = await _s3.DeleteObjectAsync("keys", "missing.txt", Ct); // S3: 204 whether or not it existed
        Assert.Equal(HttpStatusCode.NoContent, deleted.HttpStatusCode);
    }

    [Fact]
    public async Task PutObject_Overwrite_KeepsLatest_AndKeysWithSpacesAndUnicode()
    {
        await _s3.PutBucketAsync("names", Ct);
        await PutText("names", "dir/a file+ü.txt", "one");
        await PutText("names", "dir/a file+ü.txt", "two");
        Assert.Equal("two", await GetText("names", "dir/a file+ü.txt"));
        var list = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "names" }, Ct);
        Assert.Equal(["dir/a file+ü.txt"], list.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task ListObjectsV2_PrefixAndDelimiter_GroupsKeysIntoCommonPrefixes()
    {
        await _s3.PutBucketAsync("tree", Ct);
        foreach (var key in new[] { "AWSLogs/1/a.log", "AWSLogs/1/b.log", "AWSLogs/2/c.log", "AWSLogs/top.txt", "other.txt" })
            await PutText("tree", key, key);
        var top = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "tree", Delimiter = "/" }, Ct);
        Assert.Equal(["other.txt"], top.S3Objects.Select(o => o.Key));
        Assert.Equal(["AWSLogs/"], top.CommonPrefixes);

        var under = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "tree", Prefix = "AWSLogs/", Delimiter = "/" }, Ct);
        Assert.Equal(["AWSLogs/top.txt"], under.S3Objects.Select(o => o.Key));
        Assert.Equal(["AWSLogs/1/", "AWSLogs/2/"], under.CommonPrefixes);
        Assert.Equal(3, under.KeyCount);

        var flat = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "tree", Prefix = "AWSLogs/1/" }, Ct);
        Assert.Equal(["AWSLogs/1/a.log", "AWSLogs/1/b.log"], flat.S3Objects.Select(o => o.Key));
        Assert.All(flat.S3Objects, o => Assert.Equal(o.Key.Length, o.Size));
    }

    [Fact]
    public async Task ListObjectsV2_MaxKeysOrStartAfter_PagesByContinuationTokenAndStartsAfterTheKey()
    {
        await _s3.PutBucketAsync("pages", Ct);
        var keys = Enumerable.Range(0, 7).Select(i => $"k{i:D2}").ToArray();
        foreach (var key in keys)
            await PutText("pages", key, "v");
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "pages", MaxKeys = 3, ContinuationToken = token }, Ct);
            seen.AddRange(page.S3Objects.Select(o => o.Key));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
            pages++;
        }
        while (token is not null);
        Assert.Equal(keys, seen);
        Assert.Equal(3, pages);

        var after = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "pages", StartAfter = "k04" }, Ct);
        Assert.Equal(["k05", "k06"], after.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task ListObjectsV2_PagingOverCommonPrefixes_CountsEachOnce()
    {
        await _s3.PutBucketAsync("rollup", Ct);
        foreach (var key in new[] { "a/1", "a/2", "a/3", "b/1", "c", "d/1" })
            await PutText("rollup", key, "v");
        var first = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "rollup", Delimiter = "/", MaxKeys = 2 }, Ct);
        Assert.Equal(["a/", "b/"], first.CommonPrefixes);
        var second = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "rollup", Delimiter = "/", MaxKeys = 2, ContinuationToken = first.NextContinuationToken }, Ct);
        Assert.Equal(["c"], second.S3Objects.Select(o => o.Key));
        Assert.Equal(["d/"], second.CommonPrefixes);
        Assert.False(second.IsTruncated);
    }

    [Fact]
    public async Task ListObjectsV1_Delimiter_ReturnsKeysAndCommonPrefixes()
    {
        await _s3.PutBucketAsync("list-v1", Ct);
        await PutText("list-v1", "x/1", "v");
        await PutText("list-v1", "y", "v");
        var list = await _s3.ListObjectsAsync(new ListObjectsRequest { BucketName = "list-v1", Delimiter = "/" }, Ct);
        Assert.Equal(["y"], list.S3Objects.Select(o => o.Key));
        Assert.Equal(["x/"], list.CommonPrefixes);
    }

    [Fact]
    public async Task PutObjectAndGetObject_OnDisk_MapToFilesUnderS3RootBucketKey()
    {
        await _s3.PutBucketAsync("layout", Ct);
        await PutText("layout", "AWSLogs/x.log", "hello");
        var root = _server.AwsServices.S3Root;
        Assert.Equal("hello", await File.ReadAllTextAsync(Path.Combine(root, "layout", "AWSLogs", "x.log"), Ct));
        // A folder written straight into the tree (the flow-log delivery's LocalDirectoryBucketStore) is a bucket too.
        Directory.CreateDirectory(Path.Combine(root, "delivered", "AWSLogs"));
        await File.WriteAllTextAsync(Path.Combine(root, "delivered", "AWSLogs", "f.log"), "rec", Ct);
        Assert.Equal("rec", await GetText("delivered", "AWSLogs/f.log"));
    }

    [Fact]
    public async Task Unsupported_Subresource_NotImplemented_NotACrash()
    {
        await _s3.PutBucketAsync("versioned", Ct);
        var error = await Fails(() => _s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = "versioned" }, Ct));
        Assert.Equal("NotImplemented", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotImplemented, error.StatusCode);
    }

    [Fact]
    public async Task DescribeVpcs_SamePortAsS3_AnswersTheDefaultVpc()
    {
        using var ec2 = new Amazon.EC2.AmazonEC2Client(new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
            new Amazon.EC2.AmazonEC2Config { ServiceURL = _server.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        await _s3.PutBucketAsync("side-by-side", Ct);
        var vpcs = await ec2.DescribeVpcsAsync(Ct);
        Assert.Single(vpcs.Vpcs); // the account's default VPC
    }
}
