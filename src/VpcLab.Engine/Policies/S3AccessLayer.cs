namespace VpcLab.Engine.Policies;

/// <summary>Which layer settled an S3 request.</summary>
public enum S3AccessLayer
{
    /// <summary>The VPC endpoint's policy (an explicit deny, or no statement allowing the request).</summary>
    VpcEndpointPolicy,

    /// <summary>The bucket policy (an explicit deny, an explicit allow, or — cross-account — no allow).</summary>
    BucketPolicy,

    /// <summary>No policy denied and the caller belongs to the bucket owner's account: its own IAM
    /// policies (assumed to allow, identity policies are not modelled) grant access.</summary>
    BucketOwnerAccount,
}
