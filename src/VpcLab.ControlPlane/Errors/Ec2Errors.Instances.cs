namespace VpcLab.ControlPlane.Errors;

/// <summary>Instance errors.</summary>
public static partial class Ec2Errors
{
    public static readonly Ec2ErrorCode InvalidInstanceIdNotFound = new("InvalidInstanceID.NotFound");
    public static readonly Ec2ErrorCode InvalidInstanceIdMalformed = new("InvalidInstanceID.Malformed");
    public static readonly Ec2ErrorCode InvalidInstanceIdCode = new("InvalidInstanceID");
    public static readonly Ec2ErrorCode VpcIdNotSpecifiedCode = new("VPCIdNotSpecified");

    public static Ec2Exception InstanceNotFound(string id) =>
        new(InvalidInstanceIdNotFound, $"The instance ID '{id}' does not exist");

    public static Ec2Exception InstancesNotFound(IEnumerable<string> ids) =>
        new(InvalidInstanceIdNotFound, $"The instance IDs '{string.Join(", ", ids)}' do not exist");

    public static Ec2Exception InstanceMalformed(string id) => new(InvalidInstanceIdMalformed, $"Invalid id: \"{id}\"");
}
