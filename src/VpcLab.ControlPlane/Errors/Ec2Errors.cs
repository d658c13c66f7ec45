using System.Globalization;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Errors;

/// <summary>Every EC2 error code the control plane returns, with AWS's spelling and message texts
/// (spec/filtering-and-routing.md §1, §7; spec/gateways-endpoints-peering.md). AWS is inconsistent
/// (<c>InvalidVpcID.NotFound</c> but <c>InvalidRouteTableId.Malformed</c>): copied, never tidied.
/// No code string is typed anywhere else.</summary>
public static partial class Ec2Errors
{
    // ---- generic ----
    public static readonly Ec2ErrorCode DryRunOperationCode = new("DryRunOperation", 412);
    public static readonly Ec2ErrorCode InternalErrorCode = new("InternalError", 500);
    public static readonly Ec2ErrorCode InvalidParameterValueCode = new("InvalidParameterValue");
    public static readonly Ec2ErrorCode InvalidParameterCombinationCode = new("InvalidParameterCombination");
    public static readonly Ec2ErrorCode InvalidParameterCode = new("InvalidParameter");
    public static readonly Ec2ErrorCode MissingParameterCode = new("MissingParameter");
    public static readonly Ec2ErrorCode UnsupportedOperationCode = new("UnsupportedOperation");
    public static readonly Ec2ErrorCode OperationNotPermittedCode = new("OperationNotPermitted");
    public static readonly Ec2ErrorCode DependencyViolationCode = new("DependencyViolation");
    public static readonly Ec2ErrorCode InvalidIdCode = new("InvalidID");
    public static readonly Ec2ErrorCode TagLimitExceededCode = new("TagLimitExceeded");
    public static readonly Ec2ErrorCode IncorrectStateCode = new("IncorrectState");
    public static readonly Ec2ErrorCode IncorrectInstanceStateCode = new("IncorrectInstanceState");
    public static readonly Ec2ErrorCode ResourceAlreadyAssociatedCode = new("Resource.AlreadyAssociated");
    public static readonly Ec2ErrorCode IdempotentParameterMismatchCode = new("IdempotentParameterMismatch");

    // ---- VPC ----
    public static readonly Ec2ErrorCode InvalidVpcIdNotFound = new("InvalidVpcID.NotFound");
    public static readonly Ec2ErrorCode InvalidVpcIdMalformed = new("InvalidVpcID.Malformed");
    public static readonly Ec2ErrorCode InvalidVpcRange = new("InvalidVpc.Range");
    public static readonly Ec2ErrorCode CidrLimitExceededCode = new("CidrLimitExceeded");
    public static readonly Ec2ErrorCode VpcLimitExceededCode = new("VpcLimitExceeded");
    public static readonly Ec2ErrorCode InvalidVpcCidrBlockAssociationIdNotFound = new("InvalidVpcCidrBlockAssociationID.NotFound");

    // ---- subnet ----
    public static readonly Ec2ErrorCode InvalidSubnetIdNotFound = new("InvalidSubnetID.NotFound");
    public static readonly Ec2ErrorCode InvalidSubnetIdMalformed = new("InvalidSubnetID.Malformed");
    public static readonly Ec2ErrorCode InvalidSubnetRange = new("InvalidSubnet.Range");
    public static readonly Ec2ErrorCode InvalidSubnetConflict = new("InvalidSubnet.Conflict");
    public static readonly Ec2ErrorCode SubnetLimitExceededCode = new("SubnetLimitExceeded");
    public static readonly Ec2ErrorCode InvalidSubnetCidrBlockAssociationIdNotFound = new("InvalidSubnetCidrBlockAssociationID.NotFound");

