using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>NetworkInterfaces.N of RunInstances (the model's InstanceNetworkInterfaceSpecification).</summary>
public sealed record InstanceNetworkInterfaceSpecification
{
    public int? DeviceIndex { get; init; }
    public string? NetworkInterfaceId { get; init; }
    public string? SubnetId { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? Groups { get; init; }
    public string? PrivateIpAddress { get; init; }
    public IReadOnlyList<PrivateIpAddressSpecification>? PrivateIpAddresses { get; init; }
    public int? SecondaryPrivateIpAddressCount { get; init; }
    public IReadOnlyList<InstanceIpv6Address>? Ipv6Addresses { get; init; }
    public int? Ipv6AddressCount { get; init; }
    public bool? AssociatePublicIpAddress { get; init; }
    public bool? DeleteOnTermination { get; init; }
}

/// <summary>RunInstances' Placement (the model's Placement structure); the lab reads its AvailabilityZone.</summary>
public sealed record InstancePlacement
{
    public string? AvailabilityZone { get; init; }
}

public sealed record RunInstancesRequest
{
    public string? ImageId { get; init; }
    public string? InstanceType { get; init; }
    /// <summary>A key pair of the caller in the Region (InvalidKeyPair.NotFound otherwise).</summary>
    public string? KeyName { get; init; }

    /// <summary>BlockDeviceMapping.N: the root volume's size and type, and more EBS volumes (docs/semantics.md#ebs-volumes).</summary>
    public IReadOnlyList<BlockDeviceMappingSpec>? BlockDeviceMappings { get; init; }

    /// <summary>Base64 user data (docs/semantics.md#instance-user-data).</summary>
    public string? UserData { get; init; }
    public PrivateDnsNameOptionsRequest? PrivateDnsNameOptions { get; init; }
    public int? MinCount { get; init; }
    public int? MaxCount { get; init; }
    public string? SubnetId { get; init; }
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }
    /// <summary>Security group names (SecurityGroup.N): groups of the default VPC only.</summary>
    public IReadOnlyList<string>? SecurityGroups { get; init; }
    public InstancePlacement? Placement { get; init; }
    public string? PrivateIpAddress { get; init; }
    public int? Ipv6AddressCount { get; init; }
    public IReadOnlyList<InstanceIpv6Address>? Ipv6Addresses { get; init; }
    public IReadOnlyList<InstanceNetworkInterfaceSpecification>? NetworkInterfaces { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    /// <summary>A launch template whose parameters fill those the request leaves out (docs/semantics.md#launch-templates).</summary>
    public LaunchTemplateSpecification? LaunchTemplate { get; init; }
    /// <summary>Idempotency token: a retry with the same token and parameters returns the first result.</summary>
    public string? ClientToken { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>The instances launched by one RunInstances call (r-…); DescribeInstances groups by it.</summary>
public sealed record Reservation(string ReservationId, string OwnerId, IReadOnlyList<Instance> Instances);

public sealed record DescribeInstancesRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? InstanceIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeInstancesResult(IReadOnlyList<Reservation> Reservations);

public sealed record TerminateInstancesRequest
{
    public IReadOnlyList<string>? InstanceIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record StopInstancesRequest
{
    public IReadOnlyList<string>? InstanceIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record StartInstancesRequest
{
    public IReadOnlyList<string>? InstanceIds { get; init; }
    public bool? DryRun { get; init; }
}

/// <summary>One instance's state change (instancesSet/item{instanceId, currentState, previousState}).</summary>
public sealed record InstanceStateChange(string InstanceId, InstanceState CurrentState, InstanceState PreviousState);

public sealed record TerminateInstancesResult(IReadOnlyList<InstanceStateChange> TerminatingInstances);

public sealed record StopInstancesResult(IReadOnlyList<InstanceStateChange> StoppingInstances);

public sealed record StartInstancesResult(IReadOnlyList<InstanceStateChange> StartingInstances);
