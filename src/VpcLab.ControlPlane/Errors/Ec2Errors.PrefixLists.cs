using System.Globalization;

namespace VpcLab.ControlPlane.Errors;

/// <summary>Managed prefix list errors.</summary>
public static partial class Ec2Errors
{
    // ---- prefix lists ----
    public static readonly Ec2ErrorCode InvalidPrefixListIdNotFound = new("InvalidPrefixListID.NotFound");
    public static readonly Ec2ErrorCode InvalidPrefixListIdMalformed = new("InvalidPrefixListId.Malformed");
    public static readonly Ec2ErrorCode PrefixListVersionMismatchCode = new("PrefixListVersionMismatch");
    public static readonly Ec2ErrorCode PrefixListMaxEntriesExceededCode = new("PrefixListMaxEntriesExceeded");
    public static readonly Ec2ErrorCode PrefixListLimitExceededCode = new("PrefixListLimitExceeded");

    // ---------------------------------------------------------------- prefix lists
    public static Ec2Exception PrefixListNotFound(string id) =>
        new(InvalidPrefixListIdNotFound, $"The prefix list ID '{id}' does not exist");

    public static Ec2Exception PrefixListMalformed(string id) => new(InvalidPrefixListIdMalformed, $"Invalid id: \"{id}\"");

    public static Ec2Exception PrefixListVersionMismatch(long current) =>
        new(PrefixListVersionMismatchCode, $"The prefix list has been modified. The current version is {current.ToString(CultureInfo.InvariantCulture)}.");

    public static Ec2Exception PrefixListMaxEntriesExceeded(int max) =>
        new(PrefixListMaxEntriesExceededCode, $"The prefix list would exceed its maximum number of entries ({S(max)}).");

    public static Ec2Exception PrefixListLimitExceeded() =>
        new(PrefixListLimitExceededCode, "The maximum number of prefix lists has been reached.");

    public static Ec2Exception AwsManagedPrefixListReadOnly(string id) =>
        new(OperationNotPermittedCode, $"The prefix list {id} is managed by AWS and cannot be modified.");

    public static Ec2Exception PrefixListInUse(string id) =>
        new(DependencyViolationCode, $"The prefix list {id} is referenced by routes or security group rules.");
}
