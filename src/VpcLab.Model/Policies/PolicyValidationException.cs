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
