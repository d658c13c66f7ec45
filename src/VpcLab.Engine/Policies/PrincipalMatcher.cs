using VpcLab.Model.Policies;

namespace VpcLab.Engine.Policies;

/// <summary>Does a statement's Principal / NotPrincipal cover the caller? "*" covers everyone, anonymous
/// callers included. An account id (or its <c>:root</c> ARN) covers, in an S3 bucket policy, every principal of
/// that account (the account delegates further through its own IAM policies); in a VPC endpoint policy only
/// the account's root user (spec/gateways-endpoints-peering.md). Other ARNs match exactly, and a role ARN
/// also covers that role's STS sessions. Federated and CanonicalUser principals are not modelled and match no one.</summary>
internal static class PrincipalMatcher
{
    public static bool Matches(PrincipalElement element, PolicyKind kind, RequestPrincipal caller)
    {
        bool covered = Covers(element, kind, caller);
        return element.IsNegated ? !covered : covered;
    }

    private static bool Covers(PrincipalElement element, PolicyKind kind, RequestPrincipal caller)
    {
        if (element.IsWildcard)
            return true;
        foreach (var aws in element.Aws)
        {
            if (CoversAws(aws, kind, caller))
                return true;
        }
        foreach (var service in element.Service)
        {
            if (service == "*" ? caller.ServiceName is not null : string.Equals(service, caller.ServiceName, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static bool CoversAws(string principal, PolicyKind kind, RequestPrincipal caller)
    {
        if (caller.Arn is null || caller.AccountId is null)
            return false; // anonymous callers and services are only covered by "*"
        var account = AccountOf(principal);
        if (account is not null)
        {
            return kind == PolicyKind.S3Bucket
                ? caller.AccountId == account
                : caller.Arn == $"arn:{Partition(caller.Arn)}:iam::{account}:root";
        }
        return caller.Arn == principal || caller.RoleArn == principal;
    }

    /// <summary>The account a principal names as a whole: "123456789012" or "arn:aws:iam::123456789012:root".</summary>
    private static string? AccountOf(string principal)
    {
        if (PolicyValueFormats.IsAccountId(principal))
            return principal;
        var parts = principal.Split(':', 6);
        return parts.Length == 6 && parts[2] == "iam" && parts[5] == "root" ? parts[4] : null;
    }

    private static string Partition(string arn)
    {
        var parts = arn.Split(':', 3);
        return parts.Length >= 2 ? parts[1] : "aws";
    }
}
