namespace VpcLab.ControlPlane.Errors;

/// <summary>An EC2 API error: AWS's code, HTTP status and message. Thrown by an operation before it changes
/// anything, so the state after a failed call is exactly the state before it.</summary>
public sealed class Ec2Exception : Exception
{
    public Ec2Exception(Ec2ErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    public Ec2Exception()
        : this(Ec2Errors.InternalErrorCode, "An internal error has occurred")
    {
    }

    public Ec2Exception(string message)
        : this(Ec2Errors.InternalErrorCode, message)
    {
    }

    public Ec2Exception(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = Ec2Errors.InternalErrorCode;
    }

    /// <summary>The AWS error code (<c>Code.Code</c> is the string clients match on).</summary>
    public Ec2ErrorCode Code { get; }
    public int HttpStatus => Code.HttpStatus;
}
