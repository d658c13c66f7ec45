using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>Buckets on an S3-compatible endpoint (VpcLab's own server, MinIO, …) through the AWS SDK: path-style
/// addressing and explicit credentials and region, so the SDK never looks for credentials or an instance role.</summary>
public sealed class S3CompatibleBucketStore : IBucketStore, IDisposable
{
    private readonly AmazonS3Client _client;

    public S3CompatibleBucketStore(Uri serviceUrl, string accessKey, string secretKey, string region = "us-east-1")
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var config = new AmazonS3Config
        {
            ServiceURL = serviceUrl.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = region,
        };
        _client = new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), config);
    }

    public Task PutObjectAsync(string bucket, string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        PutObjectAsync(bucket, key, new MemoryStream(content.ToArray(), writable: false), cancellationToken);

    public async Task PutObjectAsync(string bucket, string key, Stream content, CancellationToken cancellationToken = default)
    {
        BucketNames.CheckBucket(bucket);
        BucketNames.CheckKey(key);
        // A raw body: SDK v4 otherwise sends aws-chunked with chunk signatures over plain http (TOOLCHAIN gotcha 5).
        var request = new PutObjectRequest { BucketName = bucket, Key = key, InputStream = content, UseChunkEncoding = false };
        await _client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string bucket, string prefix = "", CancellationToken cancellationToken = default)
    {
        BucketNames.CheckBucket(bucket);
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
        while (true)
        {
            var response = await _client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            // SDK v4 leaves collections null, not empty, when the listing is empty (TOOLCHAIN gotcha 5).
            if (response.S3Objects is not null)
                keys.AddRange(response.S3Objects.Select(o => o.Key));
            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
                break;
            request.ContinuationToken = response.NextContinuationToken;
        }
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    public async Task<byte[]?> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        BucketNames.CheckBucket(bucket);
        BucketNames.CheckKey(key);
        try
        {
            using var response = await _client.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public void Dispose() => _client.Dispose();
}
