using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>AWS's rules for hostname types and resource-name DNS records (EC2 User Guide, "Amazon EC2 instance
/// hostname types", https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-naming.html;
/// docs/semantics.md#ipv6-only-subnets): the one home of "an IPv4-only subnet's instances are named by IPv4 address,
/// an IPv6-only subnet's by instance id, a dual-stack subnet's either way", shared by ModifySubnetAttribute,
/// RunInstances and ModifyPrivateDnsNameOptions.</summary>
internal static class HostnameOptions
{
    /// <summary>The wire values ip-name and resource-name.</summary>
    internal static HostnameType Parse(string text, string parameter) => text switch
    {
        "ip-name" => HostnameType.IpName,
        "resource-name" => HostnameType.ResourceName,
        _ => throw Ec2Errors.InvalidParameterValue($"Value ({text}) for parameter {parameter} is invalid. Valid values: ip-name, resource-name"),
    };

    internal static string Name(HostnameType type) => type == HostnameType.ResourceName ? "resource-name" : "ip-name";

    /// <summary>AWS: "For IPv6 only subnets, an instance DNS name must be based on the instance ID"; an IP name needs a
    /// private IPv4 to name.</summary>
    internal static void CheckForSubnet(Subnet subnet, HostnameType type)
    {
        if (type == HostnameType.IpName && subnet.CidrBlock is null)
            throw Ec2Errors.InvalidParameterCombination($"Subnet {subnet.Id} is an IPv6-only subnet: instance hostnames must be based on the instance ID (resource-name), not on an IPv4 address (ip-name).");
    }

    /// <summary>The options a new subnet gets: resource names in an IPv6-only subnet (AWS: "resource name is used
    /// automatically"), IP names otherwise; no resource-name records until asked for (choice,
    /// docs/semantics.md#ipv6-only-subnets).</summary>
    internal static PrivateDnsNameOptions ForNewSubnet(bool ipv6Native) =>
        ipv6Native ? PrivateDnsNameOptions.Ipv6Only : PrivateDnsNameOptions.Default;

    /// <summary>One instance's options at launch: the request's members over the subnet's PrivateDnsNameOptionsOnLaunch,
    /// checked against the subnet.</summary>
    internal static PrivateDnsNameOptions AtLaunch(Subnet subnet, PrivateDnsNameOptionsRequest? request)
    {
        var options = subnet.PrivateDnsNameOptionsOnLaunch;
        if (request is null)
            return options;
        options = Apply(options, request.HostnameType, request.EnableResourceNameDnsARecord, request.EnableResourceNameDnsAAAARecord, "PrivateDnsNameOptions.HostnameType");
        CheckForSubnet(subnet, options.HostnameType);
        return options;
    }

    /// <summary>The given members over <paramref name="options"/>.</summary>
    internal static PrivateDnsNameOptions Apply(PrivateDnsNameOptions options, string? hostnameType, bool? a, bool? aaaa, string parameter) =>
        options with
        {
            HostnameType = hostnameType is null ? options.HostnameType : Parse(hostnameType, parameter),
            EnableResourceNameDnsARecord = a ?? options.EnableResourceNameDnsARecord,
            EnableResourceNameDnsAAAARecord = aaaa ?? options.EnableResourceNameDnsAAAARecord,
        };
}
