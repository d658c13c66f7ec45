namespace VpcLab.Server.S3;

/// <summary>What S3 says about an object without its bytes: size, ETag (quoted, as S3 sends it: the MD5, or for a
/// multipart object the MD5 of the parts' MD5s and their count), time, and for a multipart object its parts' sizes
/// (GetObject's <c>partNumber</c>).</summary>
public sealed record S3ObjectInfo(string Key, long Size, string ETag, DateTimeOffset LastModified, IReadOnlyList<long>? PartSizes = null);
