namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>Where delivered objects go: a folder on disk (<see cref="LocalDirectoryBucketStore"/>), the layout the
/// server's S3 API serves its objects from.</summary>
public interface IBucketStore
{
    Task PutObjectAsync(string bucket, string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    Task PutObjectAsync(string bucket, string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The keys in the bucket that start with <paramref name="prefix"/>, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string bucket, string prefix = "", CancellationToken cancellationToken = default);

    /// <summary>The object's bytes, or null when the bucket has no such key.</summary>
    Task<byte[]?> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken = default);
}
