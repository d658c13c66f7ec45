using VpcLab.Net;

namespace VpcLab.ControlPlane.Errors;

/// <summary>Elastic IP address errors.</summary>
public static class ElasticIpErrors
{
    public static readonly Ec2ErrorCode InvalidAssociationIdMalformed = new("InvalidAssociationID.Malformed");
    public static readonly Ec2ErrorCode InvalidAddressNotFound = new("InvalidAddress.NotFound");
    public static readonly Ec2ErrorCode InvalidIpAddressInUse = new("InvalidIPAddress.InUse");
    public static readonly Ec2ErrorCode AddressLimitExceededCode = new("AddressLimitExceeded");

    public static Ec2Exception AddressNotFound(string publicIp) =>
        new(InvalidAddressNotFound, $"Address '{publicIp}' not found.");

    public static Ec2Exception AddressAssociationNotFound(string id) =>
        new(RouteTableErrors.InvalidAssociationIdNotFound, $"The association ID '{id}' does not exist");

    public static Ec2Exception AddressInUse(string allocationId) =>
        new(InvalidIpAddressInUse, $"Address {allocationId} is in use.");

    public static Ec2Exception PrivateAddressInUse(IpAddress address) =>
        new(InvalidIpAddressInUse, $"The specified address {address} is already in use.");

    public static Ec2Exception AddressLimitExceeded() =>
        new(AddressLimitExceededCode, "The maximum number of addresses has been reached.");

    /// <summary>AssociateAddress without AllocationId or PublicIp ("The allocation ID. This is required.").</summary>
    public static Ec2Exception MissingAddress() =>
        new(Ec2Errors.MissingParameterCode, "Invalid request, expect PublicIp/AllocationId parameter.");

    /// <summary>AssociateAddress without InstanceId or NetworkInterfaceId: there is nothing to associate with.</summary>
    public static Ec2Exception MissingAssociationTarget() =>
        new(Ec2Errors.MissingParameterCode, "Invalid request, expect InstanceId/NetworkId parameter.");

    /// <summary>EC2 User Guide, "Use reverse DNS for email applications": an address with a reverse DNS record "is
    /// locked to your account and cannot be released from your account until the record is removed".</summary>
    public static Ec2Exception AddressLocked(string allocationId) =>
        new(InvalidIpAddressInUse, $"The address with allocation id [{allocationId}] cannot be released because it is locked to your account.");
}
