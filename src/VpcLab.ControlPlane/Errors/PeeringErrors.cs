namespace VpcLab.ControlPlane.Errors;

/// <summary>VPC peering connection errors.</summary>
public static class PeeringErrors
{
    public static readonly Ec2ErrorCode InvalidStateTransitionCode = new("InvalidStateTransition");
    public static readonly Ec2ErrorCode VpcPeeringConnectionAlreadyExistsCode = new("VpcPeeringConnectionAlreadyExists");
    public static readonly Ec2ErrorCode ActiveVpcPeeringConnectionPerVpcLimitExceededCode = new("ActiveVpcPeeringConnectionPerVpcLimitExceeded");
    public static readonly Ec2ErrorCode OutstandingVpcPeeringConnectionLimitExceededCode = new("OutstandingVpcPeeringConnectionLimitExceeded");
    public static readonly Ec2ErrorCode InvalidVpcPeeringConnectionStateDnsHostnamesDisabled = new("InvalidVpcPeeringConnectionState.DnsHostnamesDisabled");

    public static Ec2Exception PeeringWrongState(string id) =>
        new(InvalidStateTransitionCode, $"VpcPeeringConnectionID {id} is not in the correct state for the request.");

    public static Ec2Exception PeeringAlreadyExists(string vpcId, string peerVpcId, string existing) =>
        new(VpcPeeringConnectionAlreadyExistsCode, $"A VPC peering connection ({existing}) between {vpcId} and {peerVpcId} already exists.");

    public static Ec2Exception PeeringWrongRegion(string region, string id, string expected) =>
        new(Ec2Errors.OperationNotPermittedCode, $"Incorrect region ({region}) specified for this request. VPC peering connection {id} must be accepted in region {expected}");

    public static Ec2Exception PeeringNotPermitted(string account, string verb, string id) =>
        new(Ec2Errors.OperationNotPermittedCode, $"User ({account}) cannot {verb} peering {id}");

    public static Ec2Exception ActivePeeringLimitExceeded(string vpcId, int limit) =>
        new(ActiveVpcPeeringConnectionPerVpcLimitExceededCode, $"The VPC {vpcId} already has the maximum number ({limit}) of active VPC peering connections.");

    public static Ec2Exception OutstandingPeeringLimitExceeded(int limit) =>
        new(OutstandingVpcPeeringConnectionLimitExceededCode, $"You have reached the maximum number ({limit}) of outstanding VPC peering connection requests.");

    public static Ec2Exception PeeringDnsHostnamesDisabled(string vpcId) =>
        new(InvalidVpcPeeringConnectionStateDnsHostnamesDisabled, $"DNS hostnames must be enabled on {vpcId} to allow DNS resolution from the remote VPC.");
}
