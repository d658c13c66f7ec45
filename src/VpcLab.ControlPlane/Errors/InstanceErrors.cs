namespace VpcLab.ControlPlane.Errors;

/// <summary>Instance errors.</summary>
public static class InstanceErrors
{
    public static readonly Ec2ErrorCode InvalidInstanceIdCode = new("InvalidInstanceID");
    public static readonly Ec2ErrorCode VpcIdNotSpecifiedCode = new("VPCIdNotSpecified");

    public static Ec2Exception InstancesNotFound(IEnumerable<string> ids) =>
        new(Ec2Errors.InvalidInstanceIdNotFound, $"The instance IDs '{string.Join(", ", ids)}' do not exist");
}
