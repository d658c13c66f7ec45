using System.Text.Json.Nodes;

namespace VpcLab.ControlPlane;

/// <summary>The bucket mutations of the S3 API as named operations with JSON parameters, so the operation log
/// records and replays them beside EC2's actions and a bucket (and its policy) put through S3 survives a restart.
/// Names are IAM action names (<c>s3:CreateBucket</c>), which no EC2 action can be.</summary>
public static class BucketLogOperations
{
    public const string CreateBucket = "s3:CreateBucket";
    public const string DeleteBucket = "s3:DeleteBucket";
    public const string PutBucketPolicy = "s3:PutBucketPolicy";
    public const string DeleteBucketPolicy = "s3:DeleteBucketPolicy";

    private const string BucketMember = "Bucket";
    private const string RegionMember = "Region";
    private const string PolicyMember = "Policy";

    public static bool Handles(string operation) =>
        operation is CreateBucket or DeleteBucket or PutBucketPolicy or DeleteBucketPolicy;

    /// <summary>The parameters of one operation, as they are logged.</summary>
    public static JsonObject Parameters(string bucket, string? region = null, string? policy = null)
    {
        var parameters = new JsonObject { [BucketMember] = bucket };
        if (region is not null)
            parameters[RegionMember] = region;
        if (policy is not null)
            parameters[PolicyMember] = policy;
        return parameters;
    }

    /// <summary>Runs one bucket operation on <paramref name="controlPlane"/>; throws its Ec2Exception (S3's code
    /// and status) when it fails, having changed nothing.</summary>
    public static JsonObject? Execute(Ec2ControlPlane controlPlane, string operation, RequestContext context, JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        ArgumentNullException.ThrowIfNull(parameters);
        var bucket = Text(parameters, BucketMember) ?? throw new ArgumentException("A bucket operation names its Bucket.", nameof(parameters));
        _ = operation switch
        {
            CreateBucket => controlPlane.CreateBucket(context, bucket, Text(parameters, RegionMember) ?? context.Region),
            DeleteBucket => controlPlane.DeleteBucket(context, bucket),
            PutBucketPolicy => controlPlane.PutBucketPolicy(context, bucket, Text(parameters, PolicyMember) ?? ""),
            DeleteBucketPolicy => controlPlane.DeleteBucketPolicy(context, bucket),
            _ => throw new ArgumentException($"{operation} is not a bucket operation.", nameof(operation)),
        };
        return null;
    }

    private static string? Text(JsonObject parameters, string member) =>
        parameters[member] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
