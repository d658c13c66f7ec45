using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>AWS's rules for IPv6-only subnets (CreateSubnet Ipv6Native; VPC User Guide, "Subnets for your VPC",
/// https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html; docs/semantics.md#ipv6-only-subnets):
/// an IPv6 /64 and no IPv4 range, IPv6 addresses assigned to every interface, resource-name hostnames, and the
/// subnet attributes that make no sense without IPv4 refused. The hostname options of every subnet are set here too.</summary>
internal static class Ipv6OnlySubnets
{
    /// <summary>CreateSubnet: "For an IPv6 only subnet, specify an IPv6 CIDR block" and no IPv4 one (CidrBlock "is not
    /// supported for an IPv6 only subnet"). The IPv6 block is asked for first (MissingParameter, with or without an
    /// IPv4 block), then an IPv4 block beside it is InvalidParameterCombination; codes and texts as EC2 answers them
    /// (docs/semantics.md#ipv6-only-subnets). True for an IPv6-only subnet.</summary>
    internal static bool CheckCreate(CreateSubnetRequest request)
    {
        if (request.Ipv6Native != true)
            return false;
        if (request.Ipv6CidrBlock is null)
            throw new Ec2Exception(Ec2Errors.MissingParameterCode, "Either 'ipv6CidrBlock' or 'ipv6IpamPoolId' should be provided.");
        if (request.CidrBlock is not null)
            throw Ec2Errors.InvalidParameterCombination("When specifying ipv4 parameters, cidrBlock or ipv4IpamPoolId, you cannot set ipv6Native to true.");
        return true;
    }

    /// <summary>A new subnet's launch settings: an IPv6-only subnet assigns an IPv6 address to every new interface
    /// (its only address family) and names instances by resource name.</summary>
    internal static Subnet New(Subnet subnet, bool native) => subnet with
    {
        Ipv6Native = native,
        AssignIpv6AddressOnCreation = native,
        PrivateDnsNameOptionsOnLaunch = HostnameOptions.ForNewSubnet(native),
    };

    /// <summary>No public IPv4 on launch where there is no IPv4 at all.</summary>
    internal static bool CheckMapPublicIp(Subnet subnet, bool value) =>
        value && subnet.Ipv6Native
            ? throw Ec2Errors.InvalidParameterValue($"Invalid value 'true' for mapPublicIpOnLaunch: subnet {subnet.Id} is an IPv6-only subnet and has no IPv4 addresses.")
            : value;

    /// <summary>An IPv6-only subnet's interfaces have IPv6 addresses only, so it keeps assigning one (choice:
    /// turning it off is refused, docs/semantics.md#ipv6-only-subnets).</summary>
    internal static bool CheckAssignIpv6(Subnet subnet, bool value) =>
        !value && subnet.Ipv6Native
            ? throw Ec2Errors.InvalidParameterValue($"Invalid value 'false' for assignIpv6AddressOnCreation: subnet {subnet.Id} is an IPv6-only subnet, whose interfaces need an IPv6 address.")
            : value;

    /// <summary>RunInstances, one interface of the launch: a Nitro type (InstanceTypeLimits.CheckIpv6OnlySubnet) and
    /// no public IPv4 asked for in an IPv6-only subnet.</summary>
    internal static void CheckLaunch(Subnet subnet, string? instanceType, bool? associatePublicIp)
    {
        if (!subnet.Ipv6Native)
            return;
        InstanceTypeLimits.CheckIpv6OnlySubnet(instanceType, subnet);
        if (associatePublicIp == true)
            throw Ec2Errors.InvalidParameterCombination($"The associatePublicIPAddress parameter cannot be true for IPv6-only subnet {subnet.Id}: it has no IPv4 addresses.");
    }

    /// <summary>The IPv6 block of an IPv6-only subnet is its only range: it cannot be disassociated.</summary>
    internal static void CheckDisassociate(Subnet subnet)
    {
        if (subnet.Ipv6Native)
            throw Ec2Errors.InvalidParameterValue($"The IPv6 CIDR block of IPv6-only subnet {subnet.Id} cannot be disassociated: it is the subnet's only address range.");
    }

    /// <summary>ModifySubnetAttribute's PrivateDnsHostnameTypeOnLaunch, EnableResourceNameDnsARecordOnLaunch and
    /// EnableResourceNameDnsAAAARecordOnLaunch (the subnet unchanged when none is given).</summary>
    internal static Subnet ModifyHostnameOptions(Subnet subnet, ModifySubnetAttributeRequest request)
    {
        if (request.PrivateDnsHostnameTypeOnLaunch is null && request.EnableResourceNameDnsARecordOnLaunch is null
            && request.EnableResourceNameDnsAAAARecordOnLaunch is null)
            return subnet;
        var options = HostnameOptions.Apply(subnet.PrivateDnsNameOptionsOnLaunch, request.PrivateDnsHostnameTypeOnLaunch,
            Value(request.EnableResourceNameDnsARecordOnLaunch, "EnableResourceNameDnsARecordOnLaunch.Value"),
            Value(request.EnableResourceNameDnsAAAARecordOnLaunch, "EnableResourceNameDnsAAAARecordOnLaunch.Value"),
            "privateDnsHostnameTypeOnLaunch");
        HostnameOptions.CheckForSubnet(subnet, options.HostnameType);
        return subnet with { PrivateDnsNameOptionsOnLaunch = options };
    }

    private static bool? Value(AttributeBooleanValue? attribute, string parameter) =>
        attribute is null ? null : attribute.Value ?? throw Ec2Errors.MissingParameter(parameter);
}
