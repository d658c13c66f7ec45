namespace VpcLab.ControlPlane.Errors;

/// <summary>Internet, egress-only internet and NAT gateway errors.</summary>
public static partial class Ec2Errors
{
    // ---- gateways ----
    public static readonly Ec2ErrorCode InvalidInternetGatewayIdNotFound = new("InvalidInternetGatewayID.NotFound");
    public static readonly Ec2ErrorCode InvalidInternetGatewayIdMalformed = new("InvalidInternetGatewayId.Malformed");
    public static readonly Ec2ErrorCode InternetGatewayLimitExceededCode = new("InternetGatewayLimitExceeded");
    public static readonly Ec2ErrorCode InvalidEgressOnlyInternetGatewayIdNotFound = new("InvalidEgressOnlyInternetGatewayId.NotFound");
    public static readonly Ec2ErrorCode InvalidEgressOnlyInternetGatewayIdMalformed = new("InvalidEgressOnlyInternetGatewayId.Malformed");
    public static readonly Ec2ErrorCode EgressOnlyInternetGatewayLimitExceededCode = new("EgressOnlyInternetGatewayLimitExceeded");
    public static readonly Ec2ErrorCode InvalidNatGatewayIdNotFound = new("InvalidNatGatewayID.NotFound");
    public static readonly Ec2ErrorCode InvalidNatGatewayIdMalformed = new("InvalidNatGatewayId.Malformed");
    public static readonly Ec2ErrorCode NatGatewayLimitExceededCode = new("NatGatewayLimitExceeded");

    // ---------------------------------------------------------------- internet gateways
    public static Ec2Exception InternetGatewayNotFound(string id) =>
        new(InvalidInternetGatewayIdNotFound, $"The internetGateway ID '{id}' does not exist");

    public static Ec2Exception InternetGatewayMalformed(string id) => new(InvalidInternetGatewayIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception InternetGatewayLimitExceeded() =>
        new(InternetGatewayLimitExceededCode, "The maximum number of internet gateways has been reached.");

    public static Ec2Exception InternetGatewayHasDependencies(string id) =>
        new(DependencyViolationCode, $"The internetGateway '{id}' has dependencies and cannot be deleted.");

    public static Ec2Exception DetachWithMappedPublicAddresses(string id) =>
        new(DependencyViolationCode, $"Network {id} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.");

    public static Ec2Exception EgressOnlyInternetGatewayNotFound(string id) =>
        new(InvalidEgressOnlyInternetGatewayIdNotFound, $"The egressOnlyInternetGateway ID '{id}' does not exist");

    public static Ec2Exception EgressOnlyInternetGatewayMalformed(string id) =>
        new(InvalidEgressOnlyInternetGatewayIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception EgressOnlyInternetGatewayLimitExceeded(string vpcId) =>
        new(EgressOnlyInternetGatewayLimitExceededCode, $"The maximum number of egress-only internet gateways has been reached for vpc {vpcId}.");

    public static Ec2Exception NatGatewayNotFound(string id) =>
        new(InvalidNatGatewayIdNotFound, $"The natGateway ID '{id}' does not exist");

    public static Ec2Exception NatGatewayMalformed(string id) => new(InvalidNatGatewayIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception NatGatewayLimitExceeded(string zone) =>
        new(NatGatewayLimitExceededCode, $"The maximum number of NAT gateways has been reached in availability zone {zone}.");

    public static Ec2Exception RegionalNatGatewayUnsupported() =>
        new(UnsupportedOperationCode, "AvailabilityMode 'regional' is not supported by this lab: only zonal NAT gateways are modelled.");
}
