namespace VpcLab.Model;

/// <summary>An S3 bucket as the data plane needs it: where it lives, who owns it, and its bucket policy. Buckets
/// are not EC2 resources: they come from a scenario's <c>buckets:</c> and let a trace to
/// <c>s3://bucket/key</c> evaluate the endpoint policy and the bucket policy together with the path.
/// <see cref="Policy"/> is the bucket policy (JSON text, already validated), or null when the bucket has none.</summary>
public sealed record S3Bucket(string Name, AccountId OwnerId, string Region, string? Policy);
