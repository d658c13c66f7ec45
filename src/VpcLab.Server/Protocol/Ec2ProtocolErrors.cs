namespace VpcLab.Server.Protocol;

/// <summary>The protocol layer's error codes and messages, AWS's spelling, in one place.</summary>
public static class Ec2ProtocolErrors
{
    public const string UnknownParameterCode = "UnknownParameter";
    public const string MissingParameterCode = "MissingParameter";
    public const string InvalidParameterValueCode = "InvalidParameterValue";
    public const string MissingActionCode = "MissingAction";
    public const string InvalidActionCode = "InvalidAction";
    public const string NoSuchVersionCode = "NoSuchVersion";
    public const string NotImplementedCode = "NotImplemented";

    /// <summary>Longest piece of a client's value echoed back in a message.</summary>
    private const int EchoLimit = 64;

    public static Ec2ProtocolException UnknownParameter(string name) =>
        new(UnknownParameterCode, $"The parameter {Echo(name)} is not recognized");

    public static Ec2ProtocolException MissingParameter(string name) =>
        new(MissingParameterCode, $"The request must contain the parameter {name}");

    public static Ec2ProtocolException MissingAction() =>
        new(MissingActionCode, "The request must contain the parameter Action");

    public static Ec2ProtocolException InvalidAction(string action) =>
        new(InvalidActionCode, $"The action {Echo(action)} is not valid for this web service.");

    /// <summary>An action VpcLab has no handler for: 501 <c>NotImplemented</c> when EC2 has it
    /// (<see cref="AwsActionCatalog.Ec2"/>), else 400 <c>InvalidAction</c>, as for any name EC2 does not know.
    /// docs/semantics.md#unknown-actions.</summary>
    public static Ec2ProtocolException UnknownAction(string action) =>
        AwsActionCatalog.Ec2.IsAwsAction(action) ? NotImplemented(action) : InvalidAction(action);

    public static Ec2ProtocolException NotImplemented(string action) =>
        new(NotImplementedCode, $"VpcLab does not implement the EC2 action {Echo(action)} (EC2 has it; VpcLab serves the VPC networking subset).", 501);

    public static Ec2ProtocolException NoSuchVersion(string version) =>
        new(NoSuchVersionCode, $"The requested version ({Echo(version)}) of service AmazonEC2 does not exist");

    public static Ec2ProtocolException InvalidValue(string parameter, string value, string expected) =>
        new(InvalidParameterValueCode, $"Invalid value '{Echo(value)}' for parameter {Echo(parameter)}: {expected}");

    public static Ec2ProtocolException Invalid(string message) => new(InvalidParameterValueCode, message);

    internal static string Echo(string s) => s.Length <= EchoLimit ? s : string.Concat(s.AsSpan(0, EchoLimit), "...");
}
