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

    /// <summary>What an IPv6-only subnet has (choice, docs/semantics.md#ipv6-only-subnets): resource names with
    /// AAAA records, since its instances have no IPv4 to answer an A query with.</summary>
    public static readonly PrivateDnsNameOptions Ipv6Only = new(HostnameType.ResourceName, false, true);
}
