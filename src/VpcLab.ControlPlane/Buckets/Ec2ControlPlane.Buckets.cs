using System.Text.RegularExpressions;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Model.Policies;

namespace VpcLab.ControlPlane;

// S3 buckets as the data plane sees them: a name, an owner, a Region and a bucket policy. They are not EC2
// resources and the EC2 API has no action for them; scenarios define them so a trace to s3://bucket/key can
// evaluate the bucket policy with the path.
public sealed partial class Ec2ControlPlane
{
    /// <summary>S3's general purpose bucket naming rules: 3–63 characters of lower-case letters, digits, dots and
    /// hyphens, starting and ending with a letter or digit, and not shaped like an IPv4 address.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketNamePattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex IpShapedName();

    /// <summary>Creates a bucket owned by the caller in the caller's Region, or replaces its policy when the caller
    /// already owns it. A bucket name is global: another owner's (or another Region's) bucket of that name is
    /// BucketAlreadyExists. A policy must parse as an S3 bucket policy (MalformedPolicy otherwise).</summary>
    public S3Bucket PutBucket(RequestContext ctx, string name, string? policyJson) =>
        Mutate(ctx, dryRun: null, tx =>
        {
            ArgumentNullException.ThrowIfNull(name);
            if (!BucketNamePattern().IsMatch(name) || name.Contains("..", StringComparison.Ordinal) || IpShapedName().IsMatch(name))
                throw new Ec2Exception(new Ec2ErrorCode("InvalidBucketName", 400), $"The specified bucket is not valid: '{name}'. Bucket names are 3 to 63 lower-case letters, digits, dots and hyphens.");
            if (tx.N.Buckets.TryGetValue(name, out var existing) && (existing.OwnerId != tx.Account || existing.Region != tx.RegionName))
                throw new Ec2Exception(new Ec2ErrorCode("BucketAlreadyExists", 409), $"The requested bucket name '{name}' is not available. Bucket names are shared by all AWS accounts.");
            if (policyJson is not null && !PolicyDocument.TryParse(policyJson, PolicyKind.S3Bucket, out _, out var error))
                throw new Ec2Exception(new Ec2ErrorCode("MalformedPolicy", 400), $"bucket '{name}': {error!.Message}");
            var bucket = new S3Bucket(name, tx.Account, tx.RegionName, policyJson);
            tx.N = tx.N with { Buckets = tx.N.Buckets.SetItem(name, bucket) };
            return bucket;
        });
}
