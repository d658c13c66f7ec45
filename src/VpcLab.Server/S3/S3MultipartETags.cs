using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VpcLab.Server.S3;

/// <summary>The ETag of each object made by CompleteMultipartUpload (<c>"md5-of-part-md5s-N"</c>), which the file
/// itself cannot tell: a small record per object under <c>{root}/{bucket}/</c>, named by a hash of the key (keys are
/// not safe file names side by side). A record counts only while the object's file has the size and time it had
/// when recorded, so an object later replaced by a PutObject or a flow-log delivery reads back with its MD5 again.
/// </summary>
internal sealed class S3MultipartETags(string root)
{
    private sealed record Entry(string ETag, long Size, long WriteTicks, long[] PartSizes);

    public void Record(string bucket, string key, FileInfo file, string etag, IReadOnlyList<long> partSizes)
    {
        var path = PathOf(bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(new Entry(etag, file.Length, file.LastWriteTimeUtc.Ticks, [.. partSizes])));
    }

    /// <summary>The recorded ETag and part sizes, if the file is still the one completed.</summary>
    public (string ETag, IReadOnlyList<long> PartSizes)? Find(string bucket, string key, FileInfo file)
    {
        var path = PathOf(bucket, key);
        if (!File.Exists(path))
            return null;
        try
        {
            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(path));
            return entry is not null && entry.Size == file.Length && entry.WriteTicks == file.LastWriteTimeUtc.Ticks
                ? (entry.ETag, entry.PartSizes ?? []) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Forget(string bucket, string key)
    {
        var path = PathOf(bucket, key);
        if (File.Exists(path))
            File.Delete(path);
    }

    public void ForgetBucket(string bucket)
    {
        var folder = Path.Combine(root, bucket);
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    private string PathOf(string bucket, string key) =>
        Path.Combine(root, bucket, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".json");
}
