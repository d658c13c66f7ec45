namespace VpcLab.ControlPlane.Errors;

/// <summary>Instance errors.</summary>
public static class InstanceErrors
{
    public static readonly Ec2ErrorCode InvalidInstanceIdCode = new("InvalidInstanceID");
    public static readonly Ec2ErrorCode VpcIdNotSpecifiedCode = new("VPCIdNotSpecified");

    public static readonly Ec2ErrorCode MissingInputCode = new("MissingInput");

    /// <summary>RunInstances' Placement.AvailabilityZone that is not a zone of the Region.</summary>
    public static Ec2Exception InvalidAvailabilityZone(string zone) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Invalid availability zone: [{zone}]");

    /// <summary>RunInstances without a subnet when the default VPC has no default subnet left.</summary>
    public static Ec2Exception NoDefaultSubnets(string vpcId) =>
        new(MissingInputCode, $"No subnets found for the default VPC '{vpcId}'. Please specify a subnet.");

    /// <summary>RunInstances without a subnet in a zone whose default subnet was deleted.</summary>
    public static Ec2Exception NoDefaultSubnetInZone(string zone) =>
        new(MissingInputCode, $"No default subnet for availability zone: '{zone}'.");

    public static Ec2Exception GroupNameWithSubnet() =>
        new(Ec2Errors.InvalidParameterCombinationCode, "The parameter groupName cannot be used with the parameter subnet");

    public static Ec2Exception InstancesNotFound(IEnumerable<string> ids) =>
        new(Ec2Errors.InvalidInstanceIdNotFound, $"The instance IDs '{string.Join(", ", ids)}' do not exist");
}
