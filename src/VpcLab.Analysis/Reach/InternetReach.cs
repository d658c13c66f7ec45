using System.Collections.Immutable;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>"What does the internet reach": for every public IPv4 and every IPv6 address of every interface, the TCP
/// and UDP destination ports some internet host can open a connection to (the reply included), and the ICMP (IPv4) and
/// ICMPv6 (IPv6) types and codes, as type × 256 + code, it can send (with the reply for an echo request), except the
/// error messages (<see cref="HeaderCuts.OpenableValues"/>). Computed
/// over header sets: the source address, source port and destination port are cut only where some rule or route
/// boundary falls (<see cref="HeaderCuts"/>), so the engine's <see cref="CompiledNetwork.Decide"/> on one packet per
/// piece is exact for every packet of it; nothing is enumerated packet by packet (docs/semantics.md#reach). Sources
/// inside a VPC's CIDR and the world's own public addresses are not the internet and are left out, so the source
/// address is cut only by rules and routes, never by the world's single addresses, and the source port only where a
/// network ACL entry's ports end (<see cref="HeaderCuts.SourcePorts"/>); an egress-only gateway never lets a connection
/// in, which the engine decides.</summary>
public static class InternetReach
{
    public static readonly ImmutableArray<IpProtocol> Protocols = [IpProtocol.Tcp, IpProtocol.Udp, IpProtocol.Icmp, IpProtocol.Icmpv6];

    private static readonly ushort[] NoPorts = [0];

    public static ImmutableArray<InternetExposure> Compute(Network network) => Compute(network, null);

    /// <summary>As <see cref="Compute(Network)"/>, for the addresses of <paramref name="interfaces"/> only (every
    /// interface when null).</summary>
    public static ImmutableArray<InternetExposure> Compute(Network network, IReadOnlySet<NetworkInterfaceId>? interfaces)
    {
        ArgumentNullException.ThrowIfNull(network);
        var compiled = CompiledNetwork.Compile(network);
        var cuts = HeaderCuts.Of(network);
        var sourceCuts = HeaderCuts.OfRules(network);
        var vpcCidrs = network.Vpcs.Values.SelectMany(v => v.CidrBlocks.Concat(v.Ipv6CidrBlocks)).Select(b => b.Cidr)
            .Concat(HeaderCuts.LinkLocal).ToArray();
        var addresses = new InterfaceAddresses(network);
        var owned = addresses.AllPublic.Concat(network.ElasticIps.Values.Select(e => e.PublicIp)).ToHashSet();
        var sources = new Dictionary<IpFamily, IpAddress[]>
        {
            [IpFamily.V4] = Sources(sourceCuts, IpFamily.V4, vpcCidrs, owned),
            [IpFamily.V6] = Sources(sourceCuts, IpFamily.V6, vpcCidrs, owned),
        };
        var values = Protocols.ToDictionary(p => p.Number, p => cuts.OpenableValues(p).ToArray());
        var sourcePorts = sourceCuts.SourcePorts().Select(p => p.From).ToArray();
        var result = ImmutableArray.CreateBuilder<InternetExposure>();
        foreach (var (eni, address) in Destinations(network, addresses).Where(d => interfaces is null || interfaces.Contains(d.Interface)))
        {
            foreach (var protocol in Protocols.Where(p => new TrafficClass(p, PortRange.All).AppliesTo(address.Family)))
            {
                if (Exposure(compiled, eni, address, protocol, sources[address.Family], values[protocol.Number],
                        protocol.HasPorts ? sourcePorts : NoPorts) is { } exposure)
                    result.Add(exposure);
            }
        }
        return result.ToImmutable();
    }

    private static InternetExposure? Exposure(CompiledNetwork compiled, NetworkInterfaceId eni, IpAddress address, IpProtocol protocol,
        IpAddress[] sources, PortRange[] ports, ushort[] sourcePorts)
    {
        var open = new List<PortRange>();
        FlowKey? example = null;
        foreach (var destinationPorts in ports)
        {
            if (Opens(compiled, address, protocol, sources, sourcePorts, destinationPorts.From) is not { } flow)
                continue;
            example ??= flow;
            if (open.Count > 0 && open[^1].To + 1 == destinationPorts.From)
                open[^1] = new PortRange(open[^1].From, destinationPorts.To);
            else
                open.Add(destinationPorts);
        }
        return example is { } e ? new InternetExposure(eni, address, protocol, [.. open], e) : null;
    }

    /// <summary>A flow from some source piece and source-port piece that the engine delivers, or null.</summary>
    private static FlowKey? Opens(CompiledNetwork compiled, IpAddress address, IpProtocol protocol, IpAddress[] sources,
        ushort[] sourcePorts, ushort destinationPort)
    {
        foreach (var source in sources)
        {
            foreach (var sourcePort in sourcePorts)
            {
                var flow = new FlowKey(source, address, protocol, sourcePort, destinationPort);
                var decision = compiled.Decide(in flow, -1);
                if (decision.IsAccepted)
                    return flow;
                // A forward drop holds for every source port (FlowSpace's Decide says why).
                if (decision.DroppedOn == PathDirection.Forward)
                    break;
            }
        }
        return null;
    }

    /// <summary>One source per piece outside every VPC: its first address the world does not own (a piece of owned
    /// addresses only has none).</summary>
    private static IpAddress[] Sources(HeaderCuts cuts, IpFamily family, Cidr[] vpcCidrs, HashSet<IpAddress> owned)
    {
        var sources = new List<IpAddress>();
        foreach (var (first, last) in cuts.Addresses(family))
        {
            var value = first;
            while (owned.Contains(Address(family, value)) && value < last)
                value++;
            var address = Address(family, value);
            if (!owned.Contains(address) && !vpcCidrs.Any(c => c.Contains(address)))
                sources.Add(address);
        }
        return [.. sources];
    }

    private static IpAddress Address(IpFamily family, UInt128 value) => family == IpFamily.V4 ? IpAddress.V4((uint)value) : IpAddress.V6(value);

    /// <summary>Every address the internet can name: the public IPv4 of each private address, and each IPv6 address.</summary>
    private static IEnumerable<(NetworkInterfaceId Interface, IpAddress Address)> Destinations(Network network, InterfaceAddresses addresses)
    {
        foreach (var eni in network.NetworkInterfaces.Values.OrderBy(e => e.Id.Value, StringComparer.Ordinal))
        {
            foreach (var pub in addresses.Public(eni.Id))
                yield return (eni.Id, pub);
            foreach (var v6 in eni.Ipv6Addresses)
                yield return (eni.Id, v6);
        }
    }
}
