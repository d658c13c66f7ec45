using VpcLab.ControlPlane.Errors;

namespace VpcLab.ControlPlane;

/// <summary>S3's error codes for the bucket operations, with S3's HTTP statuses. The S3 endpoint answers them with
/// S3's own messages; a scenario shows these.</summary>
public static class BucketErrors
{
    public static readonly Ec2ErrorCode InvalidBucketNameCode = new("InvalidBucketName", 400);
    public static readonly Ec2ErrorCode BucketAlreadyExistsCode = new("BucketAlreadyExists", 409);
    public static readonly Ec2ErrorCode BucketAlreadyOwnedByYouCode = new("BucketAlreadyOwnedByYou", 409);
    public static readonly Ec2ErrorCode NoSuchBucketCode = new("NoSuchBucket", 404);
    public static readonly Ec2ErrorCode MalformedPolicyCode = new("MalformedPolicy", 400);
    public static readonly Ec2ErrorCode AccessDeniedCode = new("AccessDenied", 403);
    public static readonly Ec2ErrorCode InvalidLocationConstraintCode = new("InvalidLocationConstraint", 400);

    public static Ec2Exception InvalidBucketName(string name, string problem) =>
        new(InvalidBucketNameCode, $"The specified bucket is not valid: '{name}': {problem}.");

    public static Ec2Exception BucketAlreadyExists(string name) =>
        new(BucketAlreadyExistsCode, $"The requested bucket name '{name}' is not available. Bucket names are shared by all AWS accounts.");

    public static Ec2Exception BucketAlreadyOwnedByYou(string name) =>
        new(BucketAlreadyOwnedByYouCode, $"Your previous request to create the bucket '{name}' succeeded and you already own it.");

    public static Ec2Exception NoSuchBucket(string name) => new(NoSuchBucketCode, $"The bucket '{name}' does not exist.");

    public static Ec2Exception MalformedPolicy(string name, string problem) => new(MalformedPolicyCode, $"bucket '{name}': {problem}");

    public static Ec2Exception AccessDenied(string name) => new(AccessDeniedCode, $"Access Denied: the bucket '{name}' belongs to another account.");

    public static Ec2Exception InvalidLocationConstraint(string region) =>
        new(InvalidLocationConstraintCode, $"The specified location-constraint '{region}' is not a Region this lab knows.");
}
