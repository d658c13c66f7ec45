using VpcLab.Net;

namespace VpcLab.ControlPlane.Errors;

/// <summary>Network interface, attachment and private address errors.</summary>
public static class NetworkInterfaceErrors
{
    public static readonly Ec2ErrorCode InvalidNetworkInterfaceInUse = new("InvalidNetworkInterface.InUse");
    public static readonly Ec2ErrorCode InvalidAttachmentIdNotFound = new("InvalidAttachmentID.NotFound");
    public static readonly Ec2ErrorCode InsufficientFreeAddressesInSubnetCode = new("InsufficientFreeAddressesInSubnet");
    public static readonly Ec2ErrorCode PrivateIpAddressLimitExceededCode = new("PrivateIpAddressLimitExceeded");
    public static readonly Ec2ErrorCode NetworkInterfaceLimitExceededCode = new("NetworkInterfaceLimitExceeded");

    public static Ec2Exception NetworkInterfaceInUse(string id) =>
        new(InvalidNetworkInterfaceInUse, $"The network interface '{id}' is currently in use.");

    public static Ec2Exception NetworkInterfaceRequesterManaged(string id) =>
        new(Ec2Errors.OperationNotPermittedCode, $"You do not have permission to access the specified resource: the network interface '{id}' is managed by AWS.");

    public static Ec2Exception AttachmentNotFound(string id) =>
        new(InvalidAttachmentIdNotFound, $"Interface attachment '{id}' does not exist.");

    public static Ec2Exception AddressNotInSubnet(IpAddress address, string subnetId) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Address {address} does not fall within the subnet's address range ({subnetId}).");

    public static Ec2Exception AddressReserved(IpAddress address) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Address {address} is in subnet's reserved address range.");

    public static Ec2Exception InsufficientFreeAddresses(string subnetId) =>
        new(InsufficientFreeAddressesInSubnetCode, $"Insufficient free IP addresses in subnet {subnetId}.");

    public static Ec2Exception NoIpv6InSubnet(string subnetId) =>
        new(Ec2Errors.InvalidParameterValueCode, $"You cannot specify IPv6 addresses for subnet {subnetId}: it has no IPv6 CIDR block.");

    /// <summary>An IPv4 address asked for (or needed) in an IPv6-only subnet, which has no IPv4 range
    /// (docs/semantics.md#ipv6-only-subnets).</summary>
    public static Ec2Exception NoIpv4InSubnet(string subnetId) =>
        new(Ec2Errors.InvalidParameterValueCode, $"You cannot specify IPv4 addresses for subnet {subnetId}: it is an IPv6-only subnet with no IPv4 CIDR block.");

    /// <summary>An interface in an IPv6-only subnet needs an IPv6 address: it has no IPv4 one.</summary>
    public static Ec2Exception Ipv6OnlySubnetNeedsIpv6(string subnetId) =>
        new(Ec2Errors.InvalidParameterValueCode, $"A network interface in IPv6-only subnet {subnetId} must have at least one IPv6 address.");

    public static Ec2Exception CannotUnassignPrimary(IpAddress address) =>
        new(Ec2Errors.InvalidParameterValueCode, $"The primary private IP address {address} of a network interface cannot be unassigned.");

    public static Ec2Exception AddressNotAssigned(IpAddress address, string eniId) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Some of the specified addresses are not assigned to interface {eniId}: {address}");

    public static Ec2Exception PrivateIpAddressLimitExceeded(int limit) =>
        new(PrivateIpAddressLimitExceededCode, $"Number of private addresses will exceed limit ({Ec2Errors.S(limit)}).");

    public static Ec2Exception VpcHasNoInternetGateway(string vpcId) =>
        new(RouteTableErrors.GatewayNotAttachedCode, $"Network {vpcId} is not attached to any internet gateway");

    public static Ec2Exception NetworkInterfaceLimitExceeded() =>
        new(NetworkInterfaceLimitExceededCode, "The maximum number of network interfaces has been reached.");

    public static Ec2Exception DeviceIndexInUse(int index, string instanceId) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Instance '{instanceId}' already has an interface attached at device index '{Ec2Errors.S(index)}'.");

    public static Ec2Exception InterfaceInOtherZone(string eniId, string instanceId) =>
        new(Ec2Errors.InvalidParameterValueCode, $"The network interface {eniId} and the instance {instanceId} must be in the same availability zone.");

    public static Ec2Exception CannotDetachPrimary(string attachmentId) =>
        new(Ec2Errors.OperationNotPermittedCode, $"The network interface at device index 0 cannot be detached ({attachmentId}).");
}
