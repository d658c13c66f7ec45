namespace VpcLab.Model.Policies;

/// <summary>A policy document AWS would refuse. <see cref="AwsErrorCode"/> is the code the API answers with:
/// EC2 says <c>InvalidPolicyDocument</c> (CreateVpcEndpoint / ModifyVpcEndpoint), S3 says <c>MalformedPolicy</c>
/// (PutBucketPolicy); both are HTTP 400. The message names the problem.</summary>
public sealed class PolicyValidationException : Exception
{
    public PolicyValidationException(PolicyKind kind, string message)
        : base(message) => Kind = kind;

    public PolicyKind Kind { get; }

    public string AwsErrorCode => PolicyErrorCodes.For(Kind);
}

/// <summary>AWS's exact error codes for a refused policy document, one per API that takes one.</summary>
public static class PolicyErrorCodes
{
    public const string InvalidPolicyDocument = "InvalidPolicyDocument";
    public const string MalformedPolicy = "MalformedPolicy";

    public static string For(PolicyKind kind) => kind switch
    {
        PolicyKind.S3Bucket => MalformedPolicy,
        _ => InvalidPolicyDocument,
    };
}
