namespace VpcLab.ControlPlane.Errors;

/// <summary>Opt-in Regions: EC2's refusal of a call into a Region the account has not enabled, and the AWS Account
/// Management API's errors (docs/semantics.md#regions).</summary>
public static class RegionErrors
{
    /// <summary>AWS answers a call signed for an opt-in Region the account has not enabled as it answers credentials
    /// it cannot check: AuthFailure, HTTP 401. No AWS reference page states it; it is what EC2 answers in the reports
    /// docs/semantics.md#regions cites (unconfirmed by a reference page).</summary>
    public static readonly Ec2ErrorCode AuthFailure = new("AuthFailure", 401);

    /// <summary>Account Management API: "The operation failed because one of the input parameters was invalid" (400).</summary>
    public static readonly Ec2ErrorCode ValidationException = new("ValidationException");

    /// <summary>Account Management API: "The operation failed because the calling identity doesn't have the minimum
    /// required permissions" (403).</summary>
    public static readonly Ec2ErrorCode AccessDeniedException = new("AccessDeniedException", 403);

    public static Ec2Exception RegionNotEnabled() =>
        new(AuthFailure, "AWS was not able to validate the provided access credentials");

    /// <summary>A Region enabled by default cannot be enabled or disabled (ValidationException, reason
    /// <c>invalidRegionOptTarget</c> in the service model).</summary>
    public static Ec2Exception NotAnOptInRegion(string region) =>
        new(ValidationException, $"Region {region} is enabled by default and cannot be enabled or disabled.");

    public static Ec2Exception UnknownRegion(string region) =>
        new(ValidationException, $"Invalid region: {region} is not a Region of this partition.");

    public static Ec2Exception MissingRegionName() =>
        new(ValidationException, "1 validation error detected: Value null at 'regionName' failed to satisfy constraint: Member must not be null");

    /// <summary>The lab has no AWS Organizations: an AccountId other than the caller's own is a management-account
    /// feature the caller cannot use.</summary>
    public static Ec2Exception OtherAccount(string accountId) =>
        new(AccessDeniedException, $"The caller is not allowed to manage the Regions of account {accountId}: the lab has no AWS Organizations management account.");

    public static Ec2Exception InvalidMaxResults(int value) =>
        new(ValidationException, $"1 validation error detected: Value '{value}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 50");

    public static Ec2Exception InvalidNextToken(string token) =>
        new(ValidationException, $"The next token '{token}' is invalid.");

    public static Ec2Exception InvalidOptStatus(string status) =>
        new(ValidationException, $"1 validation error detected: Value '{status}' at 'regionOptStatusContains' failed to satisfy enum value set: [ENABLED, ENABLING, DISABLING, DISABLED, ENABLED_BY_DEFAULT]");
}
