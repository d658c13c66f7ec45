namespace VpcLab.Server.S3;

/// <summary>A bucket's metadata: who owns it, where it lives, when it was made.</summary>
public sealed record S3Bucket(string Name, string OwnerAccount, string Region, DateTimeOffset CreationDate);

/// <summary>What S3 says about an object without its bytes: size, MD5 ETag (quoted, as S3 sends it), time.</summary>
public sealed record S3ObjectInfo(string Key, long Size, string ETag, DateTimeOffset LastModified);
