using System.Globalization;

namespace VpcLab.ControlPlane.Errors;

/// <summary>Managed prefix list errors.</summary>
public static class PrefixListErrors
{
    public static readonly Ec2ErrorCode PrefixListVersionMismatchCode = new("PrefixListVersionMismatch");
    public static readonly Ec2ErrorCode PrefixListMaxEntriesExceededCode = new("PrefixListMaxEntriesExceeded");
    public static readonly Ec2ErrorCode PrefixListLimitExceededCode = new("PrefixListLimitExceeded");

    public static Ec2Exception PrefixListVersionMismatch(long current) =>
        new(PrefixListVersionMismatchCode, $"The prefix list has been modified. The current version is {current.ToString(CultureInfo.InvariantCulture)}.");

    public static Ec2Exception PrefixListMaxEntriesExceeded(int max) =>
        new(PrefixListMaxEntriesExceededCode, $"The prefix list would exceed its maximum number of entries ({Ec2Errors.S(max)}).");

    public static Ec2Exception PrefixListLimitExceeded() =>
        new(PrefixListLimitExceededCode, "The maximum number of prefix lists has been reached.");

    public static Ec2Exception AwsManagedPrefixListReadOnly(string id) =>
        new(Ec2Errors.OperationNotPermittedCode, $"The prefix list {id} is managed by AWS and cannot be modified.");

    public static Ec2Exception PrefixListInUse(string id) =>
        new(Ec2Errors.DependencyViolationCode, $"The prefix list {id} is referenced by routes or security group rules.");
}
