using VpcLab.Net;

namespace VpcLab.ControlPlane.Errors;

/// <summary>Subnet errors: IDs, CIDR ranges, conflicts and associations.</summary>
public static class SubnetErrors
{
    public static readonly Ec2ErrorCode InvalidSubnetRange = new("InvalidSubnet.Range");
    public static readonly Ec2ErrorCode InvalidSubnetConflict = new("InvalidSubnet.Conflict");
    public static readonly Ec2ErrorCode SubnetLimitExceededCode = new("SubnetLimitExceeded");
    public static readonly Ec2ErrorCode InvalidSubnetCidrBlockAssociationIdNotFound = new("InvalidSubnetCidrBlockAssociationID.NotFound");

    public static Ec2Exception SubnetRange(Cidr cidr) => new(InvalidSubnetRange, $"The CIDR '{cidr}' is invalid.");

    public static Ec2Exception SubnetConflict(Cidr cidr) => new(InvalidSubnetConflict, $"The CIDR '{cidr}' conflicts with another subnet");

    public static Ec2Exception SubnetLimitExceeded() => new(SubnetLimitExceededCode, "The maximum number of subnets has been reached.");

    public static Ec2Exception SubnetHasDependencies(string subnetId) =>
        new(Ec2Errors.DependencyViolationCode, $"The subnet '{subnetId}' has dependencies and cannot be deleted.");

    public static Ec2Exception InvalidAvailabilityZone(string zone, IEnumerable<string> zones) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Value ({zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: {string.Join(", ", zones)}.");

    public static Ec2Exception InvalidAvailabilityZoneId(string zoneId, IEnumerable<string> zones) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Value ({zoneId}) for parameter availabilityZoneId is invalid. Subnets can currently only be created in the following availability zones: {string.Join(", ", zones)}.");

    public static Ec2Exception SubnetCidrAssociationNotFound(string associationId) =>
        new(InvalidSubnetCidrBlockAssociationIdNotFound, $"The subnet CIDR block with association ID '{associationId}' does not exist");
}