    // ---- route tables ----
    public static readonly Ec2ErrorCode InvalidRouteTableIdNotFound = new("InvalidRouteTableID.NotFound");
    public static readonly Ec2ErrorCode InvalidRouteTableIdMalformed = new("InvalidRouteTableId.Malformed");
    public static readonly Ec2ErrorCode RouteAlreadyExistsCode = new("RouteAlreadyExists");
    public static readonly Ec2ErrorCode InvalidRouteNotFound = new("InvalidRoute.NotFound");
    public static readonly Ec2ErrorCode InvalidAssociationIdNotFound = new("InvalidAssociationID.NotFound");
    public static readonly Ec2ErrorCode RouteLimitExceededCode = new("RouteLimitExceeded");
    public static readonly Ec2ErrorCode RouteTableLimitExceededCode = new("RouteTableLimitExceeded");
    public static readonly Ec2ErrorCode RouteNotSupportedCode = new("RouteNotSupported");
    public static readonly Ec2ErrorCode InvalidGatewayIdNotFound = new("InvalidGatewayID.NotFound");
    public static readonly Ec2ErrorCode GatewayNotAttachedCode = new("Gateway.NotAttached");
    public static readonly Ec2ErrorCode InvalidVpcPeeringConnectionIdNotFound = new("InvalidVpcPeeringConnectionID.NotFound");
    public static readonly Ec2ErrorCode InvalidVpcPeeringConnectionIdMalformed = new("InvalidVpcPeeringConnectionId.Malformed");
    public static readonly Ec2ErrorCode InvalidStateTransitionCode = new("InvalidStateTransition");
    public static readonly Ec2ErrorCode VpcPeeringConnectionAlreadyExistsCode = new("VpcPeeringConnectionAlreadyExists");
    public static readonly Ec2ErrorCode ActiveVpcPeeringConnectionPerVpcLimitExceededCode = new("ActiveVpcPeeringConnectionPerVpcLimitExceeded");
    public static readonly Ec2ErrorCode OutstandingVpcPeeringConnectionLimitExceededCode = new("OutstandingVpcPeeringConnectionLimitExceeded");
    public static readonly Ec2ErrorCode InvalidVpcPeeringConnectionStateDnsHostnamesDisabled = new("InvalidVpcPeeringConnectionState.DnsHostnamesDisabled");
    public static readonly Ec2ErrorCode InvalidVpcEndpointIdNotFound = new("InvalidVpcEndpointId.NotFound");
    public static readonly Ec2ErrorCode InvalidTransitGatewayIdNotFound = new("InvalidTransitGatewayID.NotFound");

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

    // ---- Elastic IPs ----
    public static readonly Ec2ErrorCode InvalidAllocationIdNotFound = new("InvalidAllocationID.NotFound");
    public static readonly Ec2ErrorCode InvalidAllocationIdMalformed = new("InvalidAllocationID.Malformed");
    public static readonly Ec2ErrorCode InvalidAssociationIdMalformed = new("InvalidAssociationID.Malformed");
    public static readonly Ec2ErrorCode InvalidAddressNotFound = new("InvalidAddress.NotFound");
    public static readonly Ec2ErrorCode InvalidIpAddressInUse = new("InvalidIPAddress.InUse");
    public static readonly Ec2ErrorCode AddressLimitExceededCode = new("AddressLimitExceeded");

    // ---- security groups ----
    public static readonly Ec2ErrorCode InvalidGroupNotFound = new("InvalidGroup.NotFound");
    public static readonly Ec2ErrorCode InvalidGroupIdMalformed = new("InvalidGroupId.Malformed");
    public static readonly Ec2ErrorCode InvalidGroupDuplicate = new("InvalidGroup.Duplicate");
    public static readonly Ec2ErrorCode InvalidGroupReserved = new("InvalidGroup.Reserved");
    public static readonly Ec2ErrorCode CannotDeleteCode = new("CannotDelete");
    public static readonly Ec2ErrorCode InvalidPermissionDuplicate = new("InvalidPermission.Duplicate");
    public static readonly Ec2ErrorCode InvalidPermissionNotFound = new("InvalidPermission.NotFound");
    public static readonly Ec2ErrorCode InvalidPermissionMalformed = new("InvalidPermission.Malformed");
    public static readonly Ec2ErrorCode RulesPerSecurityGroupLimitExceededCode = new("RulesPerSecurityGroupLimitExceeded");
    public static readonly Ec2ErrorCode SecurityGroupLimitExceededCode = new("SecurityGroupLimitExceeded");
    public static readonly Ec2ErrorCode InvalidSecurityGroupRuleIdNotFound = new("InvalidSecurityGroupRuleId.NotFound");
    public static readonly Ec2ErrorCode InvalidSecurityGroupRuleIdMalformed = new("InvalidSecurityGroupRuleId.Malformed");
    public static readonly Ec2ErrorCode SecurityGroupsPerInterfaceLimitExceededCode = new("SecurityGroupsPerInterfaceLimitExceeded");

    // ---- network ACLs ----
    public static readonly Ec2ErrorCode InvalidNetworkAclIdNotFound = new("InvalidNetworkAclID.NotFound");
    public static readonly Ec2ErrorCode InvalidNetworkAclIdMalformed = new("InvalidNetworkAclId.Malformed");
    public static readonly Ec2ErrorCode NetworkAclEntryAlreadyExistsCode = new("NetworkAclEntryAlreadyExists");
    public static readonly Ec2ErrorCode InvalidNetworkAclEntryNotFound = new("InvalidNetworkAclEntry.NotFound");
    public static readonly Ec2ErrorCode NetworkAclEntryLimitExceededCode = new("NetworkAclEntryLimitExceeded");
    public static readonly Ec2ErrorCode NetworkAclLimitExceededCode = new("NetworkAclLimitExceeded");

