namespace VpcLab.Server.S3;

/// <summary>One uploaded part of a multipart upload: its number, MD5 ETag (quoted), size, time and file.</summary>
public sealed record S3UploadedPart(int PartNumber, string ETag, long Size, DateTimeOffset LastModified, string Path);
