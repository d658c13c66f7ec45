using System.Collections.Frozen;
using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>One AWS service's public DNS name in one Region (sns.us-east-1.amazonaws.com) and the public address
/// public DNS gives it; a dual-stack name (s3.dualstack.us-east-1.amazonaws.com) also has an IPv6 address (its AAAA
/// record).</summary>
public sealed record AwsServicePublicName(string Name, string ServiceName, string Region, IpAddress PublicAddress,
    bool PrivateDnsSupported)
{
    /// <summary>The AAAA record of a dual-stack name; null for an IPv4-only name.</summary>
    public IpAddress? PublicIpv6Address { get; init; }

    /// <summary>The addresses public DNS answers: the A record, then the AAAA record if any.</summary>
    public ImmutableArray<IpAddress> PublicAddresses => PublicIpv6Address is { } v6 ? [PublicAddress, v6] : [PublicAddress];
}
