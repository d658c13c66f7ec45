using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using VpcLab.Server.Hosting;
using VpcLab.Server.S3;
using VpcLab.Server.Tests.Logs;

#pragma warning disable CA5351 // S3's ETags are defined with MD5: the test computes them as S3 does

namespace VpcLab.Server.Tests.S3;

/// <summary>S3 multipart upload (docs/semantics.md#s3-multipart; S3 API Reference, CreateMultipartUpload, UploadPart,
/// CompleteMultipartUpload, AbortMultipartUpload, ListParts, ListMultipartUploads:
/// https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html) through AWSSDK.S3 (low-level
/// calls and TransferUtility) and <c>aws s3 cp</c> (AWS CLI v2 uploads files over 8 MB in 8 MB parts), with a 20 MB
/// file in a temporary directory; every download is compared byte for byte.</summary>
public sealed class S3MultipartTests : IAsyncLifetime
{
    private const int FileBytes = 20 * 1024 * 1024;
    private const int FiveMiB = 5 * 1024 * 1024;
    private VpcLabServer _server = null!;
    private AmazonS3Client _s3 = null!;
    private readonly string _temp = Directory.CreateTempSubdirectory("vpclab-multipart-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await VpcLabServer.StartAsync(new ServerOptions { Port = 0, DataDirectory = null }, Ct);
        _s3 = S3SdkTests.Client(_server.Url);
        await _s3.PutBucketAsync("uploads", Ct);
    }

