using VpcLab.Engine;
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

    /// <summary>Addresses the engine answers itself (the Amazon DNS resolver and the instance metadata service, IPv4 and
    /// IPv6) and the link-local blocks they sit in: never the internet (<see cref="FlowSpace"/> leaves them out).</summary>
    public static readonly Cidr[] LinkLocal =
        [Cidr.Parse("169.254.0.0/16"), Cidr.Parse("169.254.169.253/32"), Cidr.Parse("169.254.169.254/32"),
         Cidr.Parse("fd00:ec2::/64"), Cidr.Parse("fd00:ec2::253/128"), Cidr.Parse("fd00:ec2::254/128"), Cidr.Parse("fe80::/10")];

    private readonly SortedSet<UInt128> _v4 = [0, (UInt128)uint.MaxValue + 1];
    private readonly SortedSet<UInt128> _v6 = [0];
    private readonly SortedSet<int> _ports = [0, ushort.MaxValue + 1];

    private readonly SortedSet<int> _icmp = [0, ushort.MaxValue + 1];

    /// <summary>Source-port cuts: only network ACL entries see a source port (as the reply's destination port on the
    /// return path; security group rules and listeners match destination ports, and security groups pass replies by
    /// connection tracking), shifted back by a NAT gateway's mapping of ports below 1024
    /// (docs/semantics.md#reach).</summary>
    private readonly SortedSet<int> _sourcePorts = [0, PortRange.Ephemeral.From, ushort.MaxValue + 1];

    public static HeaderCuts Of(Network network) => Of(network, [], []);

    /// <summary>Cuts from rules and routes only, without the single addresses of interfaces, Elastic IPs and public IPs
    /// nor subnet blocks: between two of these cuts, sources outside every VPC differ only by which of them the world
    /// owns, which <see cref="InternetReach"/> leaves out (a world's own public address is not the internet).</summary>
    public static HeaderCuts OfRules(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var cuts = new HeaderCuts();
        foreach (var cidr in RuleCidrs(network).Concat(RefusedSources.Select(Cidr.Parse)).Concat(LinkLocal))
            cuts.Add(cidr);
        cuts.AddPortCuts(network, []);
        return cuts;
    }

    /// <summary>The world's cuts plus <paramref name="cidrs"/> and <paramref name="ports"/> a question names (a policy's
    /// "only from 10.0.0.0/8", the S3 ranges, "tcp/22"), so that an answer never straddles the question's own boundary.</summary>
    public static HeaderCuts Of(Network network, IEnumerable<Cidr> cidrs, IEnumerable<PortRange> ports) => Of(network, cidrs, ports, []);

    /// <summary>As <see cref="Of(Network, IEnumerable{Cidr}, IEnumerable{PortRange})"/>, with the source-port ranges a
    /// question names (an access scope's <c>SourcePorts</c>) cut too.</summary>
    public static HeaderCuts Of(Network network, IEnumerable<Cidr> cidrs, IEnumerable<PortRange> ports, IEnumerable<PortRange> sourcePorts)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(sourcePorts);
        var cuts = new HeaderCuts();
        foreach (var cidr in RuleCidrs(network).Concat(HostCidrs(network)).Concat(RefusedSources.Select(Cidr.Parse)).Concat(LinkLocal).Concat(cidrs))
            cuts.Add(cidr);
        cuts.AddPortCuts(network, ports);
        foreach (var range in sourcePorts)
        {
            cuts._sourcePorts.Add(range.From);
            cuts._sourcePorts.Add(range.To + 1);
        }
        return cuts;
    }

    private void AddPortCuts(Network network, IEnumerable<PortRange> ports)
    {
        foreach (var range in ports)
        {
            // A question names destination ports and ICMP values, never a source port.
            AddPorts(range.From, range.To);
            AddIcmp(range.From, range.To);
        }
        foreach (var rule in network.SecurityGroups.Values.SelectMany(g => g.Rules))
        {
            if (rule.Protocol.Number is 6 or 17 && rule.FromPort >= 0)
                AddPorts(rule.FromPort, rule.ToPort);
            else if (rule.Protocol.IsIcmp && rule.FromPort >= 0)
                AddIcmpType(rule.FromPort, rule.ToPort);
        }
        foreach (var entry in network.NetworkAcls.Values.SelectMany(a => a.Entries))
        {
            if (entry.PortRange is { } range)
            {
                AddPorts(range.From, range.To);
                AddSourcePorts(range.From, range.To);
            }
            if (entry.Icmp is { Type: >= 0 } icmp)
                AddIcmpType(icmp.Type, icmp.Code);
        }
        // The engine tells these ICMP types apart by itself: echo request and reply (the request has a reply, whose
        // codes a rule on the reply type may split), and the error messages security groups pass as related.
        foreach (var type in IntrinsicIcmpTypes)
            AddIcmpType(type, -1);
        MirrorEchoCodes();
    }

    /// <summary>A source-port range's ends, and where a NAT gateway's mapping (port + 1024 below 1024) puts them.</summary>
    private void AddSourcePorts(int from, int to)
    {
        foreach (var cut in new[] { from, to + 1 })
        {
            _sourcePorts.Add(cut);
            if (cut > PortRange.Ephemeral.From && cut < 2 * PortRange.Ephemeral.From)
                _sourcePorts.Add(cut - PortRange.Ephemeral.From);
        }
    }

    private static readonly int[] IntrinsicIcmpTypes = [0, 3, 4, 5, 8, 11, 12, 1, 2, 128, 129];

    private void AddIcmpType(int type, int code)
    {
        if (type is < 0 or > 255)
            return;
        if (code is >= 0 and <= 255)
            AddIcmp(type * 256 + code, type * 256 + code);
        else
            AddIcmp(type * 256, type * 256 + 255);
    }

    private void AddIcmp(int from, int to)
    {
        _icmp.Add(from);
        _icmp.Add(to + 1);
    }

    /// <summary>An echo request's piece must not straddle a code boundary of its reply (type 8 ↔ 0, 128 ↔ 129): the
    /// reply of code c is checked by the return path's NACL.</summary>
    private void MirrorEchoCodes()
    {
        foreach (var (request, reply) in new[] { (8, 0), (128, 129) })
        {
            foreach (var cut in _icmp.Where(c => c > reply * 256 && c < (reply + 1) * 256).ToArray())
                _icmp.Add(request * 256 + cut - reply * 256);
            foreach (var cut in _icmp.Where(c => c > request * 256 && c < (request + 1) * 256).ToArray())
                _icmp.Add(reply * 256 + cut - request * 256);
        }
    }

    private static IEnumerable<Cidr> RuleCidrs(Network n) =>
        n.Vpcs.Values.SelectMany(v => v.CidrBlocks.Concat(v.Ipv6CidrBlocks).Select(b => b.Cidr))
            .Concat(n.RouteTables.Values.SelectMany(t => t.Routes).Where(r => r.Destination.Cidr is not null).Select(r => r.Destination.Cidr!.Value))
            .Concat(n.PrefixLists.Values.SelectMany(p => p.Entries).Select(e => e.Cidr))
            .Concat(n.SecurityGroups.Values.SelectMany(g => g.Rules).Select(r => r.Peer).OfType<CidrPeer>().Select(p => p.Cidr))
            .Concat(n.NetworkAcls.Values.SelectMany(a => a.Entries).Select(e => e.Cidr));

    private static IEnumerable<Cidr> HostCidrs(Network n) =>
        n.Subnets.Values.Where(s => s.CidrBlock is not null).Select(s => s.CidrBlock!.Value)
            .Concat(n.Subnets.Values.Where(s => s.Ipv6Cidr is not null).Select(s => s.Ipv6Cidr!.Value))
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

    /// <summary>Which piece of its family's address space holds <paramref name="address"/> (0 for the first): two
    /// addresses of one piece are told apart by no rule or route.</summary>
    public int PieceOf(IpAddress address)
    {
        var cuts = address.Family == IpFamily.V4 ? _v4Array ??= [.. _v4] : _v6Array ??= [.. _v6];
        int at = Array.BinarySearch(cuts, address.Value);
        return at >= 0 ? at : ~at - 1;
    }

    private UInt128[]? _v4Array, _v6Array;

    /// <summary>The pieces of the port range 0–65535.</summary>
    public IEnumerable<PortRange> Ports() => Pieces(_ports);

    /// <summary>The pieces of the source-port range 0–65535 (coarser than <see cref="Ports"/>: see the field).</summary>
    public IEnumerable<PortRange> SourcePorts() => Pieces(_sourcePorts);

    /// <summary>The pieces of the values a protocol's packets carry in <see cref="Engine.FlowKey.DestinationPort"/>:
    /// ports for TCP and UDP, type × 256 + code for ICMP and ICMPv6, and the one value 0 for other protocols.</summary>
    public IEnumerable<PortRange> Values(IpProtocol protocol) => protocol.Number switch
    {
        6 or 17 => Pieces(_ports),
        1 or 58 => Pieces(_icmp),
        _ => [PortRange.Single(0)],
    };

    /// <summary>The pieces of <see cref="Values"/> a sender can open: ICMP and ICMPv6 error messages are left out, since
    /// a security group admits them only as part of a connection the receiver opened
    /// (docs/semantics.md#sg-icmp-errors; docs/check.md#traffic).</summary>
    public IEnumerable<PortRange> OpenableValues(IpProtocol protocol) =>
        Values(protocol).Where(piece => !protocol.IsIcmp || !FlowKey.IsIcmpErrorType(protocol, piece.From >> 8));

    private static IEnumerable<PortRange> Pieces(SortedSet<int> set)
    {
        var cuts = set.ToArray();
        for (int i = 0; i + 1 < cuts.Length; i++)
            yield return new PortRange((ushort)cuts[i], (ushort)(cuts[i + 1] - 1));
    }
}
