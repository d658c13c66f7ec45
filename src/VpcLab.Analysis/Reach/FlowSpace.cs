using System.Collections.Immutable;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>The header space of one world, cut into pieces where some rule, route or question boundary falls
/// (<see cref="HeaderCuts"/>), and the engine's verdict on each piece between two <see cref="ReachEnd"/>s: one
/// <see cref="CompiledNetwork.Decide"/> per (source address, destination piece, value piece, source-port piece) is
/// exact for every packet of it, so nothing is enumerated packet by packet (docs/semantics.md#reach). Compile once,
/// ask many questions.</summary>
public sealed class FlowSpace
{
    private readonly HeaderCuts _cuts;
    private readonly Dictionary<IpFamily, IpAddress[]> _internet;
    private static readonly ushort[] NoPorts = [0];
    private static readonly IpFamily[] V4Only = [IpFamily.V4], V6Only = [IpFamily.V6], BothFamilies = [IpFamily.V4, IpFamily.V6];
    private readonly ushort[] _sourcePorts;
    private readonly ushort[] _ephemeralSourcePorts;
    private readonly Dictionary<(int Protocol, PortRange Values), PortRange[]> _values = [];
    private readonly InterfaceAddresses _addresses;
    private readonly Dictionary<(NetworkInterfaceId, bool FromInternet, IpFamily), IpAddress[]> _destinations = [];

    public FlowSpace(Network network, IEnumerable<Cidr> cidrs, IEnumerable<PortRange> ports)
        : this(network, cidrs, ports, [])
    {
    }

