using VpcLab.Model;
using VpcLab.Model.Policies;

namespace VpcLab.ControlPlane;

/// <summary>S3 buckets as the data plane sees them: a name, an owner, a Region and a bucket policy. They are not EC2
/// resources: scenarios define them (PutBucket) and the server's S3 API creates them (CreateBucket, DeleteBucket,
/// Put/DeleteBucketPolicy, logged like EC2 mutations through BucketLogOperations), so a trace to s3://bucket/key
/// evaluates the bucket policy the S3 API put. Objects are not here: the server's object store keeps them.</summary>
public sealed class S3BucketOperations
{
    private readonly ControlPlaneState _state;

    internal S3BucketOperations(ControlPlaneState state)
    {
        _state = state;
    }

    private T Mutate<T>(RequestContext ctx, bool? dryRun, Func<Transaction, T> operation) => _state.Mutate(ctx, dryRun, operation);

    /// <summary>Creates a bucket owned by the caller in the caller's Region, or replaces its policy when the caller
    /// already owns it (a scenario's <c>buckets:</c>). A bucket name is global: another owner's (or another
    /// Region's) bucket of that name is BucketAlreadyExists. A policy must parse as an S3 bucket policy
    /// (MalformedPolicy otherwise).</summary>
    public S3Bucket PutBucket(RequestContext ctx, string name, string? policyJson) =>
        Mutate(ctx, dryRun: null, tx =>
        {
            CheckName(name);
            var existing = tx.N.Buckets.GetValueOrDefault(name);
            if (existing is not null && (existing.OwnerId != tx.Account || existing.Region != tx.RegionName))
                throw BucketErrors.BucketAlreadyExists(name);
            CheckPolicy(name, policyJson);
            var bucket = new S3Bucket(name, tx.Account, tx.RegionName, policyJson) { CreationDate = existing?.CreationDate ?? tx.Now };
            tx.N = tx.N with { Buckets = tx.N.Buckets.SetItem(name, bucket) };
            return bucket;
        });

    /// <summary>S3 CreateBucket: a new bucket of the caller's in <paramref name="region"/> (the location constraint),
    /// without a policy. A name already taken is BucketAlreadyOwnedByYou (the caller's) or BucketAlreadyExists.</summary>
    public S3Bucket CreateBucket(RequestContext ctx, string name, string region) =>
        Mutate(ctx, dryRun: null, tx =>
        {
            ArgumentNullException.ThrowIfNull(region);
            CheckName(name);
            if (!_state.Regions.ContainsKey(region))
                throw BucketErrors.InvalidLocationConstraint(region);
            if (tx.N.Buckets.TryGetValue(name, out var existing))
                throw existing.OwnerId == tx.Account ? BucketErrors.BucketAlreadyOwnedByYou(name) : BucketErrors.BucketAlreadyExists(name);
            var bucket = new S3Bucket(name, tx.Account, region, null) { CreationDate = tx.Now };
            tx.N = tx.N with { Buckets = tx.N.Buckets.Add(name, bucket) };
            return bucket;
        });

    /// <summary>S3 DeleteBucket: removes the caller's bucket and its policy. Whether it still holds objects is the
    /// object store's question (BucketNotEmpty), asked before this.</summary>
    public S3Bucket DeleteBucket(RequestContext ctx, string name) =>
        Mutate(ctx, dryRun: null, tx =>
        {
            var bucket = OwnedBucket(tx, name);
            tx.N = tx.N with { Buckets = tx.N.Buckets.Remove(name) };
            return bucket;
        });

    /// <summary>S3 PutBucketPolicy: replaces the caller's bucket's policy with <paramref name="policyJson"/>, which
    /// must parse as an S3 bucket policy (MalformedPolicy).</summary>
    public S3Bucket PutBucketPolicy(RequestContext ctx, string name, string policyJson) =>
        Mutate(ctx, dryRun: null, tx =>
        {
            ArgumentNullException.ThrowIfNull(policyJson);
            var bucket = OwnedBucket(tx, name);
            CheckPolicy(name, policyJson);
            var changed = bucket with { Policy = policyJson };
            tx.N = tx.N with { Buckets = tx.N.Buckets.SetItem(name, changed) };
            return changed;
        });

    /// <summary>S3 DeleteBucketPolicy: the caller's bucket without a policy (S3 answers 204 whether or not it had
    /// one).</summary>
    public S3Bucket DeleteBucketPolicy(RequestContext ctx, string name) =>
        Mutate(ctx, dryRun: null, tx =>
        {
            var changed = OwnedBucket(tx, name) with { Policy = null };
            tx.N = tx.N with { Buckets = tx.N.Buckets.SetItem(name, changed) };
            return changed;
        });

    /// <summary>The bucket if the caller owns it: NoSuchBucket, else AccessDenied for another account's bucket.</summary>
    private static S3Bucket OwnedBucket(Transaction tx, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bucket = tx.N.Buckets.GetValueOrDefault(name) ?? throw BucketErrors.NoSuchBucket(name);
        return bucket.OwnerId == tx.Account ? bucket : throw BucketErrors.AccessDenied(name);
    }

    private static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (S3BucketName.Problem(name) is { } problem)
            throw BucketErrors.InvalidBucketName(name, problem);
    }

    private static void CheckPolicy(string name, string? policyJson)
    {
        if (policyJson is not null && !PolicyDocument.TryParse(policyJson, PolicyKind.S3Bucket, out _, out var error))
            throw BucketErrors.MalformedPolicy(name, error!.Message);
    }
}