    // ---- network interfaces / instances ----
    public static readonly Ec2ErrorCode InvalidNetworkInterfaceIdNotFound = new("InvalidNetworkInterfaceID.NotFound");
    public static readonly Ec2ErrorCode InvalidNetworkInterfaceIdMalformed = new("InvalidNetworkInterfaceId.Malformed");
    public static readonly Ec2ErrorCode InvalidNetworkInterfaceInUse = new("InvalidNetworkInterface.InUse");
    public static readonly Ec2ErrorCode InvalidAttachmentIdNotFound = new("InvalidAttachmentID.NotFound");
    public static readonly Ec2ErrorCode InsufficientFreeAddressesInSubnetCode = new("InsufficientFreeAddressesInSubnet");
    public static readonly Ec2ErrorCode PrivateIpAddressLimitExceededCode = new("PrivateIpAddressLimitExceeded");
    public static readonly Ec2ErrorCode NetworkInterfaceLimitExceededCode = new("NetworkInterfaceLimitExceeded");
    public static readonly Ec2ErrorCode InvalidInstanceIdNotFound = new("InvalidInstanceID.NotFound");
    public static readonly Ec2ErrorCode InvalidInstanceIdMalformed = new("InvalidInstanceID.Malformed");
    public static readonly Ec2ErrorCode InvalidInstanceIdCode = new("InvalidInstanceID");
    public static readonly Ec2ErrorCode VpcIdNotSpecifiedCode = new("VPCIdNotSpecified");

    // ---- prefix lists ----
    public static readonly Ec2ErrorCode InvalidPrefixListIdNotFound = new("InvalidPrefixListID.NotFound");
    public static readonly Ec2ErrorCode InvalidPrefixListIdMalformed = new("InvalidPrefixListId.Malformed");
    public static readonly Ec2ErrorCode PrefixListVersionMismatchCode = new("PrefixListVersionMismatch");
    public static readonly Ec2ErrorCode PrefixListMaxEntriesExceededCode = new("PrefixListMaxEntriesExceeded");
    public static readonly Ec2ErrorCode PrefixListLimitExceededCode = new("PrefixListLimitExceeded");

    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- generic factories
    public static Ec2Exception DryRun() =>
        new(DryRunOperationCode, "Request would have succeeded, but DryRun flag is set.");

    public static Ec2Exception InvalidParameterValue(string message) => new(InvalidParameterValueCode, message);

    public static Ec2Exception InvalidParameterCombination(string message) => new(InvalidParameterCombinationCode, message);

    public static Ec2Exception InvalidParameter(string message) => new(InvalidParameterCode, message);

    public static Ec2Exception MissingParameter(string parameter) =>
        new(MissingParameterCode, $"The request must contain the parameter {parameter}");

    public static Ec2Exception Unsupported(string message) => new(UnsupportedOperationCode, message);

    public static Ec2Exception OperationNotPermitted(string message) => new(OperationNotPermittedCode, message);

    /// <summary>A CIDR that does not parse: AWS names the wire parameter (cidrBlock, destinationCidrBlock...).</summary>
    public static Ec2Exception InvalidCidr(string? value, string parameter) =>
        new(InvalidParameterValueCode, $"Value ({value}) for parameter {parameter} is invalid. This is not a valid CIDR block.");

    public static Ec2Exception InvalidIpAddress(string? value, string parameter) =>
        new(InvalidParameterValueCode, $"Value ({value}) for parameter {parameter} is invalid. This is not a valid IP address.");

    public static Ec2Exception InvalidFilter(string name) =>
        new(InvalidParameterValueCode, $"The filter '{name}' is invalid");

    public static Ec2Exception UnknownRegion(string region) =>
        new(InvalidParameterValueCode, $"Invalid region: the region '{region}' is not known to this lab");

    public static Ec2Exception IdempotentParameterMismatch(string clientToken) =>
        new(IdempotentParameterMismatchCode, $"The client token '{clientToken}' has already been used with different parameters.");

    public static Ec2Exception DependencyViolation(string message) => new(DependencyViolationCode, message);

    public static Ec2Exception ResourceAlreadyAssociated(string id) =>
        new(ResourceAlreadyAssociatedCode, $"Resource {id} is already associated.");

    public static Ec2Exception IncorrectInstanceState(string instanceId, string state) =>
        new(IncorrectInstanceStateCode, $"The instance '{instanceId}' is not in a state from which it can be used ({state}).");

    public static Ec2Exception IncorrectState(string message) => new(IncorrectStateCode, message);

    // ---------------------------------------------------------------- tags
    public static Ec2Exception InvalidId(string id) => new(InvalidIdCode, $"The ID '{id}' is not valid");

    public static Ec2Exception TagLimitExceeded(int limit) =>
        new(TagLimitExceededCode, $"The maximum number of Tags for a resource has been reached. The limit is {S(limit)}.");

    public static Ec2Exception EmptyTagSpecification() =>
        new(InvalidParameterValueCode, "Tag specification must have at least one tag");

    public static Ec2Exception InvalidTagResourceType(string? type) =>
        new(InvalidParameterValueCode, $"'{type}' is not a valid taggable resource type for this operation.");

