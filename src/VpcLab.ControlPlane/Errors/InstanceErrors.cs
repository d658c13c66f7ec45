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

    public static Ec2Exception InstancesNotFound(IEnumerable<string> ids) =>
        new(Ec2Errors.InvalidInstanceIdNotFound, $"The instance IDs '{string.Join(", ", ids)}' do not exist");
}
