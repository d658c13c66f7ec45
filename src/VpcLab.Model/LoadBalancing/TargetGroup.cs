using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>A Network Load Balancer target group: its protocol and port, the VPC its targets live in, its targets
/// (by instance id or IP), its health check, and the attributes the data plane reads: client IP preservation and
/// cross-zone load balancing. docs/semantics.md#network-load-balancers.</summary>
public sealed record TargetGroup(
    TargetGroupArn Arn, string Name, AccountId OwnerId, string Region, VpcId VpcId, TargetGroupProtocol Protocol, int Port,
    TargetType TargetType, ImmutableArray<Target> Targets, TargetGroupHealthCheck HealthCheck,
    ImmutableSortedDictionary<string, string> Attributes)
{
    public const string PreserveClientIpAttribute = "preserve_client_ip.enabled";
    public const string CrossZoneAttribute = "load_balancing.cross_zone.enabled";
    public const string UseLoadBalancerConfiguration = "use_load_balancer_configuration";

    /// <summary>The attribute <c>preserve_client_ip.enabled</c> as set, or null for AWS's default.</summary>
    public bool? PreserveClientIpSetting => Attributes.GetValueOrDefault(PreserveClientIpAttribute) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    /// <summary>The attribute <c>load_balancing.cross_zone.enabled</c>: null is
    /// <c>use_load_balancer_configuration</c>.</summary>
    public bool? CrossZoneSetting => Attributes.GetValueOrDefault(CrossZoneAttribute) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    /// <summary>AWS: client IP preservation is on by default for instance targets and for IP targets over UDP and
    /// TCP_UDP (where it cannot be turned off), off by default for IP targets over TCP and TLS
    /// (docs/semantics.md#nlb-client-ip-preservation).</summary>
    public bool PreservesClientIp => Protocol is TargetGroupProtocol.Udp or TargetGroupProtocol.TcpUdp
        || (PreserveClientIpSetting ?? TargetType == TargetType.Instance);

    /// <summary>Whether a node of <paramref name="loadBalancer"/> forwards to targets in other zones: the target
    /// group's own setting, else the load balancer's.</summary>
    public bool CrossZone(LoadBalancer loadBalancer) => CrossZoneSetting ?? loadBalancer.CrossZoneEnabled;
}
