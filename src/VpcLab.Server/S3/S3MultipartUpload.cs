namespace VpcLab.Server.S3;

/// <summary>A multipart upload in progress: where it goes, who started it, when.</summary>
public sealed record S3MultipartUpload(string UploadId, string Bucket, string Key, string Account, DateTimeOffset Initiated);
