namespace VpcLab.ControlPlane.Errors;

/// <summary>Launch template errors (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html and
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html): the name's length and
/// pattern, a name in use, an unknown template by id or by name, an unknown version, and the per-version codes of
/// DeleteLaunchTemplateVersions (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ResponseError.html).</summary>
public static class LaunchTemplateErrors
{
    public const int MinNameLength = 3;
    public const int MaxNameLength = 128;
    public const int MaxDescriptionLength = 255;
    /// <summary>DeleteLaunchTemplateVersions: "You can delete up to 200 launch template versions in a single request."</summary>
    public const int MaxVersionsPerDelete = 200;

    public static readonly Ec2ErrorCode NameMalformedCode = new("InvalidLaunchTemplateName.MalformedException");
    public static readonly Ec2ErrorCode NameInUseCode = new("InvalidLaunchTemplateName.AlreadyExistsException");
    public static readonly Ec2ErrorCode NameNotFoundCode = new("InvalidLaunchTemplateName.NotFoundException");
    public static readonly Ec2ErrorCode IdMalformedCode = new("InvalidLaunchTemplateId.Malformed");
    public static readonly Ec2ErrorCode IdNotFoundCode = new("InvalidLaunchTemplateId.NotFound");
    public static readonly Ec2ErrorCode VersionNotFoundCode = new("InvalidLaunchTemplateId.VersionNotFound");

    // DeleteLaunchTemplateVersions' ResponseError codes, reported per version, not thrown.
    public const string IdDoesNotExist = "launchTemplateIdDoesNotExist";
    public const string IdMalformed = "launchTemplateIdMalformed";
    public const string NameDoesNotExist = "launchTemplateNameDoesNotExist";
    public const string VersionDoesNotExist = "launchTemplateVersionDoesNotExist";
    public const string UnexpectedError = "unexpectedError";

    public static Ec2Exception NameMalformed() => new(NameMalformedCode,
        "A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.");

    public static Ec2Exception NameInUse(string name) => new(NameInUseCode, $"Launch template name already in use: {name}.");

    public static Ec2Exception NameNotFound(string name) =>
        new(NameNotFoundCode, $"The specified launch template, with template name {name}, does not exist.");

    public static Ec2Exception IdMalformedError(string id) => new(IdMalformedCode, $"The specified ID for the launch template ({id}) is malformed.");

    public static Ec2Exception IdNotFound(string id) => new(IdNotFoundCode, $"The specified launch template, with template ID {id}, does not exist.");

    public static Ec2Exception VersionNotFound(string version, string templateId) =>
        new(VersionNotFoundCode, $"Could not find launch template version {version} for launch template {templateId}.");

    public static Ec2Exception IdOrName() => Ec2Errors.MissingParameter("launchTemplateId or launchTemplateName");

    public static Ec2Exception IdAndName() =>
        Ec2Errors.InvalidParameterCombination("Specify either the launch template ID or the launch template name, not both.");

    public static Ec2Exception DescriptionTooLong() =>
        Ec2Errors.InvalidParameterValue($"The version description must be at most {MaxDescriptionLength} characters.");
}
