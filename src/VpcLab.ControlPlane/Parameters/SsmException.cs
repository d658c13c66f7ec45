namespace VpcLab.ControlPlane;

/// <summary>A Systems Manager API error: AWS's <c>__type</c> code and message (HTTP 400). The codes are AWS's
/// spelling, listed once in <see cref="SsmParameterStore"/>.</summary>
public sealed class SsmException : Exception
{
    public SsmException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public SsmException()
        : this("InternalServerError", "An internal error has occurred")
    {
    }

    public SsmException(string message)
        : this("InternalServerError", message)
    {
    }

    public SsmException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "InternalServerError";
    }

    public string Code { get; }
}
