using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>What the lab knows of one Region: its zones, the IPv6 pool Amazon-provided /56s come from, the
/// public IPv4 pool Elastic and auto-assigned public IPs come from, the AWS-managed prefix lists, and whether it
/// is an opt-in Region.</summary>
public sealed record RegionInfo(
    string Name, ImmutableArray<AvailabilityZone> Zones, Cidr Ipv6Pool, Cidr PublicIpv4Pool,
    ImmutableArray<AwsManagedPrefixListInfo> ManagedPrefixLists, bool OptInRequired = false);
