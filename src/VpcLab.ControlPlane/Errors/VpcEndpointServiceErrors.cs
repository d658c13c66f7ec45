namespace VpcLab.ControlPlane.Errors;

/// <summary>The endpoint service (provider side of PrivateLink) errors. Codes as AWS and its SDKs name them
/// (InvalidVpcEndpointServiceId.NotFound, InvalidVpcEndpointService.NotFound in a delete's unsuccessful list,
/// ExistingVpcEndpointConnections); messages follow moto where AWS's text is not published. Choices:
/// docs/semantics.md#endpoint-services.</summary>
public static class VpcEndpointServiceErrors
{
    public static readonly Ec2ErrorCode InvalidVpcEndpointServiceIdNotFoundCode = new("InvalidVpcEndpointServiceId.NotFound");
    public static readonly Ec2ErrorCode InvalidVpcEndpointServiceNotFoundCode = new("InvalidVpcEndpointService.NotFound");
    public static readonly Ec2ErrorCode ExistingVpcEndpointConnectionsCode = new("ExistingVpcEndpointConnections");
    public static readonly Ec2ErrorCode InvalidPrincipalCode = new("InvalidPrincipal");
    public static readonly Ec2ErrorCode IncorrectStateCode = new("IncorrectState");

    public static Ec2Exception ServiceIdNotFound(string id) =>
        new(InvalidVpcEndpointServiceIdNotFoundCode, $"The VpcEndpointService Id '{id}' does not exist");

    /// <summary>DeleteVpcEndpointServiceConfigurations lists an unknown id with this code (moto, as AWS).</summary>
    public static Ec2Exception ServiceNotFoundForDelete(string id) =>
        new(InvalidVpcEndpointServiceNotFoundCode, $"The VpcEndpointService Id '{id}' does not exist");

    public static Ec2Exception ExactlyOneLoadBalancerKind() =>
        new(Ec2Errors.InvalidParameterCode, "exactly one of network_load_balancer_arn or gateway_load_balancer_arn is a required member");

    public static Ec2Exception GatewayLoadBalancerNotModelled() =>
        new(Ec2Errors.InvalidParameterCode, "Gateway Load Balancer endpoint services are not modelled by this lab; give NetworkLoadBalancerArn.N.");

    public static Ec2Exception LoadBalancerNotFound(string arn) =>
        new(Ec2Errors.InvalidParameterCode, $"Network Load Balancer '{arn}' does not exist in this account and Region.");

    public static Ec2Exception LoadBalancerInUse(string arn, string serviceId) =>
        new(Ec2Errors.InvalidParameterCode, $"Network Load Balancer '{arn}' is already associated with the endpoint service {serviceId}.");

    public static Ec2Exception NoLoadBalancerLeft(string serviceId) =>
        new(Ec2Errors.InvalidParameterCode, $"The endpoint service {serviceId} must keep at least one Network Load Balancer.");

    public static Ec2Exception ExistingConnections(string serviceId) =>
        new(ExistingVpcEndpointConnectionsCode, $"Service {serviceId} has existing VPC endpoint connections; reject them before deleting the service.");

    public static Ec2Exception InvalidPrincipal(string principal) =>
        new(InvalidPrincipalCode, $"Invalid principal {principal}: give '*' or an IAM ARN (arn:aws:iam::ACCOUNT:root, :user/NAME or :role/NAME).");

    public static Ec2Exception NoIpAddressTypeLeft() =>
        new(Ec2Errors.InvalidParameterCode, "An endpoint service must support at least one IP address type (ipv4, ipv6).");

    /// <summary>AWS: to support IPv6, "All Network Load Balancers for the endpoint service must use the dualstack IP
    /// address type" (docs/semantics.md#endpoint-service-ipv6).</summary>
    public static Ec2Exception Ipv6NeedsDualstack(string arn) =>
        new(Ec2Errors.InvalidParameterCode, $"The endpoint service cannot support ipv6: Network Load Balancer '{arn}' does not use the dualstack IP address type.");

    /// <summary>AWS: "You can't remove the host Region from the set of supported Regions".</summary>
    public static Ec2Exception HostRegionNotRemovable(string region) =>
        new(Ec2Errors.InvalidParameterCode, $"The host Region {region} cannot be removed from the supported Regions of the endpoint service.");

    /// <summary>A supported Region that is an opt-in Region the provider has not enabled (choice: AWS's code is not
    /// published; InvalidParameter, as for the other supported-Region refusals).</summary>
    public static Ec2Exception RegionNotOptedIn(string region) =>
        new(Ec2Errors.InvalidParameterCode, $"The Region {region} is an opt-in Region your account has not enabled; a service provider must opt in to it before adding it.");

    public static Ec2Exception RegionNotSupported(string region) =>
        new(Ec2Errors.InvalidParameterCode, $"The Region {region} is not a supported Region of the endpoint service.");

    /// <summary>Cross-Region endpoints are interface endpoints (docs/semantics.md#cross-region-privatelink).</summary>
    public static Ec2Exception CrossRegionNeedsInterface(string region, string type) =>
        new(Ec2Errors.InvalidParameterCode, $"ServiceRegion {region} is not the endpoint's Region: only Interface endpoints connect across Regions, not {type} endpoints.");

    /// <summary>Cross-Region endpoints to AWS's own services (S3, KMS, …) are not modelled (docs/semantics.md#cross-region-privatelink).</summary>
    public static Ec2Exception CrossRegionAwsServiceNotModelled(string serviceName) =>
        new(Ec2Errors.InvalidParameterCode, $"Cross-Region endpoints to AWS services ({serviceName}) are not modelled by this lab; cross-Region PrivateLink works for providers' endpoint services.");

    /// <summary>A consumer's Region the service does not support: to that consumer the service does not exist
    /// (InvalidServiceName, as for a service it may not see; choice, docs/semantics.md#cross-region-privatelink).</summary>
    public static Ec2Exception ServiceNotOfferedToRegion(string serviceName, string region) =>
        new(VpcEndpointErrors.InvalidServiceNameCode, $"The Vpc Endpoint Service '{serviceName}' does not exist for consumers in {region}: {region} is not one of its supported Regions.");

    /// <summary>AWS: "Cross-Region access is not supported for the following Availability Zones: use1-az3, usw1-az2,
    /// apne1-az3, apne2-az2, and apne2-az4".</summary>
    public static Ec2Exception CrossRegionZoneNotSupported(string subnetId, string zoneId) =>
        new(Ec2Errors.InvalidParameterCode, $"Cross-Region access is not supported in the Availability Zone {zoneId} of the subnet {subnetId}.");

    public static Ec2Exception InvalidPrivateDnsName(string name) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Invalid private DNS name {name}.");

    public static Ec2Exception ConnectionNotFound(string endpointId, string serviceId) =>
        new(ResourceIdErrors.InvalidVpcEndpointIdNotFound, $"The Vpc Endpoint Id '{endpointId}' does not exist for service {serviceId}");

    public static Ec2Exception ConnectionNotPending(string endpointId, string state) =>
        new(IncorrectStateCode, $"VPC endpoint {endpointId} is in state {state}: only an endpoint pending acceptance can be accepted.");

    public static Ec2Exception ConnectionAlreadyRejected(string endpointId) =>
        new(IncorrectStateCode, $"VPC endpoint {endpointId} is already rejected.");

    public static Ec2Exception PrivateDnsNotVerified(string serviceName) =>
        new(Ec2Errors.InvalidParameterCode, $"Private DNS can't be enabled because the private DNS name of the service {serviceName} is not verified.");
}
