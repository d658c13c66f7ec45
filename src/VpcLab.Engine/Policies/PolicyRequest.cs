using System.Collections.Immutable;

namespace VpcLab.Engine.Policies;

/// <summary>What a resource policy is asked about: who, which action (<c>s3:GetObject</c>), on which resource
/// ARN, with which condition keys. Keys compare case-insensitively (IAM's rule); a key may carry several values
/// (for ForAnyValue/ForAllValues). Build with <see cref="Create"/>, then <see cref="With(string, string[])"/>
/// and <see cref="ThroughVpcEndpoint"/>.</summary>
public sealed record PolicyRequest(
    RequestPrincipal Principal, string Action, string Resource,
    ImmutableDictionary<string, ImmutableArray<string>> Context)
{
    private static readonly ImmutableDictionary<string, ImmutableArray<string>> EmptyContext =
        ImmutableDictionary.Create<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A request with the principal keys IAM documents for its caller (docs/semantics.md#policy-request-keys):
    /// <c>aws:PrincipalAccount</c>, <c>aws:PrincipalArn</c> (a role session: its role's ARN), <c>aws:PrincipalType</c>,
    /// <c>aws:PrincipalIsAWSService</c>, <c>aws:ViaAWSService</c> (false: the caller asks directly),
    /// <c>aws:username</c> for an IAM user, <c>aws:userid</c> where the lab knows it (root: the account id; a federated
    /// user: <c>account:name</c>; anonymous: <c>anonymous</c>), <c>aws:PrincipalServiceName</c> for a service.</summary>
    public static PolicyRequest Create(RequestPrincipal principal, string action, string resource)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var context = EmptyContext;
        if (principal.AccountId is { } account)
            context = context.SetItem(PolicyContextKeys.PrincipalAccount, [account]);
        if (principal.PolicyArn is { } arn)
            context = context.SetItem(PolicyContextKeys.PrincipalArn, [arn]);
        if (principal.PrincipalType is { } type)
            context = context.SetItem(PolicyContextKeys.PrincipalType, [type]);
        if (principal.UserName is { } userName)
            context = context.SetItem(PolicyContextKeys.UserName, [userName]);
        var userId = principal.PrincipalType switch
        {
            "Account" => principal.AccountId,
            "Anonymous" => "anonymous",
            "FederatedUser" => $"{principal.AccountId}:{principal.Arn![(principal.Arn!.LastIndexOf('/') + 1)..]}",
            _ => null, // IAM's unique ids (AIDA…, AROA…) are not modelled
        };
        if (userId is not null)
            context = context.SetItem(PolicyContextKeys.UserId, [userId]);
        if (principal.ServiceName is { } service)
            context = context.SetItem(PolicyContextKeys.PrincipalServiceName, [service]);
        context = context.SetItem(PolicyContextKeys.PrincipalIsAwsService, [principal.ServiceName is null ? "false" : "true"])
            .SetItem(PolicyContextKeys.ViaAwsService, ["false"]);
        return new PolicyRequest(principal, action, resource, context);
    }

    /// <summary>Sets a context key (replacing its values).</summary>
    public PolicyRequest With(string key, params string[] values) =>
        this with { Context = AsCaseInsensitive(Context).SetItem(key, [.. values]) };

    /// <summary>aws:CurrentTime (ISO 8601, UTC, seconds) and aws:EpochTime of a request made at <paramref name="time"/>.</summary>
    public PolicyRequest At(DateTimeOffset time) =>
        With(PolicyContextKeys.CurrentTime, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))
            .With(PolicyContextKeys.EpochTime, time.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

    public PolicyRequest Without(string key) => this with { Context = AsCaseInsensitive(Context).Remove(key) };

    /// <summary>The request as S3 sees it when it arrives through a VPC endpoint: <c>aws:SourceVpce</c> and
    /// <c>aws:SourceVpc</c> set, <c>aws:VpcSourceIp</c> the private address, and no <c>aws:SourceIp</c>
    /// (spec: it never matches requests via an endpoint).</summary>
    public PolicyRequest ThroughVpcEndpoint(string vpcEndpointId, string vpcId, string? privateSourceIp)
    {
        var request = With(PolicyContextKeys.SourceVpce, vpcEndpointId).With(PolicyContextKeys.SourceVpc, vpcId)
            .Without(PolicyContextKeys.SourceIp);
        return privateSourceIp is null ? request : request.With(PolicyContextKeys.VpcSourceIp, privateSourceIp);
    }

    /// <summary>The values of a key, empty when the request does not carry it.</summary>
    public ImmutableArray<string> ValuesOf(string key)
    {
        if (Context.TryGetValue(key, out var values))
            return values;
        if (Context.KeyComparer.Equals(StringComparer.OrdinalIgnoreCase))
            return [];
        // A dictionary built by hand with another comparer: still honour IAM's case-insensitive keys.
        foreach (var (k, v) in Context)
        {
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                return v;
        }
        return [];
    }

    private static ImmutableDictionary<string, ImmutableArray<string>> AsCaseInsensitive(
        ImmutableDictionary<string, ImmutableArray<string>> context) =>
        context.KeyComparer.Equals(StringComparer.OrdinalIgnoreCase) ? context : context.WithComparers(StringComparer.OrdinalIgnoreCase);
}
