using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>A network interface of a launch template (LaunchTemplateInstanceNetworkInterfaceSpecification): a new
/// interface in a subnet, or an existing one by id. RunInstances applies the first group of members; the address
/// lists, prefixes, card index, interface type and ENA settings are kept and shown as given.</summary>
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

    public ImmutableArray<LaunchTemplatePrivateIpAddress> PrivateIpAddresses { get; init; } = [];
    public ImmutableArray<LaunchTemplateIpv6Address> Ipv6Addresses { get; init; } = [];
    public bool? AssociateCarrierIpAddress { get; init; }
    public string? InterfaceType { get; init; }
    public int? NetworkCardIndex { get; init; }
    public ImmutableArray<LaunchTemplateIpv4Prefix> Ipv4Prefixes { get; init; } = [];
    public int? Ipv4PrefixCount { get; init; }
    public ImmutableArray<LaunchTemplateIpv6Prefix> Ipv6Prefixes { get; init; } = [];
    public int? Ipv6PrefixCount { get; init; }
    public bool? PrimaryIpv6 { get; init; }
    public LaunchTemplateEnaSrdSpecification? EnaSrdSpecification { get; init; }
    public LaunchTemplateConnectionTrackingSpecification? ConnectionTrackingSpecification { get; init; }
    public int? EnaQueueCount { get; init; }
}

public sealed record LaunchTemplatePrivateIpAddress
{
    public bool? Primary { get; init; }
    public string? PrivateIpAddress { get; init; }
}

public sealed record LaunchTemplateIpv6Address
{
    public string? Ipv6Address { get; init; }
}

public sealed record LaunchTemplateIpv4Prefix
{
    public string? Ipv4Prefix { get; init; }
}

public sealed record LaunchTemplateIpv6Prefix
{
    public string? Ipv6Prefix { get; init; }
}

public sealed record LaunchTemplateEnaSrdSpecification
{
    public bool? EnaSrdEnabled { get; init; }
    public LaunchTemplateEnaSrdUdpSpecification? EnaSrdUdpSpecification { get; init; }
}

public sealed record LaunchTemplateEnaSrdUdpSpecification
{
    public bool? EnaSrdUdpEnabled { get; init; }
}

public sealed record LaunchTemplateConnectionTrackingSpecification
{
    public int? TcpEstablishedTimeout { get; init; }
    public int? UdpStreamTimeout { get; init; }
    public int? UdpTimeout { get; init; }
}
