using System.Collections.Frozen;

namespace VpcLab.Cli.Commands;

/// <summary>The S3 actions a traced request may name (<c>--action</c>): the bucket- and object-level actions of the
/// Service Authorization Reference's "Actions defined by Amazon S3"
/// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html). A request is one action,
/// so wildcards are refused; so is a name S3 does not define (a typo would otherwise be judged by the policies as an
/// action no statement names, a misleading "implicit deny").</summary>
public static class S3ActionNames
{
    private static readonly FrozenSet<string> Known = new[]
    {
        // Objects
        "GetObject", "GetObjectVersion", "PutObject", "DeleteObject", "DeleteObjectVersion", "GetObjectAcl",
        "GetObjectVersionAcl", "PutObjectAcl", "PutObjectVersionAcl", "GetObjectTagging", "GetObjectVersionTagging",
        "PutObjectTagging", "PutObjectVersionTagging", "DeleteObjectTagging", "DeleteObjectVersionTagging",
        "GetObjectAttributes", "GetObjectVersionAttributes", "GetObjectRetention", "PutObjectRetention",
        "GetObjectLegalHold", "PutObjectLegalHold", "BypassGovernanceRetention", "RestoreObject", "AbortMultipartUpload",
        "ListMultipartUploadParts", "GetObjectTorrent", "GetObjectVersionTorrent", "ReplicateObject", "ReplicateDelete",
        "ReplicateTags", "ObjectOwnerOverrideToBucketOwner",
        // Buckets
        "ListBucket", "ListBucketVersions", "ListBucketMultipartUploads", "CreateBucket", "DeleteBucket",
        "GetBucketLocation", "GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy", "GetBucketPolicyStatus",
        "GetBucketAcl", "PutBucketAcl", "GetBucketCORS", "PutBucketCORS", "GetBucketVersioning", "PutBucketVersioning",
        "GetBucketTagging", "PutBucketTagging", "GetBucketLogging", "PutBucketLogging", "GetBucketNotification",
        "PutBucketNotification", "GetBucketWebsite", "PutBucketWebsite", "DeleteBucketWebsite", "GetBucketRequestPayment",
        "PutBucketRequestPayment", "GetBucketPublicAccessBlock", "PutBucketPublicAccessBlock", "GetBucketOwnershipControls",
        "PutBucketOwnershipControls", "GetBucketObjectLockConfiguration", "PutBucketObjectLockConfiguration",
        "GetEncryptionConfiguration", "PutEncryptionConfiguration", "GetLifecycleConfiguration", "PutLifecycleConfiguration",
        "GetReplicationConfiguration", "PutReplicationConfiguration", "DeleteBucketOwnershipControls",
        "GetAccelerateConfiguration", "PutAccelerateConfiguration", "GetInventoryConfiguration", "PutInventoryConfiguration",
        "GetMetricsConfiguration", "PutMetricsConfiguration", "GetAnalyticsConfiguration", "PutAnalyticsConfiguration",
        "ListAllMyBuckets",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The action as S3 spells it, or a usage error naming the problem.</summary>
    public static string Check(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        var service = colon < 0 ? "" : action[..colon];
        var name = colon < 0 ? action : action[(colon + 1)..];
        if (!service.Equals("s3", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--action: '{action}' is not an S3 action; give s3:NAME, e.g. s3:GetObject or s3:PutObject.");
        if (name.Contains('*', StringComparison.Ordinal) || name.Contains('?', StringComparison.Ordinal))
            throw new UsageException($"--action: '{action}' is a pattern; a request makes one action, e.g. s3:GetObject.");
        if (!Known.TryGetValue(name, out var spelled))
            throw new UsageException($"--action: S3 has no action '{name}' (e.g. s3:GetObject, s3:PutObject, s3:DeleteObject, s3:ListBucket).");
        return "s3:" + spelled;
    }
}
