using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>An endpoint service (vpce-svc-…): a provider's Network Load Balancers offered to other VPCs through AWS
/// PrivateLink. Consumers reach it by <see cref="ServiceName"/> (com.amazonaws.vpce.REGION.vpce-svc-…) with an
/// interface endpoint, which the service's Availability Zones (the zones of its load balancers' nodes, matched by
/// zone id) must include; only <see cref="AllowedPrincipals"/> (and the owner) may connect; with
/// <see cref="AcceptanceRequired"/> an endpoint waits in pendingAcceptance until the provider accepts it.
/// <see cref="PrivateDnsName"/> answers inside consumer VPCs once verified (<see cref="PrivateDnsState"/>); the
/// domain-ownership TXT record is <see cref="PrivateDnsTxtName"/>/<see cref="PrivateDnsTxtValue"/>. Consumers in
/// <see cref="RemoteRegions"/> reach it across Regions (docs/semantics.md#cross-region-privatelink); it takes the
/// endpoints' IP address types in <see cref="SupportedIpAddressTypes"/> (docs/semantics.md#endpoint-service-ipv6).
/// docs/semantics.md#endpoint-services.</summary>
public sealed record VpcEndpointServiceConfiguration(
    VpcEndpointServiceId Id, AccountId OwnerId, string Region, bool AcceptanceRequired,
    ImmutableArray<LoadBalancerArn> NetworkLoadBalancerArns, ImmutableArray<string> AllowedPrincipals,
    string? PrivateDnsName, PrivateDnsVerificationState PrivateDnsState, string PrivateDnsTxtName, string PrivateDnsTxtValue,
    DateTimeOffset CreationTimestamp)
{
    /// <summary>The Regions other than its own whose consumers may create endpoints to the service (AWS's supported
    /// Regions less the host Region, which is always supported and cannot be removed), sorted.</summary>
    public ImmutableArray<string> RemoteRegions { get; init; } = [];

    /// <summary>The IP address types consumers' endpoints may use: ipv4, ipv6 (only over dualstack load balancers), or
    /// both; ipv4 by default.</summary>
    public ImmutableArray<string> SupportedIpAddressTypes { get; init; } = [Ipv4];

    public const string Ipv4 = "ipv4";
    public const string Ipv6 = "ipv6";

    /// <summary>AWS's supported Regions: the host Region first, then the remote ones.</summary>
    public ImmutableArray<string> SupportedRegions => [Region, .. RemoteRegions];

    /// <summary>Whether a consumer in <paramref name="region"/> may create an endpoint to the service now.</summary>
    public bool Supports(string region) => region == Region || RemoteRegions.Contains(region);

    /// <summary>ServiceConfiguration.RemoteAccessEnabled: consumers of another Region may connect.</summary>
    public bool RemoteAccessEnabled => !RemoteRegions.IsEmpty;

    public bool SupportsIpv4 => SupportedIpAddressTypes.Contains(Ipv4);

    public bool SupportsIpv6 => SupportedIpAddressTypes.Contains(Ipv6);

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

    /// <summary>The Region in a provider's service name (com.amazonaws.vpce.REGION.vpce-svc-…), else null.</summary>
    public static string? RegionOfServiceName(string serviceName)
    {
        ArgumentNullException.ThrowIfNull(serviceName);
        if (!IsProviderServiceName(serviceName))
            return null;
        var rest = serviceName["com.amazonaws.vpce.".Length..];
        int dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? rest[..dot] : null;
    }

    /// <summary>A service name of the provider form (com.amazonaws.vpce.…), whether or not such a service exists.</summary>
    public static bool IsProviderServiceName(string serviceName) =>
        serviceName.StartsWith("com.amazonaws.vpce.", StringComparison.Ordinal);
}
