using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>PrivateIpAddresses.N.{PrivateIpAddress, Primary}.</summary>
public sealed record PrivateIpAddressSpecification
{
    public string? PrivateIpAddress { get; init; }
    public bool? Primary { get; init; }
}

/// <summary>Ipv6Addresses.N.Ipv6Address.</summary>
public sealed record InstanceIpv6Address
{
    public string? Ipv6Address { get; init; }
}

public sealed record CreateNetworkInterfaceRequest
{
    public string? SubnetId { get; init; }
    public string? Description { get; init; }
    public string? PrivateIpAddress { get; init; }
    public IReadOnlyList<string>? Groups { get; init; }
    public IReadOnlyList<PrivateIpAddressSpecification>? PrivateIpAddresses { get; init; }
    public int? SecondaryPrivateIpAddressCount { get; init; }
    public IReadOnlyList<InstanceIpv6Address>? Ipv6Addresses { get; init; }
    public int? Ipv6AddressCount { get; init; }
    public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
    /// <summary>Idempotency token: a retry with the same token and parameters returns the first result.</summary>
    public string? ClientToken { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record CreateNetworkInterfaceResult(NetworkInterface NetworkInterface);

public sealed record DeleteNetworkInterfaceRequest
{
    public string? NetworkInterfaceId { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeNetworkInterfacesRequest
{
    public IReadOnlyList<Filter>? Filters { get; init; }
    public IReadOnlyList<string>? NetworkInterfaceIds { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record DescribeNetworkInterfacesResult(IReadOnlyList<NetworkInterface> NetworkInterfaces);

/// <summary>Attachment.{AttachmentId, DeleteOnTermination}.</summary>
public sealed record NetworkInterfaceAttachmentChanges
{
    public string? AttachmentId { get; init; }
    public bool? DeleteOnTermination { get; init; }
}

/// <summary>One attribute per call: Description, SourceDestCheck, Groups or Attachment.</summary>
public sealed record ModifyNetworkInterfaceAttributeRequest
{
    public string? NetworkInterfaceId { get; init; }
    public AttributeValue? Description { get; init; }
    public AttributeBooleanValue? SourceDestCheck { get; init; }
    public IReadOnlyList<string>? Groups { get; init; }
    public NetworkInterfaceAttachmentChanges? Attachment { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record AssignPrivateIpAddressesRequest
{
    public string? NetworkInterfaceId { get; init; }
    public IReadOnlyList<string>? PrivateIpAddresses { get; init; }
    public int? SecondaryPrivateIpAddressCount { get; init; }
    public bool? AllowReassignment { get; init; }
}

public sealed record AssignedPrivateIpAddress(string PrivateIpAddress);

public sealed record AssignPrivateIpAddressesResult(string NetworkInterfaceId, IReadOnlyList<AssignedPrivateIpAddress> AssignedPrivateIpAddresses);

public sealed record UnassignPrivateIpAddressesRequest
{
    public string? NetworkInterfaceId { get; init; }
    public IReadOnlyList<string>? PrivateIpAddresses { get; init; }
}

public sealed record AssignIpv6AddressesRequest
{
    public string? NetworkInterfaceId { get; init; }
    public IReadOnlyList<string>? Ipv6Addresses { get; init; }
    public int? Ipv6AddressCount { get; init; }
}

public sealed record AssignIpv6AddressesResult(string NetworkInterfaceId, IReadOnlyList<string> AssignedIpv6Addresses);

public sealed record UnassignIpv6AddressesRequest
{
    public string? NetworkInterfaceId { get; init; }
    public IReadOnlyList<string>? Ipv6Addresses { get; init; }
}

public sealed record UnassignIpv6AddressesResult(string NetworkInterfaceId, IReadOnlyList<string> UnassignedIpv6Addresses);

public sealed record AttachNetworkInterfaceRequest
{
    public string? NetworkInterfaceId { get; init; }
    public string? InstanceId { get; init; }
    public int? DeviceIndex { get; init; }
    public bool? DryRun { get; init; }
}

public sealed record AttachNetworkInterfaceResult(string AttachmentId, int NetworkCardIndex = 0);

public sealed record DetachNetworkInterfaceRequest
{
    public string? AttachmentId { get; init; }
    public bool? Force { get; init; }
    public bool? DryRun { get; init; }
}
