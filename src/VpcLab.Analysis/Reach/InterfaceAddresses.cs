using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>Every interface's addresses by family, computed once per world: its private IPv4 and IPv6 addresses and
/// the public IPv4 the internet gateway maps each private one to (<see cref="Network.PublicIpFor"/>'s rule, with the
/// Elastic IPs indexed instead of scanned per address: a network-wide question asks for millions of pairs).</summary>
internal sealed class InterfaceAddresses
{
    private readonly Dictionary<NetworkInterfaceId, IpAddress[]> _private = [];
    private readonly Dictionary<NetworkInterfaceId, IpAddress[]> _public = [];
    private readonly Dictionary<(NetworkInterfaceId, IpFamily), IpAddress[]> _byFamily = [];

    public InterfaceAddresses(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var elastic = new Dictionary<(NetworkInterfaceId, IpAddress), IpAddress>();
        foreach (var eip in network.ElasticIps.Values)
        {
            if (eip.NetworkInterfaceId is { } eni && eip.PrivateIp is { } privateIp)
                elastic.TryAdd((eni, privateIp), eip.PublicIp);
        }
        foreach (var eni in network.NetworkInterfaces.Values)
        {
            _private[eni.Id] = [.. eni.AllPrivateAddresses];
            _byFamily[(eni.Id, IpFamily.V4)] = [.. _private[eni.Id].Where(a => a.Family == IpFamily.V4)];
            _byFamily[(eni.Id, IpFamily.V6)] = [.. _private[eni.Id].Where(a => a.Family == IpFamily.V6)];
            _public[eni.Id] = [.. eni.PrivateIpAddresses
                .Select(p => elastic.TryGetValue((eni.Id, p.Address), out var pub) ? pub : p.AutoAssignedPublicIp).OfType<IpAddress>()];
        }
    }

    /// <summary>The private IPv4 addresses, then the IPv6 ones (empty for an unknown interface).</summary>
    public IpAddress[] Private(NetworkInterfaceId eni) => _private.GetValueOrDefault(eni) ?? [];

    /// <summary>The private addresses of one family.</summary>
    public IpAddress[] Private(NetworkInterfaceId eni, IpFamily family) => _byFamily.GetValueOrDefault((eni, family)) ?? [];

    /// <summary>The public IPv4 addresses, in the order of the private ones they map.</summary>
    public IpAddress[] Public(NetworkInterfaceId eni) => _public.GetValueOrDefault(eni) ?? [];

    /// <summary>Every public IPv4 address of every interface.</summary>
    public IEnumerable<IpAddress> AllPublic => _public.Values.SelectMany(a => a);
}
