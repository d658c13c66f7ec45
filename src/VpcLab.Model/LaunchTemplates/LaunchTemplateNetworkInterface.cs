using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>A network interface of a launch template (LaunchTemplateInstanceNetworkInterfaceSpecification): a new
/// interface in a subnet, or an existing one by id.</summary>
public sealed record LaunchTemplateNetworkInterface
{
    public int? DeviceIndex { get; init; }
    public string? NetworkInterfaceId { get; init; }
    public string? SubnetId { get; init; }
    public string? Description { get; init; }
    public ImmutableArray<string> Groups { get; init; } = [];
    public string? PrivateIpAddress { get; init; }
    public int? SecondaryPrivateIpAddressCount { get; init; }
    public int? Ipv6AddressCount { get; init; }
    public bool? AssociatePublicIpAddress { get; init; }
    public bool? DeleteOnTermination { get; init; }
}
