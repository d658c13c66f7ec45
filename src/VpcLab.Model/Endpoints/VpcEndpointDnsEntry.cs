using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>One DNS name of an endpoint as DescribeVpcEndpoints lists it (dnsEntrySet/item), with the zone it
/// belongs to (null for the regional and private names).</summary>
public sealed record VpcEndpointDnsEntry(string DnsName, string HostedZoneId, string? AvailabilityZone, bool IsPrivateDnsName);
