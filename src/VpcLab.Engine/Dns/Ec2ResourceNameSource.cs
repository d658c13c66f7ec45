using System.Collections.Frozen;
using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>The resource names of EC2 instances (i-0123456789abcdef0.ec2.internal; EC2 User Guide, "Amazon EC2
/// instance hostname types", https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-naming.html;
/// docs/semantics.md#ipv6-only-subnets). Unlike an IP name, whose A record is always answered, a resource name answers
/// an A query only with EnableResourceNameDnsARecord and an AAAA query only with EnableResourceNameDnsAAAARecord (the
/// instance's PrivateDnsNameOptions), with its primary interface's primary private IPv4 and first IPv6 address; like
/// an IP name it is private, resolvable only inside the instance's VPC.</summary>
public sealed class Ec2ResourceNameSource : IDnsRecordSource
{
    private sealed record ResourceRecord(VpcId Vpc, InstanceId Instance, PrivateDnsNameOptions Options, IpAddress? Ipv4, IpAddress? Ipv6);

    private readonly FrozenDictionary<string, ResourceRecord> _names;

    public Ec2ResourceNameSource(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var names = new Dictionary<string, ResourceRecord>(StringComparer.Ordinal);
        foreach (var instance in network.Instances.Values)
        {
            if (instance.State == InstanceState.Terminated
                || !network.NetworkInterfaces.TryGetValue(instance.PrimaryNetworkInterface, out var primary))
                continue;
            IpAddress? v6 = primary.Ipv6Addresses.IsDefaultOrEmpty ? null : primary.Ipv6Addresses[0];
            names[Ec2Hostnames.Resource(instance.Id.Value, instance.Region)] =
                new ResourceRecord(instance.VpcId, instance.Id, instance.PrivateDnsNameOptions, primary.PrimaryPrivateIpv4, v6);
        }
        _names = names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public DnsAnswer? Answer(DnsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!_names.TryGetValue(query.Name, out var r))
            return null;
        if (query.From?.Id != r.Vpc)
        {
            return new DnsAnswer(query.Name, query.FromText, DnsStatus.NxDomain, DnsRule.PrivateHostnameOutsideItsVpc, [],
                $"a resource name resolves only inside its instance's VPC ({r.Vpc})")
            { ResourceId = r.Instance.Value };
        }
        var addresses = ImmutableArray.CreateBuilder<IpAddress>(2);
        if (r.Options.EnableResourceNameDnsARecord && r.Ipv4 is { } v4)
            addresses.Add(v4);
        if (r.Options.EnableResourceNameDnsAAAARecord && r.Ipv6 is { } v6)
            addresses.Add(v6);
        if (addresses.Count == 0)
        {
            return new DnsAnswer(query.Name, query.FromText, DnsStatus.NoData, DnsRule.ResourceNameRecordsOff, [], WhyNoRecords(r))
            { ResourceId = r.Instance.Value };
        }
        return new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.ResourceName, addresses.ToImmutable(),
            $"the resource name of {r.Instance}, asked inside its VPC {r.Vpc}: {Records(r.Options)}")
        { ResourceId = r.Instance.Value };
    }

    private static string Records(PrivateDnsNameOptions o) =>
        (o.EnableResourceNameDnsARecord, o.EnableResourceNameDnsAAAARecord) switch
        {
            (true, true) => "A and AAAA records enabled",
            (true, false) => "A records enabled, AAAA records off",
            _ => "AAAA records enabled, A records off",
        };

    private static string WhyNoRecords(ResourceRecord r)
    {
        var o = r.Options;
        if (!o.EnableResourceNameDnsARecord && !o.EnableResourceNameDnsAAAARecord)
            return $"{r.Instance} answers neither A nor AAAA queries for its resource name (EnableResourceNameDnsARecord and EnableResourceNameDnsAAAARecord are off)";
        return o.EnableResourceNameDnsARecord
            ? $"{r.Instance} has A records on but no private IPv4 (an IPv6-only instance), and AAAA records off"
            : $"{r.Instance} has AAAA records on but no IPv6 address, and A records off";
    }
}
