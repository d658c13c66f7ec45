using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.FlowLogs.Traffic;

/// <summary>The record context of each interface of a compiled network (owner, VPC, subnet, instance, Region, zone
/// id), built once per interface and shared by all its records.</summary>
internal sealed class InterfaceContexts(CompiledNetwork network)
{
    private readonly InterfaceContext?[] _contexts = new InterfaceContext?[network.InterfaceCount];

    public InterfaceContext this[int index] => _contexts[index] ??= Build(network.InterfaceAt(index));

    private InterfaceContext Build(NetworkInterface eni)
    {
        var n = network.Network;
        // The subnet's zone id: the interface's zone name is its owner's, which may mean another zone elsewhere (docs/semantics.md#zones).
        string az = n.Subnets.TryGetValue(eni.SubnetId, out var subnet) ? subnet.AvailabilityZone.ZoneId : "-";
        // Interfaces AWS manages for a service (endpoints) may show 'unknown'; NAT gateway interfaces are the owner's.
        string account = eni.InterfaceType == NetworkInterfaceType.VpcEndpoint ? "unknown" : eni.OwnerId.Value;
        string? instance = eni.RequesterManaged ? null : eni.Attachment?.InstanceId.Value;
        return new InterfaceContext(account, eni.Id.Value, eni.VpcId.Value, eni.SubnetId.Value, instance, eni.Region, az);
    }

    /// <summary>The interface's own address of a family, as flow logs print it on its side of a record: its primary
    /// private IPv4, or (IPv6) the packet's address when it is one of the interface's, else its first IPv6.</summary>
    public IpAddress OwnAddress(int index, in IpAddress packetAddress)
    {
        var eni = network.InterfaceAt(index);
        if (packetAddress.Family == IpFamily.V4)
            return eni.PrimaryPrivateIp;
        foreach (var a in eni.Ipv6Addresses)
        {
            if (a == packetAddress)
                return a;
        }
        return eni.Ipv6Addresses.IsDefaultOrEmpty ? packetAddress : eni.Ipv6Addresses[0];
    }
}
