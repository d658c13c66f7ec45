using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>Compiles the internet gateway's 1:1 NAT: each public IPv4 address to the private address and interface
/// it stands for, and back; marks the interfaces whose primary address has one.</summary>
internal sealed class PublicAddressCompiler
{
    private readonly CompiledInterface[] _interfaces;
    private readonly Dictionary<ulong, uint> _privateToPublic = [];
    private readonly Dictionary<uint, PublicTarget> _publicToPrivate = [];

    private PublicAddressCompiler(CompiledInterface[] interfaces)
    {
        _interfaces = interfaces;
    }

    /// <summary>The internet gateway's 1:1 NAT. Elastic IPs first, then auto-assigned public IPs, then a
    /// public NAT gateway's address (a private NAT gateway has none, so an internet gateway drops its traffic).</summary>
    public static (Dictionary<ulong, uint> PrivateToPublic, Dictionary<uint, PublicTarget> PublicToPrivate) Map(
        Network network, CompiledModels models, CompiledInterface[] interfaces, CompiledNat[] nats)
    {
        var map = new PublicAddressCompiler(interfaces);
        foreach (var eip in network.ElasticIps.Values.OrderBy(e => e.AllocationId.Value, StringComparer.Ordinal))
        {
            if (eip.NetworkInterfaceId is { } eniId && eip.PrivateIp is { } priv && models.InterfaceIndex.TryGetValue(eniId, out int eni))
                map.Add(eni, priv, eip.PublicIp);
        }
        for (int i = 0; i < models.Interfaces.Length; i++)
        {
            foreach (var p in models.Interfaces[i].PrivateIpAddresses)
            {
                if (p.AutoAssignedPublicIp is { } pub)
                    map.Add(i, p.Address, pub);
            }
        }
        for (int i = 0; i < models.NatGateways.Length; i++)
        {
            if (models.NatGateways[i].ConnectivityType == NatConnectivityType.Public && models.NatGateways[i].PublicIp is { } pub)
                map.Add(nats[i].Interface, nats[i].PrivateIp, pub);
        }
        return (map._privateToPublic, map._publicToPrivate);
    }

    private void Add(int eni, IpAddress privateIp, IpAddress publicIp)
    {
        int vpc = _interfaces[eni].Vpc;
        if (!privateIp.IsV4 || !publicIp.IsV4)
            return;
        if (_privateToPublic.TryAdd(AddressTables.V4Key(vpc, privateIp), (uint)publicIp.Value))
        {
            _publicToPrivate.TryAdd((uint)publicIp.Value, new PublicTarget(eni, (uint)privateIp.Value));
            if (_interfaces[eni].HasV4 && _interfaces[eni].PrimaryV4Value == (uint)privateIp.Value)
            {
                _interfaces[eni].HasPublicV4 = true;
                _interfaces[eni].PublicV4Value = (uint)publicIp.Value;
            }
        }
    }
}
