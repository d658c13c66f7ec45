using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>An EC2 instance, as far as networking cares: where it runs and its interfaces in device order
/// (index 0 is the primary interface, whose subnet is the instance's).</summary>
public sealed record Instance(
    InstanceId Id, AccountId OwnerId, string Region, string ImageId, string InstanceType, InstanceState State,
    SubnetId SubnetId, VpcId VpcId, ImmutableArray<NetworkInterfaceId> NetworkInterfaces, DateTimeOffset LaunchTime)
{
    public NetworkInterfaceId PrimaryNetworkInterface => NetworkInterfaces[0];

    /// <summary>The reservation (r-…) of the RunInstances call that launched it; DescribeInstances groups by it.</summary>
    public string ReservationId { get; init; } = "";

    /// <summary>True when its primary interface was launched with an auto-assigned public IPv4 (subnet setting or
    /// AssociatePublicIpAddress): AWS gives it a new one each time the instance starts.</summary>
    public bool AutoAssignPublicIp { get; init; }

    /// <summary>Termination protection (the disableApiTermination attribute): TerminateInstances refuses while set.</summary>
    public bool DisableApiTermination { get; init; }

    /// <summary>The key pair named at launch (RunInstances KeyName), or null.</summary>
    public string? KeyName { get; init; }

    /// <summary>Stop protection (the disableApiStop attribute): StopInstances refuses while set.</summary>
    public bool DisableApiStop { get; init; }

    /// <summary>The hostname type and resource-name DNS records (RunInstances PrivateDnsNameOptions, else the subnet's
    /// PrivateDnsNameOptionsOnLaunch; ModifyPrivateDnsNameOptions), docs/semantics.md#ipv6-only-subnets.</summary>
    public PrivateDnsNameOptions PrivateDnsNameOptions { get; init; } = PrivateDnsNameOptions.Default;

    /// <summary>The user data (base64, as RunInstances and ModifyInstanceAttribute take it), or null when none.</summary>
    public string? UserData { get; init; }
}
