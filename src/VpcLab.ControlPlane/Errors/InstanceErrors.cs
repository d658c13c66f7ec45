namespace VpcLab.ControlPlane.Errors;

/// <summary>Instance errors.</summary>
public static class InstanceErrors
{
    public static readonly Ec2ErrorCode InvalidInstanceIdCode = new("InvalidInstanceID");
    public static readonly Ec2ErrorCode VpcIdNotSpecifiedCode = new("VPCIdNotSpecified");

    /// <summary>AWS's answer when an instance-level call (AssociateAddress, ModifyInstanceAttribute sourceDestCheck or
    /// groupSet) would have to pick one of several attached interfaces.</summary>
    public static Ec2Exception MultipleInterfaces(string instanceId) =>
        new(InvalidInstanceIdCode, $"There are multiple interfaces attached to instance '{instanceId}'. Please specify an interface ID for the operation instead.");

    /// <summary>ModifyInstanceAttribute of a type while the instance runs (AWS: only a stopped instance).</summary>
    public static Ec2Exception NotStopped(string instanceId) =>
        new(Ec2Errors.IncorrectInstanceStateCode, $"The instance '{instanceId}' is not in the 'stopped' state.");

    /// <summary>A name outside the model's InstanceAttributeName.</summary>
    public static Ec2Exception UnknownAttribute(string attribute) =>
        Ec2Errors.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. Unknown attribute.");

    /// <summary>An attribute AWS has that the lab does not model (docs/semantics.md#instance-attributes).</summary>
    public static Ec2Exception AttributeNotModelled(string attribute) =>
        Ec2Errors.Unsupported($"The instance attribute '{attribute}' is not modelled by this lab.");

    /// <summary>ModifyInstanceAttribute with no attribute (choice, docs/semantics.md#instance-attributes).</summary>
    public static Ec2Exception NoAttributeToModify() =>
        new(Ec2Errors.MissingParameterCode, "The request must contain exactly one attribute to modify.");

    /// <summary>ModifyInstanceAttribute with more than one attribute (AWS: one at a time).</summary>
    public static Ec2Exception MultipleAttributes(IEnumerable<string> attributes) =>
        Ec2Errors.InvalidParameterCombination($"Fields for multiple attribute types specified: {string.Join(", ", attributes)}");

    /// <summary>AWS: Value goes only with kernel, ramdisk, userData, disableApiTermination or
    /// instanceInitiatedShutdownBehavior.</summary>
    public static Ec2Exception ValueNotForAttribute(string attribute) =>
        Ec2Errors.InvalidParameterCombination($"The parameter value cannot be used with the attribute '{attribute}': use its own parameter.");

    /// <summary>TerminateInstances on a protected instance.</summary>
    public static Ec2Exception TerminationProtected(string instanceId) =>
        Ec2Errors.OperationNotPermitted($"The instance '{instanceId}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.");

    /// <summary>StopInstances on a stop-protected instance.</summary>
    public static Ec2Exception StopProtected(string instanceId) =>
        Ec2Errors.OperationNotPermitted($"The instance '{instanceId}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.");

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
        new(ResourceIdErrors.InvalidInstanceIdNotFound, $"The instance IDs '{string.Join(", ", ids)}' do not exist");
}
