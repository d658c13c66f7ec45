namespace VpcLab.Model;

/// <summary>An instance's hostname options, or a subnet's options for instances launched into it
/// (PrivateDnsNameOptionsOnLaunch): the hostname type, and whether the Amazon resolver answers A and AAAA queries for
/// the resource name. An IP name's A record is always answered, whatever these say (EC2 User Guide, "Amazon EC2
/// instance hostname types"; docs/semantics.md#ipv6-only-subnets).</summary>
public sealed record PrivateDnsNameOptions(HostnameType HostnameType, bool EnableResourceNameDnsARecord, bool EnableResourceNameDnsAAAARecord)
{
    /// <summary>What AWS gives a subnet with an IPv4 range, and an instance launched into one: IP names, no
    /// resource-name records.</summary>
    public static readonly PrivateDnsNameOptions Default = new(HostnameType.IpName, false, false);

    /// <summary>What a new IPv6-only subnet has: resource names (AWS: "resource name is used automatically"); its
    /// A and AAAA record options start off, as the API's booleans do, until ModifySubnetAttribute turns them on
    /// (choice, docs/semantics.md#ipv6-only-subnets).</summary>
    public static readonly PrivateDnsNameOptions Ipv6Only = new(HostnameType.ResourceName, false, false);
}
