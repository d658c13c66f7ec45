namespace VpcLab.ControlPlane.Errors;

/// <summary>Internet, egress-only internet and NAT gateway errors.</summary>
public static class GatewayErrors
{
    public static readonly Ec2ErrorCode InternetGatewayLimitExceededCode = new("InternetGatewayLimitExceeded");
    public static readonly Ec2ErrorCode EgressOnlyInternetGatewayLimitExceededCode = new("EgressOnlyInternetGatewayLimitExceeded");
    public static readonly Ec2ErrorCode NatGatewayLimitExceededCode = new("NatGatewayLimitExceeded");

    public static Ec2Exception InternetGatewayLimitExceeded() =>
        new(InternetGatewayLimitExceededCode, "The maximum number of internet gateways has been reached.");

    public static Ec2Exception InternetGatewayHasDependencies(string id) =>
        new(Ec2Errors.DependencyViolationCode, $"The internetGateway '{id}' has dependencies and cannot be deleted.");

    public static Ec2Exception DetachWithMappedPublicAddresses(string id) =>
        new(Ec2Errors.DependencyViolationCode, $"Network {id} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.");

    public static Ec2Exception EgressOnlyInternetGatewayLimitExceeded(string vpcId) =>
        new(EgressOnlyInternetGatewayLimitExceededCode, $"The maximum number of egress-only internet gateways has been reached for vpc {vpcId}.");

    public static Ec2Exception NatGatewayLimitExceeded(string zone) =>
        new(NatGatewayLimitExceededCode, $"The maximum number of NAT gateways has been reached in availability zone {zone}.");

    public static Ec2Exception RegionalNatGatewayUnsupported() =>
        new(Ec2Errors.UnsupportedOperationCode, "AvailabilityMode 'regional' is not supported by this lab: only zonal NAT gateways are modelled.");
}
