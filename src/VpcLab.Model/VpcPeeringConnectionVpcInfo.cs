using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>One end of a peering connection: whose VPC, where, its CIDRs as of acceptance, and its options.</summary>
public sealed record VpcPeeringConnectionVpcInfo(
    AccountId OwnerId, string Region, VpcId VpcId, ImmutableArray<Cidr> CidrBlocks, ImmutableArray<Cidr> Ipv6CidrBlocks,
    bool AllowDnsResolutionFromRemoteVpc);
