namespace VpcLab.Engine.Policies;

/// <summary>Who makes a request: an IAM identity of an account (root, user, role session), an AWS service,
/// or nobody (an anonymous, unsigned request).</summary>
public sealed record RequestPrincipal(string? AccountId, string? Arn, string? ServiceName)
{
    public static readonly RequestPrincipal Anonymous = new(null, null, null);

    public bool IsAnonymous => AccountId is null && Arn is null && ServiceName is null;

    /// <summary>The account's root user, <c>arn:aws:iam::ACCOUNT:root</c>.</summary>
    public static RequestPrincipal Root(string accountId) => new(accountId, $"arn:aws:iam::{accountId}:root", null);

    /// <summary>An IAM user, role or STS session by ARN; the account is read from the ARN.</summary>
    public static RequestPrincipal FromArn(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[4].Length == 0)
            throw new ArgumentException($"'{arn}' is not an IAM or STS ARN.", nameof(arn));
        return new RequestPrincipal(parts[4], arn, null);
    }

    /// <summary>A service principal such as <c>cloudtrail.amazonaws.com</c>.</summary>
    public static RequestPrincipal Service(string serviceName) => new(null, null, serviceName);

    /// <summary>The role an STS assumed-role session belongs to (arn:aws:sts::A:assumed-role/R/s →
    /// arn:aws:iam::A:role/R), which a policy naming the role matches; null for other principals.</summary>
    public string? RoleArn
    {
        get
        {
            if (Arn is null)
                return null;
            var parts = Arn.Split(':', 6);
            if (parts.Length != 6 || parts[2] != "sts" || !parts[5].StartsWith("assumed-role/", StringComparison.Ordinal))
                return null;
            var path = parts[5]["assumed-role/".Length..];
            int slash = path.IndexOf('/', StringComparison.Ordinal);
            var role = slash < 0 ? path : path[..slash];
            return $"arn:{parts[1]}:iam::{parts[4]}:role/{role}";
        }
    }

    /// <summary>aws:PrincipalType as IAM's principal key table gives it: <c>Account</c> (root), <c>User</c>,
    /// <c>AssumedRole</c> (a role session; a role ARN given as caller is taken as one of its sessions),
    /// <c>FederatedUser</c>, <c>Anonymous</c>; null for a service principal (IAM lists no type for it).</summary>
    public string? PrincipalType
    {
        get
        {
            if (IsAnonymous)
                return "Anonymous";
            if (Arn is null)
                return null;
            var resource = ResourcePart(Arn);
            if (resource == "root")
                return "Account";
            if (resource.StartsWith("user/", StringComparison.Ordinal))
                return "User";
            if (resource.StartsWith("federated-user/", StringComparison.Ordinal))
                return "FederatedUser";
            return resource.StartsWith("assumed-role/", StringComparison.Ordinal) || resource.StartsWith("role/", StringComparison.Ordinal)
                ? "AssumedRole" : null;
        }
    }

    /// <summary>aws:PrincipalArn: the caller's ARN, except that a role session is named by its role's ARN (IAM: "the
    /// ARN of the role, not the ARN of the assumed-role session").</summary>
    public string? PolicyArn => RoleArn ?? Arn;

    /// <summary>aws:username: an IAM user's name (the last segment of its ARN's path); null for everyone else.</summary>
    public string? UserName => PrincipalType == "User" ? ResourcePart(Arn!)[(ResourcePart(Arn!).LastIndexOf('/') + 1)..] : null;

    private static string ResourcePart(string arn)
    {
        var parts = arn.Split(':', 6);
        return parts.Length == 6 ? parts[5] : "";
    }

    public override string ToString() => Arn ?? ServiceName ?? "anonymous";
}
