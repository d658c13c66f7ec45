namespace VpcLab.Model;

/// <summary>An S3 bucket as the data plane needs it: where it lives, who owns it, and its bucket policy. Buckets
/// are not EC2 resources: they come from a scenario's <c>buckets:</c> or the server's S3 API (CreateBucket,
/// PutBucketPolicy) and let a trace to <c>s3://bucket/key</c> evaluate the endpoint policy and the bucket policy
/// together with the path. <see cref="Policy"/> is the bucket policy (JSON text, already validated), or null when
/// the bucket has none. The bucket's objects are not part of the model (the server's object store keeps them).</summary>
public sealed record S3Bucket(string Name, AccountId OwnerId, string Region, string? Policy)
{
    /// <summary>When the bucket was created (ListBuckets' CreationDate), on the control plane's clock.</summary>
    public DateTimeOffset CreationDate { get; init; }
}