    public async ValueTask DisposeAsync()
    {
        _s3.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_temp, recursive: true);
    }

    private string TwentyMegabyteFile()
    {
        var path = Path.Combine(_temp, "big.bin");
        var bytes = new byte[FileBytes];
        new Random(20261204).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>S3's multipart ETag for a file cut into parts of <paramref name="partSize"/> bytes.</summary>
    private static string ExpectedETag(byte[] bytes, int partSize) =>
        S3MultipartUploads.ETagOf(bytes.Chunk(partSize).Select(c => Convert.ToHexStringLower(MD5.HashData(c))).ToList());

    [Fact]
    public async Task TransferUtility_20MegabyteFile_UploadsInPartsAndDownloadsTheSameBytes()
    {
        var file = TwentyMegabyteFile();
        using var transfer = new TransferUtility(_s3);
        await transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = "uploads", Key = "sdk/big.bin", FilePath = file, PartSize = FiveMiB }, Ct);

        var head = await _s3.GetObjectMetadataAsync("uploads", "sdk/big.bin", Ct);
        Assert.Equal(FileBytes, head.ContentLength);
        Assert.Equal(ExpectedETag(await File.ReadAllBytesAsync(file, Ct), FiveMiB), head.ETag); // "md5-of-md5s-4"
        Assert.EndsWith("-4\"", head.ETag, StringComparison.Ordinal);

        var copy = Path.Combine(_temp, "copy.bin");
        await transfer.DownloadAsync(new TransferUtilityDownloadRequest { BucketName = "uploads", Key = "sdk/big.bin", FilePath = copy }, Ct);
        Assert.Equal(await File.ReadAllBytesAsync(file, Ct), await File.ReadAllBytesAsync(copy, Ct));
        Assert.Empty((await _s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = "uploads" }, Ct)).MultipartUploads);
    }

    [Fact]
    public async Task AwsCliS3Cp_20MegabyteFile_UploadsAndDownloadsTheSameBytes()
    {
        Assert.SkipUnless(AwsCli.Available, "AWS CLI v2 (/usr/bin/aws) is not installed.");
        var file = TwentyMegabyteFile();
        var up = await AwsCli.RunAsync(_server.Url, "s3", "cp", file, "s3://uploads/cli/big.bin");
        Assert.True(up.ExitCode == 0, up.Stderr);
        var head = await AwsCli.RunAsync(_server.Url, "s3api", "head-object", "--bucket", "uploads", "--key", "cli/big.bin");
        Assert.True(head.ExitCode == 0, head.Stderr);
        Assert.Equal(ExpectedETag(await File.ReadAllBytesAsync(file, Ct), 8 * 1024 * 1024), (string?)head.Json["ETag"]); // 8 MB parts: "-3"

        var copy = Path.Combine(_temp, "cli-copy.bin");
        var down = await AwsCli.RunAsync(_server.Url, "s3", "cp", "s3://uploads/cli/big.bin", copy);
        Assert.True(down.ExitCode == 0, down.Stderr);
        Assert.Equal(await File.ReadAllBytesAsync(file, Ct), await File.ReadAllBytesAsync(copy, Ct));
    }

    private async Task<(string UploadId, PartETag First, PartETag Second)> TwoParts(string key, int firstSize = FiveMiB)
    {
        var upload = (await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = "uploads", Key = key }, Ct)).UploadId;
        var first = await _s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = "uploads", Key = key, UploadId = upload, PartNumber = 1, InputStream = new MemoryStream(new byte[firstSize]),
        }, Ct);
        var second = await _s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = "uploads", Key = key, UploadId = upload, PartNumber = 2, InputStream = new MemoryStream([1, 2, 3]),
        }, Ct);
        return (upload, new PartETag(1, first.ETag), new PartETag(2, second.ETag));
    }

    [Fact]
    public async Task LowLevelCalls_InitiateUploadListCompleteAbort_AsTheApiReferenceGivesThem()
    {
        var (upload, first, second) = await TwoParts("low/level.bin");
        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(new byte[] { 1, 2, 3 }))}\"", second.ETag); // a part's ETag is its MD5

        var listed = await _s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = "uploads" }, Ct);
        Assert.Equal(("low/level.bin", upload), (listed.MultipartUploads.Single().Key, listed.MultipartUploads.Single().UploadId));
        var parts = await _s3.ListPartsAsync(new ListPartsRequest { BucketName = "uploads", Key = "low/level.bin", UploadId = upload }, Ct);
        Assert.Equal([(1, (long)FiveMiB), (2, 3L)], parts.Parts.Select(p => (p.PartNumber ?? 0, p.Size ?? 0)));

        var done = await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = "uploads", Key = "low/level.bin", UploadId = upload, PartETags = [first, second],
        }, Ct);
        Assert.EndsWith("-2\"", done.ETag, StringComparison.Ordinal);
        var part2 = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = "uploads", Key = "low/level.bin", PartNumber = 2 }, Ct);
        Assert.Equal(3, part2.ContentLength);
        Assert.Equal(2, part2.PartsCount);

        // Completed: the upload id is gone.
        var gone = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            _s3.ListPartsAsync(new ListPartsRequest { BucketName = "uploads", Key = "low/level.bin", UploadId = upload }, Ct));
        Assert.Equal(("NoSuchUpload", HttpStatusCode.NotFound), (gone.ErrorCode, gone.StatusCode));

        var (aborted, _, _) = await TwoParts("low/aborted.bin");
        await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = "uploads", Key = "low/aborted.bin", UploadId = aborted }, Ct);
        Assert.Empty((await _s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = "uploads" }, Ct)).MultipartUploads);
        var missing = await Assert.ThrowsAsync<AmazonS3Exception>(() => _s3.GetObjectMetadataAsync("uploads", "low/aborted.bin", Ct));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    // S3's CompleteMultipartUpload errors: parts in ascending order (InvalidPartOrder), each uploaded with that ETag
    // (InvalidPart), each but the last at least 5 MiB (EntityTooSmall); the upload stays for a corrected retry.
    [Theory]
    [InlineData("etag", "InvalidPart")]
    [InlineData("missing", "InvalidPart")]
    [InlineData("small", "EntityTooSmall")]
    public async Task Complete_PartsListBroken_S3sErrorAndTheUploadRemains(string broken, string code)
    {
        var (upload, first, second) = await TwoParts("bad/" + broken, firstSize: broken == "small" ? 1024 : FiveMiB);
        List<PartETag> parts = broken switch
        {
            "etag" => [first, new PartETag(2, "\"00000000000000000000000000000000\"")],
            "missing" => [first, second, new PartETag(3, second.ETag)],
            _ => [first, second],
        };
        var e = await Assert.ThrowsAsync<AmazonS3Exception>(() => _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = "uploads", Key = "bad/" + broken, UploadId = upload, PartETags = parts,
        }, Ct));
        Assert.Equal((code, HttpStatusCode.BadRequest), (e.ErrorCode, e.StatusCode));
        Assert.Equal(2, (await _s3.ListPartsAsync(new ListPartsRequest { BucketName = "uploads", Key = "bad/" + broken, UploadId = upload }, Ct)).Parts.Count);
    }

    // The SDK sorts the parts list itself, so the order rule is checked on the store.
    [Fact]
    public async Task Complete_PartsNotAscending_InvalidPartOrder()
    {
        using var store = S3BucketStore.Open(null);
        var uploads = new S3MultipartUploads(store);
        var upload = uploads.Create("b", "k", "111111111111", DateTimeOffset.UnixEpoch);
        var first = await uploads.PutPartAsync(upload, 1, s => s.WriteAsync(new byte[FiveMiB]).AsTask());
        var second = await uploads.PutPartAsync(upload, 2, s => s.WriteAsync(new byte[] { 1 }).AsTask());
        var e = await Assert.ThrowsAsync<S3Exception>(() => uploads.CompleteAsync(upload, [(2, second.ETag), (1, first.ETag)], Ct));
        Assert.Equal("InvalidPartOrder", e.Code);
        Assert.EndsWith("-2\"", (await uploads.CompleteAsync(upload, [(1, first.ETag), (2, second.ETag)], Ct)).ETag, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task UploadPart_PartNumberOutOfRange_InvalidArgument(int partNumber)
    {
        var upload = (await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = "uploads", Key = "n" }, Ct)).UploadId;
        var e = await Assert.ThrowsAsync<AmazonS3Exception>(() => _s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = "uploads", Key = "n", UploadId = upload, PartNumber = partNumber, InputStream = new MemoryStream([1]),
        }, Ct));
        Assert.Equal("InvalidArgument", e.ErrorCode);
    }

    [Fact]
    public void ETagOf_KnownParts_IsMd5OfConcatenatedBinaryMd5sAndCount()
    {
        var a = Convert.ToHexStringLower(MD5.HashData("a"u8));
        var b = Convert.ToHexStringLower(MD5.HashData("b"u8));
        var expected = Convert.ToHexStringLower(MD5.HashData([.. MD5.HashData("a"u8), .. MD5.HashData("b"u8)]));
        Assert.Equal($"\"{expected}-2\"", S3MultipartUploads.ETagOf([a, b]));
    }
}
