namespace VpcLab.Model;

/// <summary>The verification state of an endpoint service's private DNS name (wire values pendingVerification,
/// verified, failed): consumers may turn private DNS on only once the provider proved it owns the domain.</summary>
public enum PrivateDnsVerificationState
{
    PendingVerification,
    Verified,
    Failed,
}
