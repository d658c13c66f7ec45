using System.Globalization;
using System.Security.Cryptography;
using VpcLab.Model;

namespace VpcLab.Server.S3;

/// <summary>Objects on disk: an object is the file <c>{root}/{bucket}/{key}</c> (the layout the flow-log delivery's
/// LocalDirectoryBucketStore and the query engine share). Which buckets exist, and whose they are, is the world's
/// (<see cref="S3Buckets"/>); a folder here that the world does not know was written by a flow-log delivery. Writes
/// go to a temporary file then a rename, so readers never see half an object.</summary>
public sealed class S3BucketStore : IDisposable
{
    /// <summary>S3's largest single PUT.</summary>
    public const long MaxObjectBytes = 5L * 1024 * 1024 * 1024;

    // The same marker as LocalDirectoryBucketStore, so neither lists the other's half-written files.
    private const string TempMarker = ".tmp-";

    private readonly string? _ownedTemp;
    private readonly S3MultipartETags _etags;

    private S3BucketStore(string root, string multipartRoot, string? ownedTemp)
    {
        Root = root;
        MultipartRoot = multipartRoot;
        _ownedTemp = ownedTemp;
        _etags = new S3MultipartETags(Path.Combine(multipartRoot, "etags"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>Where the object files are (<c>{data}/s3</c>).</summary>
    public string Root { get; }

    /// <summary>Multipart uploads in progress and the ETags of completed ones (<c>{data}/s3-multipart</c>): beside the
    /// object tree, not in it, so neither listings nor the query engine see them; on the same file system, so a
    /// completed object is moved into place, not copied.</summary>
    public string MultipartRoot { get; }

    /// <summary>Objects in <c>{dataDirectory}/s3</c>; null: a temporary directory deleted on dispose.</summary>
    public static S3BucketStore Open(string? dataDirectory)
    {
        string? temp = null;
        if (dataDirectory is null)
            dataDirectory = temp = Directory.CreateTempSubdirectory("vpclab-s3-").FullName;
        var data = Path.GetFullPath(dataDirectory);
        return new S3BucketStore(Path.Combine(data, "s3"), Path.Combine(data, "s3-multipart"), temp);
    }

    /// <summary>The bucket-named folders under the root, with their creation times.</summary>
    public IEnumerable<(string Bucket, DateTimeOffset Created)> Folders() =>
        Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>()
            .Where(S3BucketName.IsValid)
            .Select(name => (name, Created(name)));

    /// <summary>When the bucket's folder was made, or null when there is none.</summary>
    public DateTimeOffset? FolderCreated(string bucket)
    {
        var folder = Path.Combine(Root, bucket);
        return S3BucketName.IsValid(bucket) && Directory.Exists(folder) ? Created(bucket) : null;
    }

    /// <summary>True when the bucket holds an object (half-written files do not count).</summary>
    public bool HasObjects(string bucket)
    {
        var folder = Path.Combine(Root, bucket);
        return Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any(f => !IsTemp(f));
    }

    /// <summary>Removes the bucket's folder, if any (the bucket was deleted).</summary>
    public void DeleteFolder(string bucket)
    {
        var folder = Path.Combine(Root, bucket);
        if (S3BucketName.IsValid(bucket) && Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        if (S3BucketName.IsValid(bucket))
            _etags.ForgetBucket(bucket);
    }

    /// <summary>Removes every object, bucket folder and multipart upload (the server's reset): the root stays, empty.</summary>
    public void Clear()
    {
        foreach (var folder in Directory.EnumerateDirectories(Root))
            Directory.Delete(folder, recursive: true);
        foreach (var file in Directory.EnumerateFiles(Root))
            File.Delete(file);
        if (Directory.Exists(MultipartRoot))
            Directory.Delete(MultipartRoot, recursive: true);
    }

    /// <summary>Moves a completed multipart upload's assembled file into place as the object, with its multipart
    /// ETag (CompleteMultipartUpload).</summary>
    public S3ObjectInfo PlaceObject(string bucket, string key, string assembled, string etag, IReadOnlyList<long> partSizes)
    {
        var (path, _) = PrepareObjectPath(bucket, key);
        File.Move(assembled, path, overwrite: true);
        _etags.Record(bucket, key, new FileInfo(path), etag, partSizes);
        return ReadInfo(bucket, key, path);
    }

    /// <summary>The file an object is stored in, with its folder created: refused when a file stands where a folder
    /// must go, or when the key is already a prefix of other keys (objects are files).</summary>
    private (string Path, string Folder) PrepareObjectPath(string bucket, string key)
    {
        var path = ObjectPath(bucket, key);
        var folder = Path.GetDirectoryName(path)!;
        CheckNoFileOnTheWay(bucket, key, folder);
        if (Directory.Exists(path))
            throw S3Errors.InvalidArgument($"VpcLab stores objects as files: key '{key}' is already a prefix of other keys.");
        Directory.CreateDirectory(folder);
        return (path, folder);
    }

    /// <summary>Refuses, before any part is stored, a key that cannot become an object file.</summary>
    public void CheckKey(string bucket, string key)
    {
        var path = ObjectPath(bucket, key);
        CheckNoFileOnTheWay(bucket, key, Path.GetDirectoryName(path)!);
    }

    public async Task<S3ObjectInfo> PutObjectAsync(string bucket, string key, Stream content, CancellationToken cancellationToken)
    {
        var (path, folder) = PrepareObjectPath(bucket, key);
        var temp = Path.Combine(folder, TempMarker + Guid.NewGuid().ToString("N"));
        try
        {
            var file = File.Create(temp);
            await using (file.ConfigureAwait(false))
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        _etags.Forget(bucket, key);
        return ReadInfo(bucket, key, path);
    }

    /// <summary>The object's file and facts, or NoSuchKey.</summary>
    public (string Path, S3ObjectInfo Info) GetObject(string bucket, string key)
    {
        var path = ObjectPath(bucket, key);
        return File.Exists(path) ? (path, ReadInfo(bucket, key, path)) : throw S3Errors.NoSuchKey(bucket, key);
    }

    /// <summary>S3 answers 204 whether or not the key existed.</summary>
    public void DeleteObject(string bucket, string key)
    {
        var path = ObjectPath(bucket, key);
        if (!File.Exists(path))
            return;
        File.Delete(path);
        _etags.Forget(bucket, key);
        // Drop folders the key left empty, so the prefix disappears from listings as it does in S3.
        var bucketFolder = Path.Combine(Root, bucket);
        for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > bucketFolder.Length
             && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder))
            Directory.Delete(folder);
    }

    /// <summary>The bucket's keys that start with <paramref name="prefix"/>, in S3's order (UTF-8 binary; ordinal
    /// on these strings).</summary>
    public IEnumerable<string> Keys(string bucket, string prefix)
    {
        var folder = Path.Combine(Root, bucket);
        if (!Directory.Exists(folder))
            return [];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !IsTemp(f))
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    public S3ObjectInfo Info(string bucket, string key) => ReadInfo(bucket, key, ObjectPath(bucket, key));

    public void Dispose()
    {
        if (_ownedTemp is not null && Directory.Exists(_ownedTemp))
            Directory.Delete(_ownedTemp, recursive: true);
    }

    private S3ObjectInfo ReadInfo(string bucket, string key, string path)
    {
        var file = new FileInfo(path);
        var time = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
        if (_etags.Find(bucket, key, file) is { } multipart)
            return new S3ObjectInfo(key, file.Length, multipart.ETag, time, multipart.PartSizes);
        using var stream = file.OpenRead();
#pragma warning disable CA5351 // S3's ETag of a single-part object is its MD5: a checksum clients compare, not security
        var md5 = Convert.ToHexStringLower(MD5.HashData(stream));
#pragma warning restore CA5351
        return new S3ObjectInfo(key, file.Length, $"\"{md5}\"", time);
    }

    private string ObjectPath(string bucket, string key)
    {
        // Keys become paths: refuse what a file system cannot hold instead of escaping the bucket's folder.
        var ok = key.Length is > 0 and <= 1024 && !key.Contains('\\') && !key.Contains('\0')
            && key.Split('/').All(segment => segment is not ("" or "." or ".."))
            && !key.Split('/').Any(segment => segment.StartsWith(TempMarker, StringComparison.Ordinal));
        if (!ok)
            throw S3Errors.InvalidArgument($"VpcLab stores objects as files: key '{key}' must be '/'-separated names without empty, '.' or '..' segments (no leading or trailing '/').");
        return Path.Combine(Root, bucket, key.Replace('/', Path.DirectorySeparatorChar));
    }

    private void CheckNoFileOnTheWay(string bucket, string key, string folder)
    {
        var bucketFolder = Path.Combine(Root, bucket);
        for (var f = folder; f is not null && f.Length > bucketFolder.Length; f = Path.GetDirectoryName(f))
        {
            if (File.Exists(f))
                throw S3Errors.InvalidArgument($"VpcLab stores objects as files: key '{key}' would nest under the object '{Path.GetRelativePath(bucketFolder, f).Replace(Path.DirectorySeparatorChar, '/')}'.");
        }
    }

    private static bool IsTemp(string path) => Path.GetFileName(path).StartsWith(TempMarker, StringComparison.Ordinal);

    private DateTimeOffset Created(string bucket) =>
        new(Directory.GetCreationTimeUtc(Path.Combine(Root, bucket)), TimeSpan.Zero);
}

internal static class S3Formats
{
    /// <summary>S3's timestamp in XML bodies: ISO 8601 with milliseconds, UTC.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>S3's timestamp in headers (Last-Modified): RFC 1123.</summary>
    public static string Http(DateTimeOffset time) => time.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);
}
