namespace VpcLab.ControlPlane.Errors;

/// <summary>Instance type errors (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html):
/// AttachmentLimitExceeded, InvalidInstanceType.</summary>
public static class InstanceTypeErrors
{
    public static readonly Ec2ErrorCode AttachmentLimitExceededCode = new("AttachmentLimitExceeded");
    public static readonly Ec2ErrorCode InvalidInstanceTypeCode = new("InvalidInstanceType");

    /// <summary>More interfaces than the instance type allows (AWS's table, MaximumNetworkInterfaces).</summary>
    public static Ec2Exception TooManyInterfaces(int count, string instanceType) =>
        new(AttachmentLimitExceededCode, $"Interface count {Ec2Errors.S(count)} exceeds the limit for {instanceType}");

    /// <summary>DescribeInstanceTypes of a type the lab does not list.</summary>
    public static Ec2Exception NotFound(IEnumerable<string> names) =>
        new(InvalidInstanceTypeCode, $"The following supplied instance types do not exist: [{string.Join(", ", names)}]");

    /// <summary>A type not built on the Nitro System launched into an IPv6-only subnet (VPC User Guide, "IPv6-only
    /// subnets": only Nitro instances have no IPv4; docs/semantics.md#ipv6-only-subnets). The wording is the lab's.</summary>
    public static Ec2Exception NotNitroForIpv6OnlySubnet(string instanceType, string subnetId) =>
        new(Ec2Errors.InvalidParameterCombinationCode, $"The instance type {instanceType} is not supported in IPv6-only subnet {subnetId}: only instance types built on the Nitro System can be launched into IPv6-only subnets.");

    public static Ec2Exception InvalidLocationType(string value) =>
        Ec2Errors.InvalidParameterValue($"Value ({value}) for parameter locationType is invalid. Valid values are: region, availability-zone, availability-zone-id.");
}
