using System.Globalization;
using VpcLab.Model.Policies;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Errors;

/// <summary>The id errors of every resource kind (InvalidXxxID.Malformed and .NotFound, which <see cref="ResourceKinds"/>
/// names) and the tag errors every kind shares.</summary>
public static class ResourceIdErrors
{
    // ---------------------------------------------------------------- DHCP options
    public static readonly Ec2ErrorCode InvalidDhcpOptionIdNotFound = new("InvalidDhcpOptionID.NotFound");
    public static readonly Ec2ErrorCode InvalidDhcpOptionsIdMalformed = new("InvalidDhcpOptionsId.Malformed");

    public static Ec2Exception DhcpOptionsNotFound(string id) =>
        new(InvalidDhcpOptionIdNotFound, $"The dhcpOption ID '{id}' does not exist");

    public static Ec2Exception DhcpOptionsMalformed(string id) =>
        new(InvalidDhcpOptionsIdMalformed, $"Invalid id: \"{id}\" (expecting \"dopt-...\")");

    // ---- Elastic IPs ----
    public static readonly Ec2ErrorCode InvalidAllocationIdNotFound = new("InvalidAllocationID.NotFound");
    public static readonly Ec2ErrorCode InvalidAllocationIdMalformed = new("InvalidAllocationID.Malformed");

    // ---------------------------------------------------------------- Elastic IPs
    public static Ec2Exception AllocationNotFound(string id) =>
        new(InvalidAllocationIdNotFound, $"The allocation ID '{id}' does not exist");

    public static Ec2Exception AllocationMalformed(string id) => new(InvalidAllocationIdMalformed, $"Invalid id: \"{id}\"");

    // ---- flow logs (spec flow-logs.md §6) ----
    public static readonly Ec2ErrorCode InvalidFlowLogIdNotFound = new("InvalidFlowLogId.NotFound");

    public static Ec2Exception FlowLogNotFound(string id) =>
        new(InvalidFlowLogIdNotFound, $"This flow log does not exist: '{id}'");

    // ---- gateways ----
    public static readonly Ec2ErrorCode InvalidInternetGatewayIdNotFound = new("InvalidInternetGatewayID.NotFound");
    public static readonly Ec2ErrorCode InvalidInternetGatewayIdMalformed = new("InvalidInternetGatewayId.Malformed");
    public static readonly Ec2ErrorCode InvalidEgressOnlyInternetGatewayIdNotFound = new("InvalidEgressOnlyInternetGatewayId.NotFound");
    public static readonly Ec2ErrorCode InvalidEgressOnlyInternetGatewayIdMalformed = new("InvalidEgressOnlyInternetGatewayId.Malformed");
    public static readonly Ec2ErrorCode InvalidNatGatewayIdNotFound = new("InvalidNatGatewayID.NotFound");
    public static readonly Ec2ErrorCode InvalidNatGatewayIdMalformed = new("InvalidNatGatewayId.Malformed");

    // ---------------------------------------------------------------- internet gateways
    public static Ec2Exception InternetGatewayNotFound(string id) =>
        new(InvalidInternetGatewayIdNotFound, $"The internetGateway ID '{id}' does not exist");

