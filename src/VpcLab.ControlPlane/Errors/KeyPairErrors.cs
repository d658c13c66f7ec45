namespace VpcLab.ControlPlane.Errors;

/// <summary>Key pair errors (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html):
/// InvalidKeyPair.Duplicate, InvalidKeyPair.NotFound, InvalidKeyPair.Format.</summary>
public static class KeyPairErrors
{
    public static readonly Ec2ErrorCode DuplicateCode = new("InvalidKeyPair.Duplicate");
    public static readonly Ec2ErrorCode NotFoundCode = new("InvalidKeyPair.NotFound");
    public static readonly Ec2ErrorCode FormatCode = new("InvalidKeyPair.Format");

    /// <summary>AWS: key names are up to 255 ASCII characters.</summary>
    public const int MaxNameLength = 255;

    public static Ec2Exception Duplicate(string name) => new(DuplicateCode, $"The keypair '{name}' already exists.");

    public static Ec2Exception NotFound(string name) => new(NotFoundCode, $"The key pair '{name}' does not exist");

    public static Ec2Exception IdNotFound(string id) => new(NotFoundCode, $"The key pair ID '{id}' does not exist");

    public static Ec2Exception Format() => new(FormatCode, "Key is not in valid OpenSSH public key format");

    public static Ec2Exception InvalidName(string name) =>
        Ec2Errors.InvalidParameterValue($"Value ({name}) for parameter keyName is invalid. The key name must be 1 to {MaxNameLength} ASCII characters.");

    public static Ec2Exception InvalidKeyType(string value) =>
        Ec2Errors.InvalidParameterValue($"Value ({value}) for parameter keyType is invalid. Valid values are: rsa, ed25519.");

    public static Ec2Exception InvalidKeyFormat(string value) =>
        Ec2Errors.InvalidParameterValue($"Value ({value}) for parameter keyFormat is invalid. Valid values are: pem, ppk.");
}
