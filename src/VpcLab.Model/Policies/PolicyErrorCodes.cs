namespace VpcLab.Model.Policies;

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
