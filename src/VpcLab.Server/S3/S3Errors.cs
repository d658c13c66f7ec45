using Microsoft.AspNetCore.Http;
using VpcLab.ControlPlane;

namespace VpcLab.Server.S3;

/// <summary>Every S3 error VpcLab answers, with S3's codes, statuses and messages, in one place.</summary>
public static class S3Errors
{
    public static S3Exception NoSuchBucket(string bucket) =>
        new("NoSuchBucket", "The specified bucket does not exist", StatusCodes.Status404NotFound, bucket);

    public static S3Exception NoSuchKey(string bucket, string key) =>
        new("NoSuchKey", "The specified key does not exist.", StatusCodes.Status404NotFound, bucket, key);

    public static S3Exception BucketAlreadyOwnedByYou(string bucket) =>
        new("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", StatusCodes.Status409Conflict, bucket);

    public static S3Exception BucketAlreadyExists(string bucket) =>
        new("BucketAlreadyExists", "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.", StatusCodes.Status409Conflict, bucket);

    public static S3Exception BucketNotEmpty(string bucket) =>
        new("BucketNotEmpty", "The bucket you tried to delete is not empty", StatusCodes.Status409Conflict, bucket);

    public static S3Exception InvalidBucketName(string bucket) =>
        new("InvalidBucketName", "The specified bucket is not valid.", StatusCodes.Status400BadRequest, bucket);

    public static S3Exception NoSuchBucketPolicy(string bucket) =>
        new("NoSuchBucketPolicy", "The bucket policy does not exist", StatusCodes.Status404NotFound, bucket);

    public static S3Exception MalformedPolicy(string bucket, string problem) =>
        new("MalformedPolicy", problem, StatusCodes.Status400BadRequest, bucket);

    public static S3Exception AccessDenied(string bucket) =>
        new("AccessDenied", "Access Denied", StatusCodes.Status403Forbidden, bucket);

    public static S3Exception InvalidArgument(string message) =>
        new("InvalidArgument", message, StatusCodes.Status400BadRequest);

    public static S3Exception MalformedXml() =>
        new("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema", StatusCodes.Status400BadRequest);

    public static S3Exception InvalidLocationConstraint(string constraint) =>
        new("InvalidLocationConstraint", $"The specified location-constraint '{constraint}' is not valid", StatusCodes.Status400BadRequest);

    public static S3Exception IllegalLocationConstraint(string? constraint) =>
        new("IllegalLocationConstraintException", constraint is null
            ? "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to."
            : $"The {constraint} location constraint is incompatible for the region specific endpoint this request was sent to.", StatusCodes.Status400BadRequest);

    public static S3Exception InvalidRange() =>
        new("InvalidRange", "The requested range is not satisfiable", StatusCodes.Status416RangeNotSatisfiable);

    public static S3Exception NotImplemented(string what) =>
        new("NotImplemented", $"A header or query you provided implies functionality that VpcLab does not implement: {what}.", StatusCodes.Status501NotImplemented);

    public static S3Exception MethodNotAllowed(string method) =>
        new("MethodNotAllowed", $"The specified method ({method}) is not allowed against this resource.", StatusCodes.Status405MethodNotAllowed);

    public static S3Exception IncompleteBody(string message) =>
        new("IncompleteBody", message, StatusCodes.Status400BadRequest);

    public static S3Exception EntityTooLarge(long max) =>
        new("EntityTooLarge", $"Your proposed upload exceeds the maximum allowed size ({max} bytes).", StatusCodes.Status400BadRequest);

    public static S3Exception NoSuchUpload(string bucket, string key) =>
        new("NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.", StatusCodes.Status404NotFound, bucket, key);

    public static S3Exception InvalidPart(string bucket, string key) =>
        new("InvalidPart", "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.", StatusCodes.Status400BadRequest, bucket, key);

    public static S3Exception InvalidPartOrder(string bucket, string key) =>
        new("InvalidPartOrder", "The list of parts was not in ascending order. The parts list must be specified in order by part number.", StatusCodes.Status400BadRequest, bucket, key);

    public static S3Exception EntityTooSmall(string bucket, string key) =>
        new("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.", StatusCodes.Status400BadRequest, bucket, key);

    public static S3Exception PartNumberNotSatisfiable() =>
        new("InvalidPartNumber", "The requested partnumber is not satisfiable", StatusCodes.Status416RangeNotSatisfiable);

    public static S3Exception InvalidPartNumber() =>
        new("InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive", StatusCodes.Status400BadRequest);

    /// <summary>A bucket operation's control-plane error (S3's code, src/VpcLab.ControlPlane/Buckets/BucketErrors.cs)
    /// with S3's own message; a code S3 does not have (a Region the lab does not know) is InvalidArgument.</summary>
    public static S3Exception FromControlPlane(VpcLab.ControlPlane.Errors.Ec2Exception error, string bucket)
    {
        ArgumentNullException.ThrowIfNull(error);
        var code = error.Code;
        if (code == BucketErrors.InvalidBucketNameCode)
            return InvalidBucketName(bucket);
        if (code == BucketErrors.BucketAlreadyExistsCode)
            return BucketAlreadyExists(bucket);
        if (code == BucketErrors.BucketAlreadyOwnedByYouCode)
            return BucketAlreadyOwnedByYou(bucket);
        if (code == BucketErrors.NoSuchBucketCode)
            return NoSuchBucket(bucket);
        if (code == BucketErrors.AccessDeniedCode)
            return AccessDenied(bucket);
        if (code == BucketErrors.MalformedPolicyCode)
            return MalformedPolicy(bucket, error.Message);
        if (code == BucketErrors.InvalidLocationConstraintCode)
            return new(code.Code, error.Message, StatusCodes.Status400BadRequest);
        return InvalidArgument(error.Message);
    }
}
