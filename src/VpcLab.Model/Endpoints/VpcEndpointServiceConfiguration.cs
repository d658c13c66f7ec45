using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>An endpoint service (vpce-svc-…): a provider's Network Load Balancers offered to other VPCs through AWS
/// PrivateLink. Consumers reach it by <see cref="ServiceName"/> (com.amazonaws.vpce.REGION.vpce-svc-…) with an
/// interface endpoint, which the service's Availability Zones (the zones of its load balancers' nodes, matched by
/// zone id) must include; only <see cref="AllowedPrincipals"/> (and the owner) may connect; with
/// <see cref="AcceptanceRequired"/> an endpoint waits in pendingAcceptance until the provider accepts it.
/// <see cref="PrivateDnsName"/> answers inside consumer VPCs once verified (<see cref="PrivateDnsState"/>); the
/// domain-ownership TXT record is <see cref="PrivateDnsTxtName"/>/<see cref="PrivateDnsTxtValue"/>.
/// docs/semantics.md#endpoint-services.</summary>
public sealed record VpcEndpointServiceConfiguration(
    VpcEndpointServiceId Id, AccountId OwnerId, string Region, bool AcceptanceRequired,
    ImmutableArray<LoadBalancerArn> NetworkLoadBalancerArns, ImmutableArray<string> AllowedPrincipals,
    string? PrivateDnsName, PrivateDnsVerificationState PrivateDnsState, string PrivateDnsTxtName, string PrivateDnsTxtValue,
    DateTimeOffset CreationTimestamp)
{
    /// <summary>The name consumers give CreateVpcEndpoint: com.amazonaws.vpce.REGION.vpce-svc-….</summary>
    public string ServiceName => $"com.amazonaws.vpce.{Region}.{Id.Value}";

    /// <summary>The base of the endpoints' DNS names: vpce-svc-….REGION.vpce.amazonaws.com.</summary>
    public string BaseEndpointDnsName => $"{Id.Value}.{Region}.vpce.amazonaws.com";

    /// <summary>The private DNS name consumers may use: set and verified.</summary>
    public string? VerifiedPrivateDnsName => PrivateDnsState == PrivateDnsVerificationState.Verified ? PrivateDnsName : null;

    /// <summary>Whether <paramref name="account"/> may create an endpoint to this service: the owner, an account named
    /// by its root ARN, or anyone when "*" is allowed (docs/semantics.md#endpoint-services).</summary>
    public bool Allows(AccountId account)
    {
        if (account == OwnerId)
            return true;
        foreach (var principal in AllowedPrincipals)
        {
            if (principal == "*" || principal == $"arn:aws:iam::{account.Value}:root")
                return true;
        }
        return false;
    }

    /// <summary>A service name of the provider form (com.amazonaws.vpce.…), whether or not such a service exists.</summary>
    public static bool IsProviderServiceName(string serviceName) =>
        serviceName.StartsWith("com.amazonaws.vpce.", StringComparison.Ordinal);
}
