namespace VpcLab.FlowLogs.Delivery.S3;

/// <summary>Buckets as folders: object <c>key</c> of <c>bucket</c> is the file <c>{root}/{bucket}/{key}</c> ('/' in the
/// key are folders). The server's S3 API and the query engine read the same paths, so this convention is fixed.</summary>
public sealed class LocalDirectoryBucketStore : IBucketStore
{
    public LocalDirectoryBucketStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>The file that holds the object (it may not exist).</summary>
    public string PathOf(string bucket, string key)
    {
        BucketNames.CheckBucket(bucket);
        BucketNames.CheckKey(key);
        return Path.Combine(Root, bucket, key.Replace('/', Path.DirectorySeparatorChar));
    }

    public async Task PutObjectAsync(string bucket, string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(bucket, key);
        var temp = PrepareTemp(path);
        await File.WriteAllBytesAsync(temp, content, cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    public async Task PutObjectAsync(string bucket, string key, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(bucket, key);
        var temp = PrepareTemp(path);
        var file = File.Create(temp);
        await using (file.ConfigureAwait(false))
            await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    public Task<IReadOnlyList<string>> ListAsync(string bucket, string prefix = "", CancellationToken cancellationToken = default)
    {
        BucketNames.CheckBucket(bucket);
        ArgumentNullException.ThrowIfNull(prefix);
        var folder = Path.Combine(Root, bucket);
        IReadOnlyList<string> keys = !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith(TempMarker, StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
        return Task.FromResult(keys);
    }

    public async Task<byte[]?> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(bucket, key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    // Written next to the target then renamed, so a reader never sees half an object.
    private const string TempMarker = ".tmp-";

    private static string PrepareTemp(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, TempMarker + Guid.NewGuid().ToString("N"));
    }
}
