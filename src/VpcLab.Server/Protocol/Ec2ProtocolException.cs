namespace VpcLab.Server.Protocol;

/// <summary>A request the EC2 Query protocol layer rejects before any operation runs: the AWS error code
/// clients match on (<c>UnknownParameter</c>, <c>MissingParameter</c>, <c>InvalidParameterValue</c>,
/// <c>MissingAction</c>, <c>InvalidAction</c>, ...), the message, and the HTTP status (always 400 here).</summary>
public sealed class Ec2ProtocolException : Exception
{
    public Ec2ProtocolException(string code, string message, int httpStatus = 400)
        : base(message)
    {
        Code = code;
        HttpStatus = httpStatus;
    }

    public Ec2ProtocolException()
        : this("InvalidParameterValue", "The request is invalid.")
    {
    }

    public Ec2ProtocolException(string message)
        : this("InvalidParameterValue", message)
    {
    }

    public Ec2ProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "InvalidParameterValue";
        HttpStatus = 400;
    }

    public string Code { get; }

    public int HttpStatus { get; }
}
