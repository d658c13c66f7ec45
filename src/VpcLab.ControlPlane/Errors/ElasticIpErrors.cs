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
}
