namespace VpcLab.Model.Policies;

/// <summary>Which resource a policy document is attached to. The kind decides the size limit, the error code
/// a refused document gets, and what an account-id principal means when the policy is evaluated.</summary>
public enum PolicyKind
{
    /// <summary>A VPC endpoint policy (CreateVpcEndpoint / ModifyVpcEndpoint <c>PolicyDocument</c>).</summary>
    VpcEndpoint,

    /// <summary>An S3 bucket policy (PutBucketPolicy).</summary>
    S3Bucket,
}
