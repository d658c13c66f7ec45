namespace VpcLab.Server.S3;

/// <summary>What S3 says about an object without its bytes: size, MD5 ETag (quoted, as S3 sends it), time.</summary>
public sealed record S3ObjectInfo(string Key, long Size, string ETag, DateTimeOffset LastModified);
