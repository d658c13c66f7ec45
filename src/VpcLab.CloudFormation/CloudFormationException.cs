namespace VpcLab.CloudFormation;

/// <summary>A refusal as CloudFormation answers it: the error code its API returns (<c>ValidationError</c> for a bad
/// template, parameter or stack name; <c>AlreadyExistsException</c> …) and its message, word for word where AWS's
/// wording is known (docs/cloudformation.md#errors).</summary>
public sealed class CloudFormationException : Exception
{
    public const string ValidationError = "ValidationError";
    public const string AlreadyExists = "AlreadyExistsException";
    public const string ChangeSetNotFound = "ChangeSetNotFound";
    public const string InvalidChangeSetStatus = "InvalidChangeSetStatus";

    public CloudFormationException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public CloudFormationException()
        : this(ValidationError, "")
    {
    }

    public CloudFormationException(string message)
        : this(ValidationError, message)
    {
    }

    public CloudFormationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ValidationError;
    }

    public string Code { get; }

    public static CloudFormationException Validation(string message) => new(ValidationError, message);

    /// <summary>"Template format error: …", the prefix AWS gives every structural mistake in a template.</summary>
    public static CloudFormationException Format(string message) => new(ValidationError, $"Template format error: {message}");
}
