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

    public static Ec2Exception UnsupportedIpAddressType(string type) =>
        new(Ec2Errors.InvalidParameterCode, $"Supported IP address type {type} is not offered by this lab's endpoint services (ipv4 only; the load balancers' IPv6 is not carried over PrivateLink here).");

    public static Ec2Exception UnsupportedRegion(string region) =>
        new(Ec2Errors.InvalidParameterCode, $"Cross-Region PrivateLink is not modelled by this lab: the supported Region {region} is not the service's own.");

    /// <summary>CreateVpcEndpoint with a ServiceRegion other than the caller's: cross-Region PrivateLink is not modelled
    /// (docs/semantics.md#endpoint-services), refused before anything is created.</summary>
    public static Ec2Exception CrossRegionEndpointNotModelled(string region) =>
        new(Ec2Errors.InvalidParameterCode, $"Cross-Region PrivateLink is not modelled by this lab: ServiceRegion {region} is not the endpoint's own Region; create the endpoint in {region}.");

    public static Ec2Exception InvalidPrivateDnsName(string name) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Invalid private DNS name {name}.");

    public static Ec2Exception ConnectionNotFound(string endpointId, string serviceId) =>
        new(Ec2Errors.InvalidVpcEndpointIdNotFound, $"The Vpc Endpoint Id '{endpointId}' does not exist for service {serviceId}");

    public static Ec2Exception ConnectionNotPending(string endpointId, string state) =>
        new(IncorrectStateCode, $"VPC endpoint {endpointId} is in state {state}: only an endpoint pending acceptance can be accepted.");

    public static Ec2Exception ConnectionAlreadyRejected(string endpointId) =>
        new(IncorrectStateCode, $"VPC endpoint {endpointId} is already rejected.");

    public static Ec2Exception PrivateDnsNotVerified(string serviceName) =>
        new(Ec2Errors.InvalidParameterCode, $"Private DNS can't be enabled because the private DNS name of the service {serviceName} is not verified.");
}
