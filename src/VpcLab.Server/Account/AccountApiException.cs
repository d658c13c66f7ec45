namespace VpcLab.Server.Account;

/// <summary>A refusal of the Account Management API's protocol layer (an unknown path, an unreadable body).</summary>
public sealed class AccountApiException : Exception
{
    public AccountApiException(int status, string code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    public AccountApiException() : this(400, "SerializationException", "The request could not be read.") { }

    public AccountApiException(string message) : this(400, "SerializationException", message) { }

    public AccountApiException(string message, Exception inner) : base(message, inner)
    {
        Status = 400;
        Code = "SerializationException";
    }

    public int Status { get; }
    public string Code { get; }
}
