using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>The Elastic IPs of one snapshot by the (interface, private address) they are associated with, built once
/// per <see cref="Network.ElasticIps"/> dictionary: <see cref="Network.ElasticIpFor"/> used to scan every Elastic IP,
/// which made each lookup, and every network-wide question asking it per interface, grow with the world. Keyed by the
/// dictionary instance itself (snapshots are immutable, a change makes a new dictionary), so a snapshot made with
/// <c>with</c> never reads another's index, and the record's equality is untouched.</summary>
internal sealed class ElasticIpIndex
{
    private static readonly ConditionalWeakTable<ImmutableDictionary<AllocationId, ElasticIpAddress>, ElasticIpIndex> Indexes = new();

    private readonly Dictionary<(NetworkInterfaceId, IpAddress), ElasticIpAddress> _byAssociation = [];

    private ElasticIpIndex(ImmutableDictionary<AllocationId, ElasticIpAddress> elasticIps)
    {
        // The dictionary's own order, first one kept: what the scan it replaces returned.
        foreach (var eip in elasticIps.Values)
        {
            if (eip.NetworkInterfaceId is { } eni && eip.PrivateIp is { } privateIp)
                _byAssociation.TryAdd((eni, privateIp), eip);
        }
    }

    public static ElasticIpIndex Of(ImmutableDictionary<AllocationId, ElasticIpAddress> elasticIps) =>
        Indexes.GetValue(elasticIps, static e => new ElasticIpIndex(e));

    public ElasticIpAddress? Find(NetworkInterfaceId eni, IpAddress privateIp) => _byAssociation.GetValueOrDefault((eni, privateIp));
}
