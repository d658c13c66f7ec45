using System.Collections.Immutable;

namespace VpcLab.Model;

/// <summary>Which address records the endpoint's DNS names get (DnsOptions.DnsRecordIpType).</summary>
public enum VpcEndpointDnsRecordIpType
{
    Ipv4,
    Dualstack,
    Ipv6,
    ServiceDefined,
}