    public static Ec2Exception ReservedTagKey(string key) =>
        new(InvalidParameterValueCode, $"Value ( {key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use");

    public static Ec2Exception TagKeyTooLong(string key) =>
        new(InvalidParameterValueCode, $"Value ( {key} ) for parameter key is invalid. Length exceeds maximum of 128");

    public static Ec2Exception TagValueTooLong(string value) =>
        new(InvalidParameterValueCode, $"Value ( {value} ) for parameter value is invalid. Length exceeds maximum of 256");

    // ---------------------------------------------------------------- VPC
    public static Ec2Exception VpcNotFound(string id) => new(InvalidVpcIdNotFound, $"The vpc ID '{id}' does not exist");

    public static Ec2Exception VpcMalformed(string id) => new(InvalidVpcIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception VpcRange(Cidr cidr) => new(InvalidVpcRange, $"The CIDR '{cidr}' is invalid.");

    public static Ec2Exception VpcCidrRestricted(Cidr cidr, string reason) =>
        new(InvalidVpcRange, $"The CIDR '{cidr}' is restricted. {reason}");

    public static Ec2Exception VpcCidrConflict(Cidr cidr, string vpcId) =>
        new(InvalidVpcRange, $"The CIDR '{cidr}' conflicts with another CIDR block of vpc {vpcId}.");

    public static Ec2Exception CidrLimitExceeded(string vpcId, int limit) =>
        new(CidrLimitExceededCode, $"This network '{vpcId}' has met its maximum number of allowed CIDRs: {S(limit)}");

    public static Ec2Exception VpcLimitExceeded() => new(VpcLimitExceededCode, "The maximum number of VPCs has been reached.");

    public static Ec2Exception VpcHasDependencies(string vpcId) =>
        new(DependencyViolationCode, $"The vpc '{vpcId}' has dependencies and cannot be deleted.");

    public static Ec2Exception VpcCidrAssociationNotFound(string associationId) =>
        new(InvalidVpcCidrBlockAssociationIdNotFound, $"The vpc CIDR block association ID '{associationId}' does not exist");

    public static Ec2Exception PrimaryCidrNotDisassociable(string associationId) =>
        new(OperationNotPermittedCode, $"The vpc CIDR block with association ID {associationId} may not be disassociated. It is the primary IPv4 CIDR block of the VPC");

    public static Ec2Exception CidrInUseBySubnets(string associationId) =>
        new(DependencyViolationCode, $"The vpc CIDR block with association ID {associationId} may not be disassociated because it has subnets with addresses from it.");

    public static Ec2Exception ModifyVpcAttributeOneAtATime() =>
        new(InvalidParameterCombinationCode, "Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport");

    // ---------------------------------------------------------------- subnet
    public static Ec2Exception SubnetNotFound(string id) => new(InvalidSubnetIdNotFound, $"The subnet ID '{id}' does not exist");

    public static Ec2Exception SubnetMalformed(string id) => new(InvalidSubnetIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception SubnetRange(Cidr cidr) => new(InvalidSubnetRange, $"The CIDR '{cidr}' is invalid.");

    public static Ec2Exception SubnetConflict(Cidr cidr) => new(InvalidSubnetConflict, $"The CIDR '{cidr}' conflicts with another subnet");

    public static Ec2Exception SubnetLimitExceeded() => new(SubnetLimitExceededCode, "The maximum number of subnets has been reached.");

    public static Ec2Exception SubnetHasDependencies(string subnetId) =>
        new(DependencyViolationCode, $"The subnet '{subnetId}' has dependencies and cannot be deleted.");

    public static Ec2Exception InvalidAvailabilityZone(string zone, IEnumerable<string> zones) =>
        new(InvalidParameterValueCode, $"Value ({zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: {string.Join(", ", zones)}.");

    public static Ec2Exception InvalidAvailabilityZoneId(string zoneId, IEnumerable<string> zones) =>
        new(InvalidParameterValueCode, $"Value ({zoneId}) for parameter availabilityZoneId is invalid. Subnets can currently only be created in the following availability zones: {string.Join(", ", zones)}.");

    public static Ec2Exception SubnetCidrAssociationNotFound(string associationId) =>
        new(InvalidSubnetCidrBlockAssociationIdNotFound, $"The subnet CIDR block with association ID '{associationId}' does not exist");

    // ---------------------------------------------------------------- route tables
    public static Ec2Exception RouteTableNotFound(string id) => new(InvalidRouteTableIdNotFound, $"The routeTable ID '{id}' does not exist");

    public static Ec2Exception RouteTableMalformed(string id) => new(InvalidRouteTableIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception RouteTableHasDependencies(string id) =>
        new(DependencyViolationCode, $"The routeTable '{id}' has dependencies and cannot be deleted.");

    public static Ec2Exception RouteAlreadyExists(string destination) =>
        new(RouteAlreadyExistsCode, $"The route identified by {destination} already exists.");

    public static Ec2Exception RouteNotFound(string destination, string routeTableId) =>
        new(InvalidRouteNotFound, $"no route with destination-cidr-block {destination} in route table {routeTableId}");

    public static Ec2Exception ReplaceMissingRoute(string destination) =>
        new(InvalidParameterValueCode, $"There is no route defined for '{destination}' in the route table. Use CreateRoute instead.");

    public static Ec2Exception CannotDeleteLocalRoute(string destination, string routeTableId) =>
        new(InvalidParameterValueCode, $"cannot remove local route {destination} in route table {routeTableId}");

    public static Ec2Exception RouteMoreSpecificThanLocal(string destination, Cidr local) =>
        new(InvalidParameterValueCode, $"The destination CIDR block {destination} is equal to or more specific than one of this VPC's CIDR blocks ({local}). This route can target only an interface or an instance, a NAT gateway or a Gateway Load Balancer endpoint, and only for an entire subnet CIDR.");

    public static Ec2Exception RouteToReservedRange(string destination) =>
        new(InvalidParameterValueCode, $"The destination CIDR block {destination} is not permitted: routes to link-local reserved ranges (169.254.168.0/22, fd00:ec2::/32) are not supported.");

    public static Ec2Exception RouteTargetFamilyMismatch(string destination, string target) =>
        new(InvalidParameterValueCode, $"Route target '{target}' does not support destination '{destination}' of this address family.");

    public static Ec2Exception RouteNeedsOneTarget() =>
        new(InvalidParameterCombinationCode, "The request must contain exactly one of gatewayId, natGatewayId, networkInterfaceId, vpcPeeringConnectionId, egressOnlyInternetGatewayId, instanceId, vpcEndpointId, transitGatewayId");

    public static Ec2Exception RouteNeedsOneDestination() =>
        new(InvalidParameterCombinationCode, "The request must contain exactly one of destinationCidrBlock, destinationIpv6CidrBlock, destinationPrefixListId");

    public static Ec2Exception RouteLimitExceeded(string routeTableId) =>
        new(RouteLimitExceededCode, $"The maximum number of routes has been reached for route table {routeTableId}.");

    public static Ec2Exception RouteTableLimitExceeded(string vpcId) =>
        new(RouteTableLimitExceededCode, $"The maximum number of route tables has been reached for vpc {vpcId}.");

    public static Ec2Exception RouteNotSupported(string message) => new(RouteNotSupportedCode, message);

    public static Ec2Exception AssociationNotFound(string id) =>
        new(InvalidAssociationIdNotFound, $"The association ID '{id}' does not exist");

    public static Ec2Exception CannotDisassociateMain(string id) =>
        new(InvalidParameterValueCode, $"cannot disassociate the main route table association {id}");

    public static Ec2Exception GatewayNotFound(string id) => new(InvalidGatewayIdNotFound, $"The gateway ID '{id}' does not exist");

    public static Ec2Exception GatewayNotAttached(string gatewayId, string vpcId) =>
        new(GatewayNotAttachedCode, $"Gateway {gatewayId} is not attached to {vpcId}");

    public static Ec2Exception PeeringNotFound(string id) =>
        new(InvalidVpcPeeringConnectionIdNotFound, $"The vpcPeeringConnection ID '{id}' does not exist");

    public static Ec2Exception PeeringMalformed(string id) => new(InvalidVpcPeeringConnectionIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception PeeringWrongState(string id) =>
        new(InvalidStateTransitionCode, $"VpcPeeringConnectionID {id} is not in the correct state for the request.");

    public static Ec2Exception PeeringAlreadyExists(string vpcId, string peerVpcId, string existing) =>
        new(VpcPeeringConnectionAlreadyExistsCode, $"A VPC peering connection ({existing}) between {vpcId} and {peerVpcId} already exists.");

    public static Ec2Exception PeeringWrongRegion(string region, string id, string expected) =>
        new(OperationNotPermittedCode, $"Incorrect region ({region}) specified for this request. VPC peering connection {id} must be accepted in region {expected}");

    public static Ec2Exception PeeringNotPermitted(string account, string verb, string id) =>
        new(OperationNotPermittedCode, $"User ({account}) cannot {verb} peering {id}");

    public static Ec2Exception ActivePeeringLimitExceeded(string vpcId, int limit) =>
        new(ActiveVpcPeeringConnectionPerVpcLimitExceededCode, $"The VPC {vpcId} already has the maximum number ({limit}) of active VPC peering connections.");

    public static Ec2Exception OutstandingPeeringLimitExceeded(int limit) =>
        new(OutstandingVpcPeeringConnectionLimitExceededCode, $"You have reached the maximum number ({limit}) of outstanding VPC peering connection requests.");

    public static Ec2Exception PeeringDnsHostnamesDisabled(string vpcId) =>
        new(InvalidVpcPeeringConnectionStateDnsHostnamesDisabled, $"DNS hostnames must be enabled on {vpcId} to allow DNS resolution from the remote VPC.");

    public static Ec2Exception VpcEndpointNotFound(string id) =>
        new(InvalidVpcEndpointIdNotFound, $"The VpcEndpoint Id '{id}' does not exist");

    public static Ec2Exception TransitGatewayNotFound(string id) =>
        new(InvalidTransitGatewayIdNotFound, $"The transitGateway ID '{id}' does not exist.");

    public static Ec2Exception TargetInOtherVpc(string targetId, string vpcId) =>
        new(InvalidParameterValueCode, $"Route target {targetId} is not in the same vpc as the route table ({vpcId}).");

    public static Ec2Exception InstanceHasMultipleInterfaces(string instanceId) =>
        new(InvalidInstanceIdCode, $"There are multiple interfaces attached to instance '{instanceId}'. Please specify an interface ID for the operation instead.");

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

    // ---------------------------------------------------------------- Elastic IPs
    public static Ec2Exception AllocationNotFound(string id) =>
        new(InvalidAllocationIdNotFound, $"The allocation ID '{id}' does not exist");

    public static Ec2Exception AllocationMalformed(string id) => new(InvalidAllocationIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception AddressNotFound(string publicIp) =>
        new(InvalidAddressNotFound, $"Address '{publicIp}' not found.");

    public static Ec2Exception AddressAssociationNotFound(string id) =>
        new(InvalidAssociationIdNotFound, $"The association ID '{id}' does not exist");

    public static Ec2Exception AddressInUse(string allocationId) =>
        new(InvalidIpAddressInUse, $"Address {allocationId} is in use.");

    public static Ec2Exception PrivateAddressInUse(IpAddress address) =>
        new(InvalidIpAddressInUse, $"The specified address {address} is already in use.");

    public static Ec2Exception AddressLimitExceeded() =>
        new(AddressLimitExceededCode, "The maximum number of addresses has been reached.");

    // ---------------------------------------------------------------- security groups
    public static Ec2Exception SecurityGroupNotFound(string id) =>
        new(InvalidGroupNotFound, $"The security group '{id}' does not exist");

    public static Ec2Exception SecurityGroupNameNotFound(string name, string? vpcId) =>
        new(InvalidGroupNotFound, vpcId is null
            ? $"The security group '{name}' does not exist in default VPC"
            : $"The security group '{name}' does not exist in VPC '{vpcId}'");

    public static Ec2Exception SecurityGroupMalformed(string id) => new(InvalidGroupIdMalformed, $"Invalid id: \"{id}\" (expecting \"sg-...\")");

    public static Ec2Exception SecurityGroupDuplicate(string name, string vpcId) =>
        new(InvalidGroupDuplicate, $"The security group '{name}' already exists for VPC '{vpcId}'");

    public static Ec2Exception SecurityGroupNameReserved() =>
        new(InvalidGroupReserved, "The security group 'default' is reserved");

    public static Ec2Exception SecurityGroupNameStartsWithSg() =>
        new(InvalidParameterValueCode, "Group names may not be in the format sg-*");

    public static Ec2Exception CannotDeleteDefaultGroup(string id) =>
        new(CannotDeleteCode, $"the specified group: \"{id}\" name: \"default\" cannot be deleted by a user");

    public static Ec2Exception SecurityGroupInUse(string id) =>
        new(DependencyViolationCode, $"resource {id} has a dependent object");

    public static Ec2Exception PermissionDuplicate(string groupId, string detail) =>
        new(InvalidPermissionDuplicate, $"the specified rule \"{detail}\" already exists in group {groupId}");

    public static Ec2Exception PermissionNotFound() =>
        new(InvalidPermissionNotFound, "The specified rule does not exist in this security group.");

    public static Ec2Exception PermissionMalformed(string message) => new(InvalidPermissionMalformed, message);

    public static Ec2Exception RulesPerSecurityGroupLimitExceeded() =>
        new(RulesPerSecurityGroupLimitExceededCode, "The maximum number of rules per security group has been reached.");

    public static Ec2Exception SecurityGroupLimitExceeded() =>
        new(SecurityGroupLimitExceededCode, "The maximum number of security groups has been reached.");

    public static Ec2Exception SecurityGroupRuleNotFound(string id) =>
        new(InvalidSecurityGroupRuleIdNotFound, $"The security group rule ID '{id}' does not exist");

    public static Ec2Exception SecurityGroupRuleMalformed(string id) =>
        new(InvalidSecurityGroupRuleIdMalformed, $"Invalid id: \"{id}\" (expecting \"sgr-...\")");

    public static Ec2Exception TooManySecurityGroups(int limit) =>
        new(SecurityGroupsPerInterfaceLimitExceededCode, $"The maximum number of security groups per interface has been reached ({S(limit)}).");

    public static Ec2Exception SecurityGroupInOtherVpc(string groupId) =>
        new(InvalidParameterCode, $"Security group {groupId} and subnet belong to different networks.");

    public static Ec2Exception DescriptionInvalid(string parameter) =>
        new(InvalidParameterValueCode, $"Invalid {parameter}: it must be at most 255 characters of a-zA-Z0-9 ._-:/()#,@[]+=&;{{}}!$*");

    // ---------------------------------------------------------------- network ACLs
    public static Ec2Exception NetworkAclNotFound(string id) =>
        new(InvalidNetworkAclIdNotFound, $"The networkAcl ID '{id}' does not exist");

    public static Ec2Exception NetworkAclMalformed(string id) => new(InvalidNetworkAclIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception NetworkAclEntryAlreadyExists(int ruleNumber) =>
        new(NetworkAclEntryAlreadyExistsCode, $"The network acl entry identified by {S(ruleNumber)} already exists.");

    public static Ec2Exception NetworkAclEntryNotFound(int ruleNumber, bool egress, string aclId) =>
        new(InvalidNetworkAclEntryNotFound, $"The network acl entry identified by {S(ruleNumber)} ({(egress ? "egress" : "ingress")}) does not exist in {aclId}.");

    public static Ec2Exception NetworkAclRuleNumberOutOfRange(int ruleNumber) =>
        new(InvalidParameterValueCode, $"Value ({S(ruleNumber)}) for parameter ruleNumber is invalid. Rule number must be between 1 and 32766.");

    public static Ec2Exception NetworkAclEntryLimitExceeded(string aclId) =>
        new(NetworkAclEntryLimitExceededCode, $"The maximum number of entries has been reached for network acl {aclId}.");

    public static Ec2Exception NetworkAclLimitExceeded(string vpcId) =>
        new(NetworkAclLimitExceededCode, $"The maximum number of network acls has been reached for vpc {vpcId}.");

    public static Ec2Exception CannotDeleteDefaultNetworkAcl(string id) =>
        new(InvalidParameterValueCode, $"cannot delete default network ACL {id}");

    public static Ec2Exception NetworkAclInUse(string id) =>
        new(DependencyViolationCode, $"The network ACL '{id}' cannot be deleted because it is associated with subnets.");

    public static Ec2Exception NetworkAclInOtherVpc(string aclId, string vpcId) =>
        new(InvalidParameterValueCode, $"Network ACL {aclId} does not belong to vpc {vpcId}.");

    // ---------------------------------------------------------------- interfaces and instances
    public static Ec2Exception NetworkInterfaceNotFound(string id) =>
        new(InvalidNetworkInterfaceIdNotFound, $"The networkInterface ID '{id}' does not exist");

    public static Ec2Exception NetworkInterfaceMalformed(string id) => new(InvalidNetworkInterfaceIdMalformed, $"Invalid id: \"{id}\" (expecting \"eni-...\")");

    public static Ec2Exception NetworkInterfaceInUse(string id) =>
        new(InvalidNetworkInterfaceInUse, $"The network interface '{id}' is currently in use.");

    public static Ec2Exception NetworkInterfaceRequesterManaged(string id) =>
        new(OperationNotPermittedCode, $"You do not have permission to access the specified resource: the network interface '{id}' is managed by AWS.");

    public static Ec2Exception AttachmentNotFound(string id) =>
        new(InvalidAttachmentIdNotFound, $"Interface attachment '{id}' does not exist.");

    public static Ec2Exception AddressNotInSubnet(IpAddress address, string subnetId) =>
        new(InvalidParameterValueCode, $"Address {address} does not fall within the subnet's address range ({subnetId}).");

    public static Ec2Exception AddressReserved(IpAddress address) =>
        new(InvalidParameterValueCode, $"Address {address} is in subnet's reserved address range.");

    public static Ec2Exception InsufficientFreeAddresses(string subnetId) =>
        new(InsufficientFreeAddressesInSubnetCode, $"Insufficient free IP addresses in subnet {subnetId}.");

    public static Ec2Exception NoIpv6InSubnet(string subnetId) =>
        new(InvalidParameterValueCode, $"You cannot specify IPv6 addresses for subnet {subnetId}: it has no IPv6 CIDR block.");

    public static Ec2Exception CannotUnassignPrimary(IpAddress address) =>
        new(InvalidParameterValueCode, $"The primary private IP address {address} of a network interface cannot be unassigned.");

    public static Ec2Exception AddressNotAssigned(IpAddress address, string eniId) =>
        new(InvalidParameterValueCode, $"Some of the specified addresses are not assigned to interface {eniId}: {address}");

    public static Ec2Exception PrivateIpAddressLimitExceeded(int limit) =>
        new(PrivateIpAddressLimitExceededCode, $"Number of private addresses will exceed limit ({S(limit)}).");

    public static Ec2Exception VpcHasNoInternetGateway(string vpcId) =>
        new(GatewayNotAttachedCode, $"Network {vpcId} is not attached to any internet gateway");

    public static Ec2Exception NetworkInterfaceLimitExceeded() =>
        new(NetworkInterfaceLimitExceededCode, "The maximum number of network interfaces has been reached.");

    public static Ec2Exception DeviceIndexInUse(int index, string instanceId) =>
        new(InvalidParameterValueCode, $"Instance '{instanceId}' already has an interface attached at device index '{S(index)}'.");

    public static Ec2Exception InterfaceInOtherZone(string eniId, string instanceId) =>
        new(InvalidParameterValueCode, $"The network interface {eniId} and the instance {instanceId} must be in the same availability zone.");

    public static Ec2Exception CannotDetachPrimary(string attachmentId) =>
        new(OperationNotPermittedCode, $"The network interface at device index 0 cannot be detached ({attachmentId}).");

    public static Ec2Exception InstanceNotFound(string id) =>
        new(InvalidInstanceIdNotFound, $"The instance ID '{id}' does not exist");

    public static Ec2Exception InstancesNotFound(IEnumerable<string> ids) =>
        new(InvalidInstanceIdNotFound, $"The instance IDs '{string.Join(", ", ids)}' do not exist");

    // ---------------------------------------------------------------- DHCP options
    public static readonly Ec2ErrorCode InvalidDhcpOptionIdNotFound = new("InvalidDhcpOptionID.NotFound");
    public static readonly Ec2ErrorCode InvalidDhcpOptionsIdMalformed = new("InvalidDhcpOptionsId.Malformed");

    public static Ec2Exception DhcpOptionsNotFound(string id) =>
        new(InvalidDhcpOptionIdNotFound, $"The dhcpOption ID '{id}' does not exist");

    public static Ec2Exception DhcpOptionsMalformed(string id) =>
        new(InvalidDhcpOptionsIdMalformed, $"Invalid id: \"{id}\" (expecting \"dopt-...\")");

    public static readonly Ec2ErrorCode DefaultVpcAlreadyExistsCode = new("DefaultVpcAlreadyExists");

    public static Ec2Exception DefaultVpcAlreadyExists(string vpcId) =>
        new(DefaultVpcAlreadyExistsCode, $"A Default VPC already exists for this account in this region: {vpcId}.");

    public static Ec2Exception NoDefaultVpc() =>
        new(VpcIdNotSpecifiedCode, "No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.");

    public static Ec2Exception InstanceMalformed(string id) => new(InvalidInstanceIdMalformed, $"Invalid id: \"{id}\"");

    // ---------------------------------------------------------------- prefix lists
    public static Ec2Exception PrefixListNotFound(string id) =>
        new(InvalidPrefixListIdNotFound, $"The prefix list ID '{id}' does not exist");

    public static Ec2Exception PrefixListMalformed(string id) => new(InvalidPrefixListIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception PrefixListVersionMismatch(long current) =>
        new(PrefixListVersionMismatchCode, $"The prefix list has been modified. The current version is {current.ToString(CultureInfo.InvariantCulture)}.");

    public static Ec2Exception PrefixListMaxEntriesExceeded(int max) =>
        new(PrefixListMaxEntriesExceededCode, $"The prefix list would exceed its maximum number of entries ({S(max)}).");

    public static Ec2Exception PrefixListLimitExceeded() =>
        new(PrefixListLimitExceededCode, "The maximum number of prefix lists has been reached.");

    public static Ec2Exception AwsManagedPrefixListReadOnly(string id) =>
        new(OperationNotPermittedCode, $"The prefix list {id} is managed by AWS and cannot be modified.");

    public static Ec2Exception PrefixListInUse(string id) =>
        new(DependencyViolationCode, $"The prefix list {id} is referenced by routes or security group rules.");

    // ---- flow logs (spec flow-logs.md §6) ----
    public static readonly Ec2ErrorCode InvalidFlowLogIdNotFound = new("InvalidFlowLogId.NotFound");
    public static readonly Ec2ErrorCode FlowLogAlreadyExistsCode = new("FlowLogAlreadyExists");
    public static readonly Ec2ErrorCode FlowLogsLimitExceededCode = new("FlowLogsLimitExceeded");

    public static Ec2Exception FlowLogNotFound(string id) =>
        new(InvalidFlowLogIdNotFound, $"This flow log does not exist: '{id}'");

    public static Ec2Exception FlowLogAlreadyExists() =>
        new(FlowLogAlreadyExistsCode, "Error. There is an existing Flow Log with the same configuration and log destination.");

    public static Ec2Exception FlowLogsLimitExceeded(string resourceId, int limit) =>
        new(FlowLogsLimitExceededCode, $"The maximum number of flow logs ({S(limit)}) for the resource {resourceId} has been reached.");
}
