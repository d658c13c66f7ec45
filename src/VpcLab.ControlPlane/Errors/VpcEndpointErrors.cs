using VpcLab.Model.Policies;

namespace VpcLab.ControlPlane.Errors;

/// <summary>The VPC endpoint errors (spec/gateways-endpoints-peering.md "VPC endpoint API"). Messages follow AWS
/// where known, else moto; the choices are in docs/semantics.md#vpc-endpoints.</summary>
public static class VpcEndpointErrors
{
    public static readonly Ec2ErrorCode InvalidServiceNameCode = new("InvalidServiceName");
    public static readonly Ec2ErrorCode DuplicateSubnetsInSameZoneCode = new("DuplicateSubnetsInSameZone");
    public static readonly Ec2ErrorCode VpcEndpointLimitExceededCode = new("VpcEndpointLimitExceeded");
    public static readonly Ec2ErrorCode InvalidPolicyDocumentCode = new(PolicyErrorCodes.InvalidPolicyDocument);

    /// <summary>moto's text (spec): AWS answers the same code for a name unknown in the caller's Region.</summary>
    public static Ec2Exception ServiceNameNotFound(string name) =>
        new(InvalidServiceNameCode, $"The Vpc Endpoint Service '{name}' does not exist");

    public static Ec2Exception EndpointTypeNotOffered(string type, string offered) =>
        new(Ec2Errors.InvalidParameterCode, $"Endpoint type ({type}) does not match available service types ([{offered}]).");

    public static Ec2Exception DuplicateSubnetsInSameZone(string subnetId, string zone) =>
        new(DuplicateSubnetsInSameZoneCode, $"Found another VPC endpoint subnet in the availability zone of {subnetId} ({zone}). VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.");

    public static Ec2Exception VpcEndpointLimitExceeded(string what, int limit) =>
        new(VpcEndpointLimitExceededCode, $"The maximum number of {what} ({Ec2Errors.S(limit)}) has been reached.");

    /// <summary>A refused endpoint policy: the parser's AWS code (InvalidPolicyDocument) and its message.</summary>
    public static Ec2Exception PolicyRefused(PolicyValidationException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var code = error.AwsErrorCode == InvalidPolicyDocumentCode.Code ? InvalidPolicyDocumentCode : new Ec2ErrorCode(error.AwsErrorCode);
        return new(code, error.Message);
    }

    public static Ec2Exception PrivateDnsNeedsVpcDnsAttributes(string vpcId) =>
        new(Ec2Errors.InvalidParameterCode, $"Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for {vpcId}");

    public static Ec2Exception PrivateDnsConflict(string dnsName, string vpcId) =>
        new(Ec2Errors.InvalidParameterCode, $"private-dns-enabled cannot be set because there is already a conflicting DNS domain for {dnsName} in the VPC {vpcId}");

    public static Ec2Exception PrivateDnsNotOffered(string serviceName) =>
        new(Ec2Errors.InvalidParameterCode, $"Private DNS can't be enabled because the service {serviceName} does not provide a private DNS name.");

    public static Ec2Exception EndpointParameterNotForType(string parameter, string type) =>
        new(Ec2Errors.InvalidParameterCode, $"The parameter {parameter} is not supported for VPC endpoints of type {type}.");

    public static Ec2Exception EndpointRouteTableInOtherVpc(string routeTableId, string vpcId) =>
        new(Ec2Errors.InvalidParameterCode, $"Route table {routeTableId} does not belong to {vpcId}.");

    public static Ec2Exception EndpointSubnetInOtherVpc(string subnetId, string vpcId) =>
        new(Ec2Errors.InvalidParameterCode, $"Subnet {subnetId} does not belong to {vpcId}.");

    public static Ec2Exception EndpointRouteExists(string routeTableId, string prefixListId) =>
        new(RouteTableErrors.RouteAlreadyExistsCode, $"route table {routeTableId} already has a route with destination-prefix-list-id {prefixListId}");

    /// <summary>Choice (docs/semantics.md#vpc-endpoints): a gateway endpoint's route is changed through the
    /// endpoint (ModifyVpcEndpoint Add/RemoveRouteTableId), never with ReplaceRoute or DeleteRoute.</summary>
    public static Ec2Exception EndpointRouteManaged(string destination, string endpointId) =>
        new(Ec2Errors.InvalidParameterValueCode, $"The route {destination} belongs to VPC endpoint {endpointId}; use ModifyVpcEndpoint to remove the route table from the endpoint.");

    public static Ec2Exception NotPartOfEndpoint(string id, string endpointId) =>
        new(Ec2Errors.InvalidParameterCode, $"{id} is not associated with {endpointId}.");

    public static Ec2Exception EndpointNeedsSecurityGroup(string endpointId) =>
        new(Ec2Errors.InvalidParameterCode, $"An interface endpoint must keep at least one security group ({endpointId}).");

    /// <summary>Choice (docs/semantics.md#endpoint-ip-address-types): AWS documents the rule, not the code or text.</summary>
    public static Ec2Exception IpAddressTypeNotSupportedByService(string ipAddressType, string serviceName) =>
        new(Ec2Errors.InvalidParameterCode, $"The VPC endpoint service {serviceName} does not support the IP address type {ipAddressType}.");

    public static Ec2Exception SubnetLacksRangeForIpAddressType(string subnetId, string ipAddressType, string needs) =>
        new(Ec2Errors.InvalidParameterCode, $"IP address type {ipAddressType} requires every subnet of the endpoint to have {needs}: {subnetId}.");

    /// <summary>A gateway endpoint's route table serves a subnet its IP address type does not fit (spec (d)).</summary>
    public static Ec2Exception GatewaySubnetLacksRangeForIpAddressType(string subnetId, string routeTableId, string ipAddressType, string needs) =>
        new(Ec2Errors.InvalidParameterCode, $"IP address type {ipAddressType} requires every subnet associated with the endpoint's route tables to have {needs}: {subnetId} (route table {routeTableId}).");

    public static Ec2Exception DnsRecordIpTypeNotForIpAddressType(string recordType, string ipAddressType) =>
        new(Ec2Errors.InvalidParameterCode, $"DnsRecordIpType {recordType} is not supported for an interface endpoint with IP address type {ipAddressType}.");
}
