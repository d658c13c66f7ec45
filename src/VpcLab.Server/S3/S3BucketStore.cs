using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace VpcLab.Server.S3;

/// <summary>Buckets and objects on disk: an object is the file <c>{root}/{bucket}/{key}</c> (the layout the flow-log
/// delivery's LocalDirectoryBucketStore and the query engine share), a bucket's metadata is the JSON file
/// <c>{metadata}/{bucket}.json</c> outside the object tree. A folder under the root without metadata (a delivery
/// wrote it) counts as a bucket of the default account in the default Region. Writes go to a temporary file then
/// a rename, so readers never see half an object.</summary>
public sealed class S3BucketStore : IDisposable
{
    /// <summary>S3's largest single PUT.</summary>
    public const long MaxObjectBytes = 5L * 1024 * 1024 * 1024;

    // The same marker as LocalDirectoryBucketStore, so neither lists the other's half-written files.
    private const string TempMarker = ".tmp-";

    private readonly string? _ownedTemp;
    private readonly string _metadata;
    private readonly string _defaultAccount;
    private readonly string _defaultRegion;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    private S3BucketStore(string root, string metadata, string? ownedTemp, string defaultAccount, string defaultRegion, TimeProvider time)
    {
        Root = root;
        _metadata = metadata;
        _ownedTemp = ownedTemp;
        _defaultAccount = defaultAccount;
        _defaultRegion = defaultRegion;
        _time = time;
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(_metadata);
    }

    /// <summary>Where the object files are (<c>{data}/s3</c>).</summary>
    public string Root { get; }

    /// <summary>Objects in <c>{dataDirectory}/s3</c>, metadata in <c>{dataDirectory}/s3-buckets</c>; null: a
    /// temporary directory deleted on dispose.</summary>
    public static S3BucketStore Open(string? dataDirectory, string defaultAccount, string defaultRegion, TimeProvider? time = null)
    {
        string? temp = null;
        if (dataDirectory is null)
            dataDirectory = temp = Directory.CreateTempSubdirectory("vpclab-s3-").FullName;
        var full = Path.GetFullPath(dataDirectory);
        return new S3BucketStore(Path.Combine(full, "s3"), Path.Combine(full, "s3-buckets"), temp, defaultAccount, defaultRegion, time ?? TimeProvider.System);
    }

    public IReadOnlyList<S3Bucket> ListBuckets(string account) =>
        Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>()
            .Where(name => BucketNameRules.IsValid(name))
            .Select(Find).OfType<S3Bucket>()
            .Where(b => b.OwnerAccount == account)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();

    public S3Bucket? Find(string bucket)
    {
        if (!BucketNameRules.IsValid(bucket))
            return null;
        var meta = MetadataPath(bucket);
        if (File.Exists(meta))
            return JsonSerializer.Deserialize(File.ReadAllText(meta), S3JsonContext.Default.S3Bucket);
        var folder = Path.Combine(Root, bucket);
        return Directory.Exists(folder)
            ? new S3Bucket(bucket, _defaultAccount, _defaultRegion, new DateTimeOffset(Directory.GetCreationTimeUtc(folder), TimeSpan.Zero))
            : null;
    }

    /// <summary>The bucket, if <paramref name="account"/> may use it: NoSuchBucket, else AccessDenied for another
    /// account's bucket (no bucket policies in the lab).</summary>
    public S3Bucket Require(string account, string bucket)
    {
        var found = Find(bucket) ?? throw S3Errors.NoSuchBucket(bucket);
        return found.OwnerAccount == account ? found : throw S3Errors.AccessDenied(bucket);
    }

