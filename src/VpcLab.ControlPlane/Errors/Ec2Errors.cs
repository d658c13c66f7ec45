using System.Globalization;

namespace VpcLab.ControlPlane.Errors;

/// <summary>Every EC2 error code the control plane returns, with AWS's spelling and message texts
/// (spec/filtering-and-routing.md §1, §7; spec/gateways-endpoints-peering.md). AWS is inconsistent
/// (<c>InvalidVpcID.NotFound</c> but <c>InvalidRouteTableId.Malformed</c>): copied, never tidied.
/// No code string is typed anywhere else. This type holds the generic codes and factories; the id and tag errors
/// every kind shares are <see cref="ResourceIdErrors"/>'s, each resource family's its own (<see cref="VpcErrors"/>, …).</summary>
public static class Ec2Errors
{
    // ---- generic ----
    public static readonly Ec2ErrorCode DryRunOperationCode = new("DryRunOperation", 412);
    public static readonly Ec2ErrorCode InternalErrorCode = new("InternalError", 500);
    public static readonly Ec2ErrorCode InvalidParameterValueCode = new("InvalidParameterValue");
    public static readonly Ec2ErrorCode InvalidParameterCombinationCode = new("InvalidParameterCombination");
    public static readonly Ec2ErrorCode InvalidParameterCode = new("InvalidParameter");
    public static readonly Ec2ErrorCode MissingParameterCode = new("MissingParameter");
    public static readonly Ec2ErrorCode UnsupportedOperationCode = new("UnsupportedOperation");
    public static readonly Ec2ErrorCode OperationNotPermittedCode = new("OperationNotPermitted");
    public static readonly Ec2ErrorCode DependencyViolationCode = new("DependencyViolation");
    public static readonly Ec2ErrorCode InvalidIdCode = new("InvalidID");
    public static readonly Ec2ErrorCode TagLimitExceededCode = new("TagLimitExceeded");
    public static readonly Ec2ErrorCode IncorrectStateCode = new("IncorrectState");
    public static readonly Ec2ErrorCode IncorrectInstanceStateCode = new("IncorrectInstanceState");
    public static readonly Ec2ErrorCode ResourceAlreadyAssociatedCode = new("Resource.AlreadyAssociated");
    public static readonly Ec2ErrorCode IdempotentParameterMismatchCode = new("IdempotentParameterMismatch");

    internal static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- generic factories
    public static Ec2Exception DryRun() =>
        new(DryRunOperationCode, "Request would have succeeded, but DryRun flag is set.");

    public static Ec2Exception InvalidParameterValue(string message) => new(InvalidParameterValueCode, message);

    public static Ec2Exception InvalidParameterCombination(string message) => new(InvalidParameterCombinationCode, message);

    public static Ec2Exception InvalidParameter(string message) => new(InvalidParameterCode, message);

    public static Ec2Exception MissingParameter(string parameter) =>
        new(MissingParameterCode, $"The request must contain the parameter {parameter}");

    public static Ec2Exception Unsupported(string message) => new(UnsupportedOperationCode, message);

    public static Ec2Exception OperationNotPermitted(string message) => new(OperationNotPermittedCode, message);

    /// <summary>A CIDR that does not parse: AWS names the wire parameter (cidrBlock, destinationCidrBlock...).</summary>
    public static Ec2Exception InvalidCidr(string? value, string parameter) =>
        new(InvalidParameterValueCode, $"Value ({value}) for parameter {parameter} is invalid. This is not a valid CIDR block.");

    public static Ec2Exception InvalidIpAddress(string? value, string parameter) =>
        new(InvalidParameterValueCode, $"Value ({value}) for parameter {parameter} is invalid. This is not a valid IP address.");

    public static Ec2Exception InvalidFilter(string name) =>
        new(InvalidParameterValueCode, $"The filter '{name}' is invalid");

    public static Ec2Exception UnknownRegion(string region) =>
        new(InvalidParameterValueCode, $"Invalid region: the region '{region}' is not known to this lab");

    public static Ec2Exception IdempotentParameterMismatch(string clientToken) =>
        new(IdempotentParameterMismatchCode, $"The client token '{clientToken}' has already been used with different parameters.");

    public static Ec2Exception DependencyViolation(string message) => new(DependencyViolationCode, message);

    public static Ec2Exception ResourceAlreadyAssociated(string id) =>
        new(ResourceAlreadyAssociatedCode, $"Resource {id} is already associated.");

    public static Ec2Exception IncorrectInstanceState(string instanceId, string state) =>
        new(IncorrectInstanceStateCode, $"The instance '{instanceId}' is not in a state from which it can be used ({state}).");

    public static Ec2Exception IncorrectState(string message) => new(IncorrectStateCode, message);

}
