namespace VpcLab.Server.Hosting;

/// <summary>A request the AWS JSON 1.1 protocol layer refuses before or around an operation (bad JSON, a body too
/// large, an unknown operation, a member of the wrong type): AWS's error code and message, answered with a 400.</summary>
public sealed class AwsJsonProtocolException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
