using VpcLab.Net;

namespace VpcLab.ControlPlane.Errors;

/// <summary>Route table and route errors, including the route targets (gateways, endpoints, instances).</summary>
public static class RouteTableErrors
{
    public static readonly Ec2ErrorCode RouteAlreadyExistsCode = new("RouteAlreadyExists");
    public static readonly Ec2ErrorCode InvalidRouteNotFound = new("InvalidRoute.NotFound");
    public static readonly Ec2ErrorCode InvalidAssociationIdNotFound = new("InvalidAssociationID.NotFound");
    public static readonly Ec2ErrorCode RouteLimitExceededCode = new("RouteLimitExceeded");
    public static readonly Ec2ErrorCode RouteTableLimitExceededCode = new("RouteTableLimitExceeded");
    public static readonly Ec2ErrorCode RouteNotSupportedCode = new("RouteNotSupported");
    public static readonly Ec2ErrorCode InvalidGatewayIdNotFound = new("InvalidGatewayID.NotFound");
    public static readonly Ec2ErrorCode GatewayNotAttachedCode = new("Gateway.NotAttached");
    public static readonly Ec2ErrorCode InvalidTransitGatewayIdNotFound = new("InvalidTransitGatewayID.NotFound");

    public static Ec2Exception RouteTableHasDependencies(string id) =>
        new(Ec2Errors.DependencyViolationCode, $"The routeTable '{id}' has dependencies and cannot be deleted.");

    public static Ec2Exception RouteAlreadyExists(string destination) =>
        new(RouteAlreadyExistsCode, $"The route identified by {destination} already exists.");

    public static Ec2Exception RouteNotFound(string destination, string routeTableId) =>
        new(InvalidRouteNotFound, $"no route with destination-cidr-block {destination} in route table {routeTableId}");

    public static Ec2Exception ReplaceMissingRoute(string destination) =>
        new(Ec2Errors.InvalidParameterValueCode, $"There is no route defined for '{destination}' in the route table. Use CreateRoute instead.");

    public static Ec2Exception CannotDeleteLocalRoute(string destination, string routeTableId) =>
        new(Ec2Errors.InvalidParameterValueCode, $"cannot remove local route {destination} in route table {routeTableId}");

    public static Ec2Exception RouteMoreSpecificThanLocal(string destination, Cidr local) =>
        new(Ec2Errors.InvalidParameterValueCode, $"The destination CIDR block {destination} is equal to or more specific than one of this VPC's CIDR blocks ({local}). This route can target only an interface or an instance, a NAT gateway or a Gateway Load Balancer endpoint, and only for an entire subnet CIDR.");

    public static Ec2Exception RouteToReservedRange(string destination) =>
        new(Ec2Errors.InvalidParameterValueCode, $"The destination CIDR block {destination} is not permitted: routes to link-local reserved ranges (169.254.168.0/22, fd00:ec2::/32) are not supported.");

    public static Ec2Exception RouteTargetFamilyMismatch(string destination, string target) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Route target '{target}' does not support destination '{destination}' of this address family.");

    public static Ec2Exception RouteNeedsOneTarget() =>
        new(Ec2Errors.InvalidParameterCombinationCode, "The request must contain exactly one of gatewayId, natGatewayId, networkInterfaceId, vpcPeeringConnectionId, egressOnlyInternetGatewayId, instanceId, vpcEndpointId, transitGatewayId");

    public static Ec2Exception RouteNeedsOneDestination() =>
        new(Ec2Errors.InvalidParameterCombinationCode, "The request must contain exactly one of destinationCidrBlock, destinationIpv6CidrBlock, destinationPrefixListId");

    public static Ec2Exception RouteLimitExceeded(string routeTableId) =>
        new(RouteLimitExceededCode, $"The maximum number of routes has been reached for route table {routeTableId}.");

    public static Ec2Exception RouteTableLimitExceeded(string vpcId) =>
        new(RouteTableLimitExceededCode, $"The maximum number of route tables has been reached for vpc {vpcId}.");

    public static Ec2Exception RouteNotSupported(string message) => new(RouteNotSupportedCode, message);

    public static Ec2Exception AssociationNotFound(string id) =>
        new(InvalidAssociationIdNotFound, $"The association ID '{id}' does not exist");

    public static Ec2Exception CannotDisassociateMain(string id) =>
        new(Ec2Errors.InvalidParameterValueCode, $"cannot disassociate the main route table association {id}");

    public static Ec2Exception GatewayNotFound(string id) => new(InvalidGatewayIdNotFound, $"The gateway ID '{id}' does not exist");

    public static Ec2Exception GatewayNotAttached(string gatewayId, string vpcId) =>
        new(GatewayNotAttachedCode, $"Gateway {gatewayId} is not attached to {vpcId}");

    public static Ec2Exception TransitGatewayNotFound(string id) =>
        new(InvalidTransitGatewayIdNotFound, $"The transitGateway ID '{id}' does not exist.");

    public static Ec2Exception TargetInOtherVpc(string targetId, string vpcId) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Route target {targetId} is not in the same vpc as the route table ({vpcId}).");

    public static Ec2Exception InstanceHasMultipleInterfaces(string instanceId) =>
        new(InstanceErrors.InvalidInstanceIdCode, $"There are multiple interfaces attached to instance '{instanceId}'. Please specify an interface ID for the operation instead.");
}