    public S3Bucket CreateBucket(string account, string region, string bucket)
    {
        if (!BucketNameRules.IsValid(bucket))
            throw S3Errors.InvalidBucketName(bucket);
        lock (_lock)
        {
            if (Find(bucket) is { } existing)
                throw existing.OwnerAccount == account ? S3Errors.BucketAlreadyOwnedByYou(bucket) : S3Errors.BucketAlreadyExists(bucket);
            var created = new S3Bucket(bucket, account, region, _time.GetUtcNow());
            WriteAtomically(MetadataPath(bucket), JsonSerializer.SerializeToUtf8Bytes(created, S3JsonContext.Default.S3Bucket));
            Directory.CreateDirectory(Path.Combine(Root, bucket));
            return created;
        }
    }

    public void DeleteBucket(string account, string bucket)
    {
        lock (_lock)
        {
            Require(account, bucket);
            var folder = Path.Combine(Root, bucket);
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any(f => !IsTemp(f)))
                throw S3Errors.BucketNotEmpty(bucket);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            File.Delete(MetadataPath(bucket));
        }
    }

    public async Task<S3ObjectInfo> PutObjectAsync(string bucket, string key, Stream content, CancellationToken cancellationToken)
    {
        var path = ObjectPath(bucket, key);
        var folder = Path.GetDirectoryName(path)!;
        CheckNoFileOnTheWay(bucket, key, folder);
        if (Directory.Exists(path))
            throw S3Errors.InvalidArgument($"VpcLab stores objects as files: key '{key}' is already a prefix of other keys.");
        Directory.CreateDirectory(folder);
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
        return ReadInfo(key, path);
    }

    /// <summary>The object's file and facts, or NoSuchKey.</summary>
    public (string Path, S3ObjectInfo Info) GetObject(string bucket, string key)
    {
        var path = ObjectPath(bucket, key);
        return File.Exists(path) ? (path, ReadInfo(key, path)) : throw S3Errors.NoSuchKey(bucket, key);
    }

    /// <summary>S3 answers 204 whether or not the key existed.</summary>
    public void DeleteObject(string bucket, string key)
    {
        var path = ObjectPath(bucket, key);
        if (!File.Exists(path))
            return;
        File.Delete(path);
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

    public S3ObjectInfo Info(string bucket, string key) => ReadInfo(key, ObjectPath(bucket, key));

    public void Dispose()
    {
        if (_ownedTemp is not null && Directory.Exists(_ownedTemp))
            Directory.Delete(_ownedTemp, recursive: true);
    }

    private static S3ObjectInfo ReadInfo(string key, string path)
    {
        var file = new FileInfo(path);
        using var stream = file.OpenRead();
#pragma warning disable CA5351 // S3's ETag of a single-part object is its MD5: a checksum clients compare, not security
        var md5 = Convert.ToHexStringLower(MD5.HashData(stream));
#pragma warning restore CA5351
        return new S3ObjectInfo(key, file.Length, $"\"{md5}\"", new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
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

    private string MetadataPath(string bucket) => Path.Combine(_metadata, bucket + ".json");

    private static bool IsTemp(string path) => Path.GetFileName(path).StartsWith(TempMarker, StringComparison.Ordinal);

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = path + TempMarker + Guid.NewGuid().ToString("N");
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>S3's bucket naming rules (general purpose buckets).</summary>
public static class BucketNameRules
{
    public static bool IsValid(string name) =>
        name.Length is >= 3 and <= 63
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-')
        && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
        && !name.Contains("..", StringComparison.Ordinal)
        && !IsDottedQuad(name) // not formatted as an IP address (192.168.5.4)
        && !name.StartsWith("xn--", StringComparison.Ordinal)
        && !name.EndsWith("-s3alias", StringComparison.Ordinal);

    private static bool IsDottedQuad(string name)
    {
        var parts = name.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(S3Bucket))]
internal sealed partial class S3JsonContext : System.Text.Json.Serialization.JsonSerializerContext;

internal static class S3Formats
{
    /// <summary>S3's timestamp in XML bodies: ISO 8601 with milliseconds, UTC.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>S3's timestamp in headers (Last-Modified): RFC 1123.</summary>
    public static string Http(DateTimeOffset time) => time.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);
}
