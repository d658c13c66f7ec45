using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>The instance type's network limits where interfaces meet instances: how many interfaces an instance
/// may have, and whether an interface's addresses fit the type (docs/semantics.md#instance-types). A type the
/// catalogue does not list is not bounded here.</summary>
internal static class InstanceTypeLimits
{
    /// <summary>RunInstances: the interfaces of the launch.</summary>
    public static void CheckLaunch(string? instanceType, int interfaces)
    {
        if (InstanceTypeCatalog.Find(instanceType) is { } type && interfaces > type.MaxNetworkInterfaces)
            throw InstanceTypeErrors.TooManyInterfaces(interfaces, type.Name);
    }

    /// <summary>An instance with an interface in an IPv6-only subnet must be of a Nitro type (the catalogue's
    /// hypervisor; a type the catalogue does not list, such as the default m1.small, is not known to be Nitro)
    /// (docs/semantics.md#ipv6-only-subnets).</summary>
    public static void CheckIpv6OnlySubnet(string? instanceType, Subnet subnet)
    {
        if (subnet.Ipv6Native && InstanceTypeCatalog.Find(instanceType) is not { Hypervisor: "nitro" })
            throw InstanceTypeErrors.NotNitroForIpv6OnlySubnet(instanceType ?? InstanceOperations.DefaultInstanceType, subnet.Id.Value);
    }

    /// <summary>AttachNetworkInterface (or RunInstances with an existing interface): the instance's interface count
    /// after attaching, and the interface's addresses against the type's per-interface limits.</summary>
    public static void CheckAttach(string? instanceType, int interfacesAfter, NetworkInterface eni)
    {
        CheckLaunch(instanceType, interfacesAfter);
        var (max4, max6) = InstanceTypeCatalog.AddressesPerInterface(instanceType);
        if (eni.PrivateIpAddresses.Length > max4)
            throw NetworkInterfaceErrors.PrivateIpAddressLimitExceeded(max4);
        if (eni.Ipv6Addresses.Length > max6)
            throw Ec2Errors.InvalidParameterValue($"The interface {eni.Id} has {Ec2Errors.S(eni.Ipv6Addresses.Length)} IPv6 addresses; {instanceType} allows {Ec2Errors.S(max6)} per interface.");
    }
}
