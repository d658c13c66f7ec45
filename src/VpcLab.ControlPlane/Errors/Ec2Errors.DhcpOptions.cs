namespace VpcLab.ControlPlane.Errors;

/// <summary>DHCP options set errors.</summary>
public static partial class Ec2Errors
{
    // ---------------------------------------------------------------- DHCP options
    public static readonly Ec2ErrorCode InvalidDhcpOptionIdNotFound = new("InvalidDhcpOptionID.NotFound");
    public static readonly Ec2ErrorCode InvalidDhcpOptionsIdMalformed = new("InvalidDhcpOptionsId.Malformed");

    public static Ec2Exception DhcpOptionsNotFound(string id) =>
        new(InvalidDhcpOptionIdNotFound, $"The dhcpOption ID '{id}' does not exist");

    public static Ec2Exception DhcpOptionsMalformed(string id) =>
        new(InvalidDhcpOptionsIdMalformed, $"Invalid id: \"{id}\" (expecting \"dopt-...\")");
}
