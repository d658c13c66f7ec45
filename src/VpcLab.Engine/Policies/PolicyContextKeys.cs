namespace VpcLab.Engine.Policies;

/// <summary>The global and S3 condition keys VpcLab knows, AWS's spelling (keys compare case-insensitively). Which
/// of them a request carries, and with which values: docs/semantics.md#policy-request-keys.</summary>
public static class PolicyContextKeys
{
    // Network: where the request came from (IAM "AWS global condition context keys").
    public const string SourceVpce = "aws:SourceVpce";
    public const string SourceVpc = "aws:SourceVpc";
    public const string SourceIp = "aws:SourceIp";
    public const string VpcSourceIp = "aws:VpcSourceIp";
    public const string SecureTransport = "aws:SecureTransport";

    // Principal: who asks.
    public const string PrincipalAccount = "aws:PrincipalAccount";
    public const string PrincipalArn = "aws:PrincipalArn";
    public const string PrincipalType = "aws:PrincipalType";
    public const string PrincipalIsAwsService = "aws:PrincipalIsAWSService";
    public const string PrincipalServiceName = "aws:PrincipalServiceName";
    public const string UserId = "aws:userid";
    public const string UserName = "aws:username";
    public const string ViaAwsService = "aws:ViaAWSService";

    // Resource and request.
    public const string ResourceAccount = "aws:ResourceAccount";
    public const string RequestedRegion = "aws:RequestedRegion";
    public const string CurrentTime = "aws:CurrentTime";
    public const string EpochTime = "aws:EpochTime";

    // Organizations: the lab has none, so a request never carries these (a condition on them meets an absent key).
    public const string PrincipalOrgId = "aws:PrincipalOrgID";
    public const string PrincipalOrgPaths = "aws:PrincipalOrgPaths";
    public const string ResourceOrgId = "aws:ResourceOrgID";
    public const string ResourceOrgPaths = "aws:ResourceOrgPaths";

    // Amazon S3 (Service Authorization Reference, "Condition keys for Amazon S3").
    public const string S3ResourceAccount = "s3:ResourceAccount";
    public const string S3Prefix = "s3:prefix";
    public const string S3Delimiter = "s3:delimiter";
    public const string S3AuthType = "s3:authType";
    public const string S3SignatureVersion = "s3:signatureversion";
}
