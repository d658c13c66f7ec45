namespace VpcLab.Model;

/// <summary>A Network Load Balancer listener: connections to the load balancer on <see cref="Port"/> with
/// <see cref="Protocol"/> go to the default action's target group.</summary>
public sealed record Listener(ListenerArn Arn, LoadBalancerArn LoadBalancerArn, AccountId OwnerId, string Region,
    TargetGroupProtocol Protocol, int Port, TargetGroupArn DefaultTargetGroupArn)
{
    /// <summary>The certificates of a TLS listener (ARNs as given; VpcLab has no certificate manager).</summary>
    public System.Collections.Immutable.ImmutableArray<string> CertificateArns { get; init; } = [];
}
