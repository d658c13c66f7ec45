using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>Where the header space must be split so that every packet of a piece is treated alike: the first address
/// of every CIDR the world names and the one after its last (routes, prefix lists, group rules, NACL entries, VPCs and
/// subnets, interface and public addresses, and the ranges the internet gateway refuses as sources), and the first port
/// of every port range and the one after its last. Between two cuts no rule or route can tell packets apart, so one
/// packet decides for the whole piece (docs/semantics.md#reach).</summary>
internal sealed class HeaderCuts
{
    /// <summary>RFC 1918 and RFC 6598 sources, which the internet gateway drops.</summary>
    private static readonly string[] RefusedSources = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"];

    private readonly SortedSet<UInt128> _v4 = [0, (UInt128)uint.MaxValue + 1];
    private readonly SortedSet<UInt128> _v6 = [0];
    private readonly SortedSet<int> _ports = [0, ushort.MaxValue + 1];

    public static HeaderCuts Of(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var cuts = new HeaderCuts();
        foreach (var cidr in Cidrs(network).Concat(RefusedSources.Select(Cidr.Parse)))
            cuts.Add(cidr);
        foreach (var rule in network.SecurityGroups.Values.SelectMany(g => g.Rules).Where(r => r.Protocol.Number is 6 or 17 && r.FromPort >= 0))
            cuts.AddPorts(rule.FromPort, rule.ToPort);
        foreach (var entry in network.NetworkAcls.Values.SelectMany(a => a.Entries))
        {
            if (entry.PortRange is { } range)
                cuts.AddPorts(range.From, range.To);
        }
        return cuts;
    }

    private static IEnumerable<Cidr> Cidrs(Network n) =>
        n.Vpcs.Values.SelectMany(v => v.CidrBlocks.Concat(v.Ipv6CidrBlocks).Select(b => b.Cidr))
            .Concat(n.Subnets.Values.Select(s => s.CidrBlock))
            .Concat(n.Subnets.Values.Where(s => s.Ipv6Cidr is not null).Select(s => s.Ipv6Cidr!.Value))
            .Concat(n.RouteTables.Values.SelectMany(t => t.Routes).Where(r => r.Destination.Cidr is not null).Select(r => r.Destination.Cidr!.Value))
            .Concat(n.PrefixLists.Values.SelectMany(p => p.Entries).Select(e => e.Cidr))
            .Concat(n.SecurityGroups.Values.SelectMany(g => g.Rules).Select(r => r.Peer).OfType<CidrPeer>().Select(p => p.Cidr))
            .Concat(n.NetworkAcls.Values.SelectMany(a => a.Entries).Select(e => e.Cidr))
            .Concat(n.NetworkInterfaces.Values.SelectMany(e => e.AllPrivateAddresses).Select(Cidr.Host))
            .Concat(n.ElasticIps.Values.Select(e => Cidr.Host(e.PublicIp)))
            .Concat(n.NetworkInterfaces.Values.SelectMany(e => e.PrivateIpAddresses).Where(p => p.AutoAssignedPublicIp is not null)
                .Select(p => Cidr.Host(p.AutoAssignedPublicIp!.Value)));

    private void Add(Cidr cidr)
    {
        var set = cidr.IsV4 ? _v4 : _v6;
        set.Add(cidr.First.Value);
        if (cidr.Last.Value != UInt128.MaxValue)
            set.Add(cidr.Last.Value + 1);
    }

    private void AddPorts(int from, int to)
    {
        _ports.Add(from);
        _ports.Add(to + 1);
    }

    /// <summary>The pieces of one family's address space, as [first, last] pairs.</summary>
    public IEnumerable<(UInt128 First, UInt128 Last)> Addresses(IpFamily family)
    {
        // IPv4 ends with the cut after 255.255.255.255; IPv6 runs to the last address.
        var cuts = (family == IpFamily.V4 ? _v4 : _v6).ToArray();
        int pieces = family == IpFamily.V4 ? cuts.Length - 1 : cuts.Length;
        for (int i = 0; i < pieces; i++)
        {
            var last = i + 1 < cuts.Length ? cuts[i + 1] - 1 : UInt128.MaxValue;
            yield return (cuts[i], last);
        }
    }

    /// <summary>The pieces of the port range 0–65535.</summary>
    public IEnumerable<PortRange> Ports()
    {
        var cuts = _ports.ToArray();
        for (int i = 0; i + 1 < cuts.Length; i++)
            yield return new PortRange((ushort)cuts[i], (ushort)(cuts[i + 1] - 1));
    }
}