    /// <summary>With the source-port ranges a question names cut too, so that <see cref="Pieces(ReachEnd, ReachEnd, TrafficClass, bool)"/> can be asked for
    /// the source ports inside one of them.</summary>
    public FlowSpace(Network network, IEnumerable<Cidr> cidrs, IEnumerable<PortRange> ports, IEnumerable<PortRange> sourcePorts)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        Compiled = CompiledNetwork.Compile(network);
        var serviceRanges = AwsIpRanges.Default.Ranges.Where(r => r.Service is "S3" or "DYNAMODB").Select(r => r.Prefix);
        _cuts = HeaderCuts.Of(network, cidrs.Concat(serviceRanges), ports.Append(PortRange.Ephemeral), sourcePorts);
        var vpcCidrs = network.Vpcs.Values.SelectMany(v => v.CidrBlocks.Concat(v.Ipv6CidrBlocks)).Select(b => b.Cidr)
            .Concat(HeaderCuts.LinkLocal).ToArray();
        _addresses = new InterfaceAddresses(network);
        var owned = _addresses.AllPublic.ToHashSet();
        _internet = new()
        {
            [IpFamily.V4] = Outside(IpFamily.V4, vpcCidrs, owned),
            [IpFamily.V6] = Outside(IpFamily.V6, vpcCidrs, owned),
        };
        _sourcePorts = SourcePorts(everyEphemeralPort: false);
        _ephemeralSourcePorts = SourcePorts(everyEphemeralPort: true);
    }

    /// <summary>One port per source-port piece (computed once: a network-wide question asks for millions of pairs). The
    /// piece of the usual client port 49152 first, then the other ephemeral ones: a counterexample reads as a client's
    /// connection when one exists.</summary>
    private ushort[] SourcePorts(bool everyEphemeralPort) =>
        [.. _cuts.SourcePorts().Where(p => !everyEphemeralPort || p.From >= PortRange.Ephemeral.From)
            .OrderBy(p => p.Contains(FlowKey.DefaultEphemeralPort) ? 0 : p.From >= PortRange.Ephemeral.From ? 1 : 2)
            .Select(p => p.Contains(FlowKey.DefaultEphemeralPort) ? FlowKey.DefaultEphemeralPort : p.From)];

    /// <summary>The destination-value pieces of a class, in the order <see cref="Pieces(ReachEnd, ReachEnd, TrafficClass, bool)"/> walks them.</summary>
    internal PortRange[] Values(TrafficClass traffic)
    {
        if (!_values.TryGetValue((traffic.Protocol.Number, traffic.Values), out var values))
            _values[(traffic.Protocol.Number, traffic.Values)] = values = [.. ValuesWithin(traffic)];
        return values;
    }

    public Network Network { get; }

    public CompiledNetwork Compiled { get; }

    /// <summary>The engine's verdict on every piece from <paramref name="from"/> to <paramref name="to"/> within
    /// <paramref name="traffic"/>, lazily (a caller looking for one delivered flow stops at the first). A piece is
    /// delivered when some source port gets through, or with <paramref name="everyEphemeralPort"/> when every source
    /// port of 1024–65535 does (a client picks its port there: docs/check.md#expect).</summary>
    public IEnumerable<PieceOutcome> Pieces(ReachEnd from, ReachEnd to, TrafficClass traffic, bool everyEphemeralPort = false) =>
        Pieces(from, to, traffic, everyEphemeralPort, null);

    /// <summary>As <see cref="Pieces(ReachEnd, ReachEnd, TrafficClass, bool)"/>, over the TCP and UDP source ports of
    /// <paramref name="sourcePorts"/> only (one of <see cref="SourcePortPieces"/>, or a union of them) when given: a
    /// piece is delivered when one of those gets through.</summary>
    public IEnumerable<PieceOutcome> Pieces(ReachEnd from, ReachEnd to, TrafficClass traffic, bool everyEphemeralPort, PortRange? sourcePorts)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        if (from is ServiceEnd)
            throw new ArgumentException("An AWS service's public addresses are a destination, not a source.", nameof(from));
        if (from == to)
            yield break;
        int sourceIndex = from is InterfaceEnd i ? Compiled.InterfaceIndexOf(i.Interface) : -1;
        var values = Values(traffic);
        var ports = traffic.Protocol.Number is not (6 or 17) ? NoPorts : everyEphemeralPort ? _ephemeralSourcePorts : _sourcePorts;
        if (sourcePorts is { } within && ports != NoPorts)
            ports = [.. ports.Where(within.Contains)];
        if (ports.Length == 0)
            yield break;
        foreach (var family in Families(traffic.Protocol))
        {
            var destinations = Destinations(from, to, family);
            foreach (var source in Sources(from, family))
            {
                foreach (var destination in destinations)
                {
                    foreach (var piece in values)
                        yield return everyEphemeralPort
                            ? DecideEvery(source, destination, traffic.Protocol, piece, ports, sourceIndex)
                            : Decide(source, destination, traffic.Protocol, piece, ports, sourceIndex);
                }
            }
        }
    }

    /// <summary>The address families a protocol's pieces are walked in: ICMP is IPv4's, ICMPv6 IPv6's.</summary>
    internal static IpFamily[] Families(IpProtocol protocol) => protocol.Number switch { 1 => V4Only, 58 => V6Only, _ => BothFamilies };

    /// <summary>The pieces of the destination values inside the class's range (a piece cut by the range's own ends is
    /// still one piece), without ICMP error messages (<see cref="HeaderCuts.OpenableValues"/>).</summary>
    public IEnumerable<PortRange> ValuesWithin(TrafficClass traffic)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        foreach (var piece in _cuts.OpenableValues(traffic.Protocol))
        {
            int from = Math.Max(piece.From, traffic.Values.From), to = Math.Min(piece.To, traffic.Values.To);
            if (from <= to)
                yield return new PortRange((ushort)from, (ushort)to);
        }
    }

    private PieceOutcome Decide(IpAddress source, IpAddress destination, IpProtocol protocol, PortRange values, ushort[] sourcePorts, int sourceIndex)
    {
        foreach (var sourcePort in sourcePorts)
        {
            var flow = new FlowKey(source, destination, protocol, sourcePort, values.From);
            var decision = Compiled.Decide(in flow, sourceIndex);
            if (decision.IsAccepted)
                return new PieceOutcome(flow, sourceIndex, values, true);
            // Nothing on the forward path reads the source port (rules and listeners match destination ports; only the
            // reply's network ACLs see it), so a forward drop holds for every source port.
            if (decision.DroppedOn == PathDirection.Forward)
                break;
        }
        var port = protocol.Number is 6 or 17 ? FlowKey.DefaultEphemeralPort : (ushort)0;
        return new PieceOutcome(new FlowKey(source, destination, protocol, port, values.From), sourceIndex, values, false);
    }

    private PieceOutcome DecideEvery(IpAddress source, IpAddress destination, IpProtocol protocol, PortRange values, ushort[] sourcePorts, int sourceIndex)
    {
        foreach (var sourcePort in sourcePorts)
        {
            var flow = new FlowKey(source, destination, protocol, sourcePort, values.From);
            if (!Compiled.Decide(in flow, sourceIndex).IsAccepted)
                return new PieceOutcome(flow, sourceIndex, values, false);
        }
        return new PieceOutcome(new FlowKey(source, destination, protocol, sourcePorts[^1], values.From), sourceIndex, values, true);
    }

    /// <summary>One address per source piece of an end, in the order <see cref="Pieces(ReachEnd, ReachEnd, TrafficClass, bool)"/> walks them.</summary>
    internal IpAddress[] Sources(ReachEnd from, IpFamily family) => from switch
    {
        InternetEnd => _internet[family],
        InterfaceEnd e => _addresses.Private(e.Interface, family),
        _ => [],
    };

    /// <summary>One address per destination piece of an end, in the order <see cref="Pieces(ReachEnd, ReachEnd, TrafficClass, bool)"/> walks them.</summary>
    internal IpAddress[] Destinations(ReachEnd from, ReachEnd to, IpFamily family)
    {
        switch (to)
        {
            case InternetEnd:
                return _internet[family];
            case InterfaceEnd e:
                var key = (e.Interface, from is InternetEnd, family);
                if (!_destinations.TryGetValue(key, out var addresses))
                {
                    var publics = _addresses.Public(e.Interface);
                    var all = from is InternetEnd ? publics.Concat(_addresses.Private(e.Interface).Where(a => a.Family == IpFamily.V6))
                        : _addresses.Private(e.Interface).Concat(publics);
                    _destinations[key] = addresses = [.. all.Where(a => a.Family == family).Distinct()];
                }
                return addresses;
            case ServiceEnd service when from is InterfaceEnd source && Network.NetworkInterfaces.GetValueOrDefault(source.Interface) is { } sender:
                var ranges = AwsIpRanges.Default.PrefixesOf(sender.Region, service.Service).Where(c => c.Family == family).ToArray();
                return [.. _cuts.Addresses(family).Select(p => Address(family, p.First)).Where(a => ranges.Any(r => r.Contains(a)))];
            default:
                return [];
        }
    }

    private IpAddress[] Outside(IpFamily family, Cidr[] vpcCidrs, HashSet<IpAddress> owned) =>
        [.. _cuts.Addresses(family).Select(p => Address(family, p.First)).Where(a => !owned.Contains(a) && !vpcCidrs.Any(c => c.Contains(a)))];

    private static IpAddress Address(IpFamily family, UInt128 value) => family == IpFamily.V4 ? IpAddress.V4((uint)value) : IpAddress.V6(value);

    /// <summary>The pieces of the source-port range: no rule, nor the question's own source ports, tells two ports of a
    /// piece apart.</summary>
    public IEnumerable<PortRange> SourcePortPieces => _cuts.SourcePorts();

    /// <summary>The interfaces of the world, in id order.</summary>
    public ImmutableArray<NetworkInterfaceId> Interfaces =>
        [.. Network.NetworkInterfaces.Keys.OrderBy(k => k.Value, StringComparer.Ordinal)];
}
