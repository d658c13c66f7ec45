using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>A DHCP options set (dopt-…): what a VPC's DHCP server hands out (domain name, DNS, NTP and NetBIOS
/// servers), per account and Region. A VPC names its set in <see cref="Vpc.DhcpOptionsId"/>; the set has no effect on
/// routing or filtering.</summary>
public sealed record DhcpOptionsSet(string Id, AccountId OwnerId, string Region, ImmutableArray<KeyValuePair<string, ImmutableArray<string>>> Configurations);
