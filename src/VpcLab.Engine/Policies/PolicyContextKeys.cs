namespace VpcLab.Engine.Policies;

/// <summary>The global and S3 condition keys VpcLab fills in, AWS's spelling (keys compare case-insensitively).</summary>
public static class PolicyContextKeys
{
    public const string SourceVpce = "aws:SourceVpce";
    public const string SourceVpc = "aws:SourceVpc";
    public const string SourceIp = "aws:SourceIp";
    public const string VpcSourceIp = "aws:VpcSourceIp";
    public const string PrincipalAccount = "aws:PrincipalAccount";
    public const string PrincipalArn = "aws:PrincipalArn";
    public const string PrincipalType = "aws:PrincipalType";
    public const string SecureTransport = "aws:SecureTransport";
    public const string S3Prefix = "s3:prefix";
}
