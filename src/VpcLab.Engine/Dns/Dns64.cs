using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>DNS64 of the Route 53 Resolver for a subnet with EnableDns64 on (VPC User Guide, "DNS64 and NAT64",
/// https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html): a record with an IPv6 address is
/// returned as it is; a name with no IPv6 address gets one synthesised per IPv4 address by prepending 64:ff9b::/96.
/// The A answer stays, so the addresses are the IPv4 ones followed by their synthesised AAAA.</summary>
internal static class Dns64
{
    public static DnsAnswer Synthesise(DnsAnswer answer, SubnetId subnet)
    {
        if (!answer.Resolved || answer.Addresses.Any(a => a.IsV6))
            return answer;
        var synthesised = answer.Addresses.Where(a => a.IsV4).Select(a => Nat64Address.Embed(a));
        return answer with
        {
            Addresses = [.. answer.Addresses, .. synthesised],
            Explanation = $"{answer.Explanation}; DNS64 of {subnet}: no AAAA record, so 64:ff9b::/96 + each A record",
            Dns64Subnet = subnet,
        };
    }
}
