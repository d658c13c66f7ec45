using VpcLab.Model;

namespace VpcLab.ControlPlane;

// Request records of the Elastic Load Balancing v2 actions, member names as in AWS's service model (the server
// binds its parsed parameters to them by name).

public sealed record ElbTag
{
    public string? Key { get; init; }
    public string? Value { get; init; }
}

public sealed record ElbAttribute
{
    public string? Key { get; init; }
    public string? Value { get; init; }
}

public sealed record SubnetMapping
{
    public string? SubnetId { get; init; }
    public string? AllocationId { get; init; }
    public string? PrivateIPv4Address { get; init; }
    public string? IPv6Address { get; init; }
}

public sealed record CreateLoadBalancerRequest
{
    public string? Name { get; init; }
    public IReadOnlyList<string>? Subnets { get; init; }
    public IReadOnlyList<SubnetMapping>? SubnetMappings { get; init; }
    public IReadOnlyList<string>? SecurityGroups { get; init; }
    public string? Scheme { get; init; }
    public IReadOnlyList<ElbTag>? Tags { get; init; }
    public string? Type { get; init; }
    public string? IpAddressType { get; init; }
}

public sealed record DescribeLoadBalancersRequest
{
    public IReadOnlyList<string>? LoadBalancerArns { get; init; }
    public IReadOnlyList<string>? Names { get; init; }
}

public sealed record DeleteLoadBalancerRequest
{
    public string? LoadBalancerArn { get; init; }
}

public sealed record LoadBalancerAttributesRequest
{
    public string? LoadBalancerArn { get; init; }
    public IReadOnlyList<ElbAttribute>? Attributes { get; init; }
}

public sealed record CreateTargetGroupRequest
{
    public string? Name { get; init; }
    public string? Protocol { get; init; }
    public int? Port { get; init; }
    public string? VpcId { get; init; }
    public string? HealthCheckProtocol { get; init; }
    public string? HealthCheckPort { get; init; }
    public bool? HealthCheckEnabled { get; init; }
    public string? HealthCheckPath { get; init; }
    public int? HealthCheckIntervalSeconds { get; init; }
    public int? HealthCheckTimeoutSeconds { get; init; }
    public int? HealthyThresholdCount { get; init; }
    public int? UnhealthyThresholdCount { get; init; }
    public string? TargetType { get; init; }
    public IReadOnlyList<ElbTag>? Tags { get; init; }
    public string? IpAddressType { get; init; }
}

public sealed record DescribeTargetGroupsRequest
{
    public string? LoadBalancerArn { get; init; }
    public IReadOnlyList<string>? TargetGroupArns { get; init; }
    public IReadOnlyList<string>? Names { get; init; }
}

public sealed record DeleteTargetGroupRequest
{
    public string? TargetGroupArn { get; init; }
}

public sealed record TargetGroupAttributesRequest
{
    public string? TargetGroupArn { get; init; }
    public IReadOnlyList<ElbAttribute>? Attributes { get; init; }
}

public sealed record TargetDescription
{
    public string? Id { get; init; }
    public int? Port { get; init; }
    public string? AvailabilityZone { get; init; }
}

public sealed record TargetsRequest
{
    public string? TargetGroupArn { get; init; }
    public IReadOnlyList<TargetDescription>? Targets { get; init; }
}

public sealed record ListenerCertificate
{
    public string? CertificateArn { get; init; }
}

public sealed record TargetGroupTuple
{
    public string? TargetGroupArn { get; init; }
    public int? Weight { get; init; }
}

public sealed record ForwardActionConfig
{
    public IReadOnlyList<TargetGroupTuple>? TargetGroups { get; init; }
}

public sealed record ListenerAction
{
    public string? Type { get; init; }
    public string? TargetGroupArn { get; init; }
    public ForwardActionConfig? ForwardConfig { get; init; }
}

public sealed record CreateListenerRequest
{
    public string? LoadBalancerArn { get; init; }
    public string? Protocol { get; init; }
    public int? Port { get; init; }
    public IReadOnlyList<ListenerCertificate>? Certificates { get; init; }
    public IReadOnlyList<ListenerAction>? DefaultActions { get; init; }
    public IReadOnlyList<ElbTag>? Tags { get; init; }
}

public sealed record DescribeListenersRequest
{
    public string? LoadBalancerArn { get; init; }
    public IReadOnlyList<string>? ListenerArns { get; init; }
}

public sealed record DeleteListenerRequest
{
    public string? ListenerArn { get; init; }
}

/// <summary>A target of DescribeTargetHealth as the control plane sees it: its zone, and why it is
/// <c>unused</c> when it is (null: the data plane decides healthy or unhealthy).</summary>
public sealed record TargetHealthCandidate(Target Target, string? AvailabilityZone, int HealthCheckPort, string? UnusedReason, string? UnusedDescription);

public sealed record DescribeTargetHealthResult(TargetGroup TargetGroup, IReadOnlyList<TargetHealthCandidate> Targets);
