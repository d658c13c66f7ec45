using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>A subnet's available IPv4 address count, as DescribeSubnets reports it: the one place the rule lives
/// (the ControlPlane's filter and the server's Subnet shape both call it).</summary>
public static class SubnetAddressCount
{
    /// <summary>AWS: the block's size − the 5 reserved addresses − the private IPv4 addresses interfaces hold
    /// (spec §2). AWS never reports a negative count, so it is clamped at 0; an IPv6-only subnet has no IPv4 range,
    /// so 0 (docs/semantics.md#ipv6-only-subnets).</summary>
    public static long Available(Subnet subnet, long usedIpv4)
    {
        ArgumentNullException.ThrowIfNull(subnet);
        if (subnet.CidrBlock is not { } block)
            return 0;
        long size = (long)block.AddressCount;
        return Math.Max(0, size - Subnet.AwsReservedAddressCount - usedIpv4);
    }

    /// <summary>The count for a subnet of a published snapshot, its interfaces found through the snapshot's index
    /// (the cost of the subnet's interfaces, not of the world's).</summary>
    public static long Available(IndexedWorld world, Subnet subnet)
    {
        ArgumentNullException.ThrowIfNull(world);
        return Available(world.Network, world.Index, subnet);
    }

    /// <summary>The same count, the subnet's interfaces found through the index of <paramref name="network"/>.</summary>
    public static long Available(Network network, WorldIndex index, Subnet subnet)
    {
        ArgumentNullException.ThrowIfNull(subnet);
        return Available(subnet, UsedIpv4(network, index, subnet.Id));
    }

    /// <summary>The private IPv4s interfaces hold in a subnet (primary and secondary), through the index.</summary>
    public static long UsedIpv4(Network network, WorldIndex index, SubnetId subnet)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(index);
        long used = 0;
        foreach (var id in index.Ids(IndexedKinds.NetworkInterface.Key, "subnet-id", subnet.Value))
        {
            if (network.NetworkInterfaces.TryGetValue(new NetworkInterfaceId(id), out var eni))
                used += eni.PrivateIpAddresses.Length;
        }
        return used;
    }
}