    public static Ec2Exception InternetGatewayMalformed(string id) => new(InvalidInternetGatewayIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception EgressOnlyInternetGatewayNotFound(string id) =>
        new(InvalidEgressOnlyInternetGatewayIdNotFound, $"The egressOnlyInternetGateway ID '{id}' does not exist");

    public static Ec2Exception EgressOnlyInternetGatewayMalformed(string id) =>
        new(InvalidEgressOnlyInternetGatewayIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception NatGatewayNotFound(string id) =>
        new(InvalidNatGatewayIdNotFound, $"The natGateway ID '{id}' does not exist");

    public static Ec2Exception NatGatewayMalformed(string id) => new(InvalidNatGatewayIdMalformed, $"Invalid id: \"{id}\"");

    public static readonly Ec2ErrorCode InvalidInstanceIdNotFound = new("InvalidInstanceID.NotFound");
    public static readonly Ec2ErrorCode InvalidInstanceIdMalformed = new("InvalidInstanceID.Malformed");

    public static Ec2Exception InstanceNotFound(string id) =>
        new(InvalidInstanceIdNotFound, $"The instance ID '{id}' does not exist");

    public static Ec2Exception InstanceMalformed(string id) => new(InvalidInstanceIdMalformed, $"Invalid id: \"{id}\"");

    // ---- network interfaces / instances ----
    public static readonly Ec2ErrorCode InvalidNetworkInterfaceIdNotFound = new("InvalidNetworkInterfaceID.NotFound");
    public static readonly Ec2ErrorCode InvalidNetworkInterfaceIdMalformed = new("InvalidNetworkInterfaceId.Malformed");

    // ---------------------------------------------------------------- interfaces and instances
    public static Ec2Exception NetworkInterfaceNotFound(string id) =>
        new(InvalidNetworkInterfaceIdNotFound, $"The networkInterface ID '{id}' does not exist");

    public static Ec2Exception NetworkInterfaceMalformed(string id) => new(InvalidNetworkInterfaceIdMalformed, $"Invalid id: \"{id}\" (expecting \"eni-...\")");

    // ---- network ACLs ----
    public static readonly Ec2ErrorCode InvalidNetworkAclIdNotFound = new("InvalidNetworkAclID.NotFound");
    public static readonly Ec2ErrorCode InvalidNetworkAclIdMalformed = new("InvalidNetworkAclId.Malformed");

    // ---------------------------------------------------------------- network ACLs
    public static Ec2Exception NetworkAclNotFound(string id) =>
        new(InvalidNetworkAclIdNotFound, $"The networkAcl ID '{id}' does not exist");

    public static Ec2Exception NetworkAclMalformed(string id) => new(InvalidNetworkAclIdMalformed, $"Invalid id: \"{id}\"");

    public static readonly Ec2ErrorCode InvalidVpcPeeringConnectionIdNotFound = new("InvalidVpcPeeringConnectionID.NotFound");
    public static readonly Ec2ErrorCode InvalidVpcPeeringConnectionIdMalformed = new("InvalidVpcPeeringConnectionId.Malformed");

    public static Ec2Exception PeeringNotFound(string id) =>
        new(InvalidVpcPeeringConnectionIdNotFound, $"The vpcPeeringConnection ID '{id}' does not exist");

    public static Ec2Exception PeeringMalformed(string id) => new(InvalidVpcPeeringConnectionIdMalformed, $"Invalid id: \"{id}\"");

    // ---- prefix lists ----
    public static readonly Ec2ErrorCode InvalidPrefixListIdNotFound = new("InvalidPrefixListID.NotFound");
    public static readonly Ec2ErrorCode InvalidPrefixListIdMalformed = new("InvalidPrefixListId.Malformed");

    // ---------------------------------------------------------------- prefix lists
    public static Ec2Exception PrefixListNotFound(string id) =>
        new(InvalidPrefixListIdNotFound, $"The prefix list ID '{id}' does not exist");

    public static Ec2Exception PrefixListMalformed(string id) => new(InvalidPrefixListIdMalformed, $"Invalid id: \"{id}\"");

    // ---- route tables ----
    public static readonly Ec2ErrorCode InvalidRouteTableIdNotFound = new("InvalidRouteTableID.NotFound");
    public static readonly Ec2ErrorCode InvalidRouteTableIdMalformed = new("InvalidRouteTableId.Malformed");

    public static readonly Ec2ErrorCode InvalidVpcEndpointIdNotFound = new("InvalidVpcEndpointId.NotFound");

    // ---------------------------------------------------------------- route tables
    public static Ec2Exception RouteTableNotFound(string id) => new(InvalidRouteTableIdNotFound, $"The routeTable ID '{id}' does not exist");

    public static Ec2Exception RouteTableMalformed(string id) => new(InvalidRouteTableIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception VpcEndpointNotFound(string id) =>
        new(InvalidVpcEndpointIdNotFound, $"The VpcEndpoint Id '{id}' does not exist");

    // ---- security groups ----
    public static readonly Ec2ErrorCode InvalidGroupNotFound = new("InvalidGroup.NotFound");
    public static readonly Ec2ErrorCode InvalidGroupIdMalformed = new("InvalidGroupId.Malformed");
    public static readonly Ec2ErrorCode InvalidSecurityGroupRuleIdNotFound = new("InvalidSecurityGroupRuleId.NotFound");
    public static readonly Ec2ErrorCode InvalidSecurityGroupRuleIdMalformed = new("InvalidSecurityGroupRuleId.Malformed");

    // ---------------------------------------------------------------- security groups
    public static Ec2Exception SecurityGroupNotFound(string id) =>
        new(InvalidGroupNotFound, $"The security group '{id}' does not exist");

    public static Ec2Exception SecurityGroupMalformed(string id) => new(InvalidGroupIdMalformed, $"Invalid id: \"{id}\" (expecting \"sg-...\")");

    public static Ec2Exception SecurityGroupRuleNotFound(string id) =>
        new(InvalidSecurityGroupRuleIdNotFound, $"The security group rule ID '{id}' does not exist");

    public static Ec2Exception SecurityGroupRuleMalformed(string id) =>
        new(InvalidSecurityGroupRuleIdMalformed, $"Invalid id: \"{id}\" (expecting \"sgr-...\")");

    // ---- subnet ----
    public static readonly Ec2ErrorCode InvalidSubnetIdNotFound = new("InvalidSubnetID.NotFound");
    public static readonly Ec2ErrorCode InvalidSubnetIdMalformed = new("InvalidSubnetID.Malformed");

    // ---------------------------------------------------------------- subnet
    public static Ec2Exception SubnetNotFound(string id) => new(InvalidSubnetIdNotFound, $"The subnet ID '{id}' does not exist");

    public static Ec2Exception SubnetMalformed(string id) => new(InvalidSubnetIdMalformed, $"Invalid id: \"{id}\"");

    // ---------------------------------------------------------------- tags
    public static Ec2Exception InvalidId(string id) => new(Ec2Errors.InvalidIdCode, $"The ID '{id}' is not valid");

    public static Ec2Exception TagLimitExceeded(int limit) =>
        new(Ec2Errors.TagLimitExceededCode, $"The maximum number of Tags for a resource has been reached. The limit is {Ec2Errors.S(limit)}.");

    public static Ec2Exception EmptyTagSpecification() =>
        new(Ec2Errors.InvalidParameterValueCode, "Tag specification must have at least one tag");

    public static Ec2Exception InvalidTagResourceType(string? type) =>
        new(Ec2Errors.InvalidParameterValueCode, $"'{type}' is not a valid taggable resource type for this operation.");

    public static Ec2Exception ReservedTagKey(string key) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Value ( {key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use");

    public static Ec2Exception TagKeyTooLong(string key) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Value ( {key} ) for parameter key is invalid. Length exceeds maximum of 128");

    public static Ec2Exception TagValueTooLong(string value) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Value ( {value} ) for parameter value is invalid. Length exceeds maximum of 256");

    public static readonly Ec2ErrorCode InvalidVpcEndpointIdMalformed = new("InvalidVpcEndpointId.Malformed");

    public static Ec2Exception VpcEndpointMalformed(string id) =>
        new(InvalidVpcEndpointIdMalformed, $"Invalid Id: '{id}' (expecting 'vpce-...')");

    // ---- VPC ----
    public static readonly Ec2ErrorCode InvalidVpcIdNotFound = new("InvalidVpcID.NotFound");
    public static readonly Ec2ErrorCode InvalidVpcIdMalformed = new("InvalidVpcID.Malformed");

    // ---------------------------------------------------------------- VPC
    public static Ec2Exception VpcNotFound(string id) => new(InvalidVpcIdNotFound, $"The vpc ID '{id}' does not exist");

    public static Ec2Exception VpcMalformed(string id) => new(InvalidVpcIdMalformed, $"Invalid id: \"{id}\"");
}
