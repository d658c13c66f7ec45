using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace VpcLab.Server.S3;

/// <summary>Multipart uploads on disk (<c>{data}/s3-multipart/uploads/{uploadId}/</c>): <c>upload.json</c> says where
/// the object goes, each part is the file <c>{number:D5}-{md5}.part</c>, written to a temporary file and renamed, so a
/// re-uploaded part replaces the old one whole. Uploads survive a restart, as S3's do until completed or aborted.
/// CompleteMultipartUpload checks the parts list as S3 does and concatenates the parts into the object, whose ETag is
/// the MD5 of the parts' binary MD5s, hex, then <c>-N</c>. docs/semantics.md#s3-multipart.</summary>
public sealed class S3MultipartUploads(S3BucketStore store)
{
    /// <summary>S3's limits: part numbers 1–10,000; every part but the last at least 5 MiB; at most 5 GiB a part.</summary>
    public const int MaxPartNumber = 10_000;
    public const long MinPartBytes = 5L * 1024 * 1024;
    public const long MaxPartBytes = 5L * 1024 * 1024 * 1024;

    private const string UploadFile = "upload.json";
    private const string PartSuffix = ".part";

    private string Root => Path.Combine(store.MultipartRoot, "uploads");

    public S3MultipartUpload Create(string bucket, string key, string account, DateTimeOffset now)
    {
        store.CheckKey(bucket, key);
        var upload = new S3MultipartUpload(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), bucket, key, account, now);
        var folder = Path.Combine(Root, upload.UploadId);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, UploadFile), JsonSerializer.Serialize(upload));
        return upload;
    }

    /// <summary>The upload of that id for that bucket and key, or NoSuchUpload.</summary>
    public S3MultipartUpload Find(string bucket, string key, string uploadId)
    {
        var upload = Read(uploadId);
        return upload is not null && upload.Bucket == bucket && upload.Key == key ? upload : throw S3Errors.NoSuchUpload(bucket, key);
    }

    /// <summary>The bucket's uploads in progress, by key then initiation time (S3's order).</summary>
    public IReadOnlyList<S3MultipartUpload> List(string bucket) =>
        !Directory.Exists(Root) ? []
        : Directory.EnumerateDirectories(Root).Select(d => Read(Path.GetFileName(d)))
            .OfType<S3MultipartUpload>().Where(u => u.Bucket == bucket)
            .OrderBy(u => u.Key, StringComparer.Ordinal).ThenBy(u => u.Initiated).ThenBy(u => u.UploadId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Stores one part (replacing an earlier part of the same number); <paramref name="write"/> copies the
    /// request body into the file it is given.</summary>
    public async Task<S3UploadedPart> PutPartAsync(S3MultipartUpload upload, int partNumber, Func<Stream, Task> write)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(write);
        if (partNumber is < 1 or > MaxPartNumber)
            throw S3Errors.InvalidPartNumber();
        var folder = Path.Combine(Root, upload.UploadId);
        var temp = Path.Combine(folder, ".tmp-" + Guid.NewGuid().ToString("N"));
        try
        {
            string md5;
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await write(file).ConfigureAwait(false);
                file.Position = 0;
#pragma warning disable CA5351 // S3's part ETag is the part's MD5: a checksum clients compare, not security
                md5 = Convert.ToHexStringLower(await MD5.HashDataAsync(file).ConfigureAwait(false));
#pragma warning restore CA5351
            }
            var name = Prefix(partNumber) + md5 + PartSuffix;
            File.Move(temp, Path.Combine(folder, name), overwrite: true);
            foreach (var older in Directory.EnumerateFiles(folder, Prefix(partNumber) + "*" + PartSuffix).Where(f => Path.GetFileName(f) != name))
                File.Delete(older);
            return Parts(upload).Single(p => p.PartNumber == partNumber);
        }
        catch (DirectoryNotFoundException)
        {
            throw S3Errors.NoSuchUpload(upload.Bucket, upload.Key); // aborted or completed meanwhile
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>The uploaded parts, by part number.</summary>
    public IReadOnlyList<S3UploadedPart> Parts(S3MultipartUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var folder = Path.Combine(Root, upload.UploadId);
        if (!Directory.Exists(folder))
            return [];
        return Directory.EnumerateFiles(folder, "*" + PartSuffix).Select(f => new FileInfo(f))
            .Select(f => (File: f, Name: Path.GetFileNameWithoutExtension(f.Name).Split('-')))
            .Where(f => f.Name.Length == 2 && int.TryParse(f.Name[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(f => new S3UploadedPart(int.Parse(f.Name[0], CultureInfo.InvariantCulture), $"\"{f.Name[1]}\"", f.File.Length,
                new DateTimeOffset(f.File.LastWriteTimeUtc, TimeSpan.Zero), f.File.FullName))
            .GroupBy(p => p.PartNumber).Select(g => g.OrderByDescending(p => p.LastModified).First()) // a racing re-upload: the newer
            .OrderBy(p => p.PartNumber)
            .ToList();
    }

    public void Abort(S3MultipartUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var folder = Path.Combine(Root, upload.UploadId);
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    /// <summary>CompleteMultipartUpload: the listed parts (number and ETag, as the client got them from UploadPart)
    /// must be in ascending order, each uploaded with that ETag, each but the last at least 5 MiB; they are
    /// concatenated, in that order, into the object.</summary>
    public async Task<S3ObjectInfo> CompleteAsync(S3MultipartUpload upload, IReadOnlyList<(int PartNumber, string ETag)> listed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(listed);
        if (listed.Count == 0)
            throw S3Errors.MalformedXml();
        for (var i = 1; i < listed.Count; i++)
        {
            if (listed[i].PartNumber <= listed[i - 1].PartNumber)
                throw S3Errors.InvalidPartOrder(upload.Bucket, upload.Key);
        }
        var uploaded = Parts(upload).ToDictionary(p => p.PartNumber);
        var chosen = new List<S3UploadedPart>(listed.Count);
        foreach (var (number, etag) in listed)
        {
            if (!uploaded.TryGetValue(number, out var part) || part.ETag.Trim('"') != etag.Trim().Trim('"'))
                throw S3Errors.InvalidPart(upload.Bucket, upload.Key);
            chosen.Add(part);
        }
        if (chosen.Take(chosen.Count - 1).Any(p => p.Size < MinPartBytes))
            throw S3Errors.EntityTooSmall(upload.Bucket, upload.Key);

        var assembled = Path.Combine(Root, upload.UploadId, ".tmp-assembled-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = new FileStream(assembled, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                foreach (var part in chosen)
                {
                    var input = new FileStream(part.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
                    await using (input.ConfigureAwait(false))
                        await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                }
            }
            var info = store.PlaceObject(upload.Bucket, upload.Key, assembled, ETagOf(chosen.Select(p => p.ETag.Trim('"')).ToList()),
                chosen.Select(p => p.Size).ToList());
            Abort(upload);
            return info;
        }
        finally
        {
            if (File.Exists(assembled))
                File.Delete(assembled);
        }
    }

    /// <summary>S3's ETag of a multipart object: the MD5 of the concatenated binary MD5s of its parts, in hex, then
    /// <c>-</c> and the number of parts; quoted.</summary>
    public static string ETagOf(IReadOnlyList<string> partMd5Hex)
    {
        ArgumentNullException.ThrowIfNull(partMd5Hex);
        var concatenated = partMd5Hex.SelectMany(Convert.FromHexString).ToArray();
#pragma warning disable CA5351 // S3's multipart ETag is defined with MD5
        return $"\"{Convert.ToHexStringLower(MD5.HashData(concatenated))}-{partMd5Hex.Count.ToString(CultureInfo.InvariantCulture)}\"";
#pragma warning restore CA5351
    }

    /// <summary>Drops the bucket's uploads (the bucket was deleted).</summary>
    public void AbortAll(string bucket)
    {
        foreach (var upload in List(bucket))
            Abort(upload);
    }

    private S3MultipartUpload? Read(string uploadId)
    {
        // Ids are 64 hex digits; anything else (a path, a dot) names no upload.
        if (uploadId.Length != 64 || !uploadId.All(char.IsAsciiHexDigitLower))
            return null;
        var file = Path.Combine(Root, uploadId, UploadFile);
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<S3MultipartUpload>(File.ReadAllText(file)) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    private static string Prefix(int partNumber) => partNumber.ToString("D5", CultureInfo.InvariantCulture) + "-";
}
