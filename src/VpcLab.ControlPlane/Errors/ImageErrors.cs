namespace VpcLab.ControlPlane.Errors;

/// <summary>AMI errors (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html):
/// InvalidAMIID.Malformed, InvalidAMIID.NotFound, InvalidUserID.Malformed.</summary>
public static class ImageErrors
{
    public static readonly Ec2ErrorCode InvalidAmiIdMalformedCode = new("InvalidAMIID.Malformed");
    public static readonly Ec2ErrorCode InvalidAmiIdNotFoundCode = new("InvalidAMIID.NotFound");
    public static readonly Ec2ErrorCode InvalidUserIdMalformedCode = new("InvalidUserID.Malformed");

    public static Ec2Exception Malformed(string id) =>
        new(InvalidAmiIdMalformedCode, $"Invalid id: \"{id}\" (expecting \"ami-...\")");

    public static Ec2Exception NotFound(string id) =>
        new(InvalidAmiIdNotFoundCode, $"The image id '[{id}]' does not exist");

    /// <summary>An Owners or ExecutableUsers value that is neither an alias nor a 12-digit account id.</summary>
    public static Ec2Exception UserMalformed(string value) =>
        new(InvalidUserIdMalformedCode, $"Invalid user id: \"{value}\"");

    /// <summary>RunInstances' <c>resolve:ssm:</c> image id naming a parameter the Region does not have
    /// (docs/semantics.md#ami-catalogue).</summary>
    public static Ec2Exception ParameterNotResolved(string reference) =>
        new(Ec2Errors.InvalidParameterValueCode, $"Invalid value '{reference}' for imageId. The Systems Manager parameter could not be resolved.");
}
