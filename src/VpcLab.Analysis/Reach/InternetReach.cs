using System.Collections.Immutable;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>"What does the internet reach": for every public IPv4 and every IPv6 address of every interface, the TCP
/// and UDP destination ports some internet host can open a connection to (the reply included), IPv4 and IPv6. Computed
/// over header sets: the source address, source port and destination port are cut only where some rule or route
/// boundary falls (<see cref="HeaderCuts"/>), so the engine's <see cref="CompiledNetwork.Decide"/> on one packet per
/// piece is exact for every packet of it; nothing is enumerated packet by packet (docs/semantics.md#reach). Sources
/// inside a VPC's CIDR are not the internet and are left out; an egress-only gateway never lets a connection in, which
/// the engine decides.</summary>
public static class InternetReach
{
    public static readonly ImmutableArray<IpProtocol> Protocols = [IpProtocol.Tcp, IpProtocol.Udp];

    public static ImmutableArray<InternetExposure> Compute(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var compiled = CompiledNetwork.Compile(network);
        var cuts = HeaderCuts.Of(network);
        var vpcCidrs = network.Vpcs.Values.SelectMany(v => v.CidrBlocks.Concat(v.Ipv6CidrBlocks)).Select(b => b.Cidr)
            .Concat(HeaderCuts.LinkLocal).ToArray();
        var sources = new Dictionary<IpFamily, IpAddress[]>
        {
            [IpFamily.V4] = Sources(cuts, IpFamily.V4, vpcCidrs),
            [IpFamily.V6] = Sources(cuts, IpFamily.V6, vpcCidrs),
        };
        var ports = cuts.Ports().ToArray();
        var result = ImmutableArray.CreateBuilder<InternetExposure>();
        foreach (var (eni, address) in Destinations(network))
        {
            foreach (var protocol in Protocols)
            {
                if (Exposure(compiled, eni, address, protocol, sources[address.Family], ports) is { } exposure)
                    result.Add(exposure);
            }
        }
        return result.ToImmutable();
    }

    private static InternetExposure? Exposure(CompiledNetwork compiled, NetworkInterfaceId eni, IpAddress address, IpProtocol protocol,
        IpAddress[] sources, PortRange[] ports)
    {
        var open = new List<PortRange>();
        FlowKey? example = null;
        foreach (var destinationPorts in ports)
        {
            if (Opens(compiled, address, protocol, sources, ports, destinationPorts.From) is not { } flow)
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
        PortRange[] ports, ushort destinationPort)
    {
        foreach (var source in sources)
        {
            foreach (var sourcePorts in ports)
            {
                var flow = new FlowKey(source, address, protocol, sourcePorts.From, destinationPort);
                if (compiled.Decide(in flow, -1).IsAccepted)
                    return flow;
            }
        }
        return null;
    }

    private static IpAddress[] Sources(HeaderCuts cuts, IpFamily family, Cidr[] vpcCidrs) =>
        [.. cuts.Addresses(family)
            .Select(piece => family == IpFamily.V4 ? IpAddress.V4((uint)piece.First) : IpAddress.V6(piece.First))
            .Where(a => !vpcCidrs.Any(c => c.Contains(a)))];

    /// <summary>Every address the internet can name: the public IPv4 of each private address, and each IPv6 address.</summary>
    private static IEnumerable<(NetworkInterfaceId Interface, IpAddress Address)> Destinations(Network network)
    {
        foreach (var eni in network.NetworkInterfaces.Values.OrderBy(e => e.Id.Value, StringComparer.Ordinal))
        {
            foreach (var p in eni.PrivateIpAddresses)
            {
                if (network.PublicIpFor(eni, p) is { } pub)
                    yield return (eni.Id, pub);
            }
            foreach (var v6 in eni.Ipv6Addresses)
                yield return (eni.Id, v6);
        }
    }
}
