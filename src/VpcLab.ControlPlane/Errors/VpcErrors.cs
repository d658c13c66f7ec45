using VpcLab.Net;

namespace VpcLab.ControlPlane.Errors;

/// <summary>VPC errors: IDs, CIDR ranges and associations, limits, the default VPC.</summary>
public static class VpcErrors
{
    public static readonly Ec2ErrorCode InvalidVpcRange = new("InvalidVpc.Range");
    public static readonly Ec2ErrorCode CidrLimitExceededCode = new("CidrLimitExceeded");
    public static readonly Ec2ErrorCode VpcLimitExceededCode = new("VpcLimitExceeded");
    public static readonly Ec2ErrorCode InvalidVpcCidrBlockAssociationIdNotFound = new("InvalidVpcCidrBlockAssociationID.NotFound");

    public static Ec2Exception VpcRange(Cidr cidr) => new(InvalidVpcRange, $"The CIDR '{cidr}' is invalid.");

    public static Ec2Exception VpcCidrRestricted(Cidr cidr, string reason) =>
        new(InvalidVpcRange, $"The CIDR '{cidr}' is restricted. {reason}");

    public static Ec2Exception VpcCidrConflict(Cidr cidr, string vpcId) =>
        new(InvalidVpcRange, $"The CIDR '{cidr}' conflicts with another CIDR block of vpc {vpcId}.");

    /// <summary>AWS's wording, the VPC id unquoted (moto's aws_verified test_associate_vpc_ipv4_cidr_block records it).</summary>
    public static Ec2Exception CidrLimitExceeded(string vpcId, int limit) =>
        new(CidrLimitExceededCode, $"This network {vpcId} has met its maximum number of allowed CIDRs: {Ec2Errors.S(limit)}");

    public static Ec2Exception VpcLimitExceeded() => new(VpcLimitExceededCode, "The maximum number of VPCs has been reached.");

    public static Ec2Exception VpcHasDependencies(string vpcId) =>
        new(Ec2Errors.DependencyViolationCode, $"The vpc '{vpcId}' has dependencies and cannot be deleted.");

    public static Ec2Exception VpcCidrAssociationNotFound(string associationId) =>
        new(InvalidVpcCidrBlockAssociationIdNotFound, $"The vpc CIDR block association ID '{associationId}' does not exist");

    public static Ec2Exception PrimaryCidrNotDisassociable(string associationId) =>
        new(Ec2Errors.OperationNotPermittedCode, $"The vpc CIDR block with association ID {associationId} may not be disassociated. It is the primary IPv4 CIDR block of the VPC");

    public static Ec2Exception CidrInUseBySubnets(string associationId) =>
        new(Ec2Errors.DependencyViolationCode, $"The vpc CIDR block with association ID {associationId} may not be disassociated because it has subnets with addresses from it.");

    public static Ec2Exception ModifyVpcAttributeOneAtATime() =>
        new(Ec2Errors.InvalidParameterCombinationCode, "Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport");

    public static readonly Ec2ErrorCode DefaultVpcAlreadyExistsCode = new("DefaultVpcAlreadyExists");
    public static readonly Ec2ErrorCode UnsupportedTenancyCode = new("UnsupportedTenancy");

    /// <summary>ModifyVpcTenancy to anything but default (error reference: "You can change the tenancy of a VPC to
    /// default only").</summary>
    public static Ec2Exception UnsupportedTenancy(string tenancy) =>
        new(UnsupportedTenancyCode, $"The tenancy value {tenancy} is not supported.");

    public static readonly Ec2ErrorCode DefaultVpcDoesNotExistCode = new("DefaultVpcDoesNotExist");
    public static readonly Ec2ErrorCode DefaultSubnetAlreadyExistsCode = new("DefaultSubnetAlreadyExistsInAvailabilityZone");

    public static Ec2Exception DefaultVpcDoesNotExist() =>
        new(DefaultVpcDoesNotExistCode, "No default VPC exists for this account in this region.");

    public static Ec2Exception DefaultSubnetAlreadyExists(string zone, string subnetId) =>
        new(DefaultSubnetAlreadyExistsCode, $"'{subnetId}' is already the default subnet in {zone}.");

    /// <summary>AWS's message names no VPC.</summary>
    public static Ec2Exception DefaultVpcAlreadyExists() =>
        new(DefaultVpcAlreadyExistsCode, "A Default VPC already exists for this account in this region.");

    /// <summary>CreateVpc with an Ipv6Pool: the lab has no BYOIP IPv6 pools.</summary>
    public static Ec2Exception Ipv6PoolNotFound(string pool) =>
        new(Ec2Errors.InvalidParameterValueCode, $"The IPv6 address pool '{pool}' does not exist");

    /// <summary>RunInstances without a subnet, CreateSecurityGroup without VpcId, when the account has no default VPC.</summary>
    public static Ec2Exception NoDefaultVpc() =>
        new(InstanceErrors.VpcIdNotSpecifiedCode, "No default VPC for this user");

    /// <summary>A group named by GroupName alone when the account has no default VPC.</summary>
    public static Ec2Exception NoDefaultVpcForGroupName() =>
        new(InstanceErrors.VpcIdNotSpecifiedCode, "No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.");
}
