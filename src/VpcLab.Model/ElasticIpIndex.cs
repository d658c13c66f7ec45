using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>The Elastic IPs of one snapshot by the (interface, private address) they are associated with, for each
/// <see cref="Network.ElasticIps"/> dictionary: <see cref="Network.ElasticIpFor"/> used to scan every Elastic IP,
/// which made each lookup, and every network-wide question asking it per interface, grow with the world. Keyed by the
/// dictionary instance itself (snapshots are immutable, a change makes a new dictionary), so a snapshot made with
/// <c>with</c> never reads another's index, and the record's equality is untouched. Built whole the first time a
/// dictionary is asked; a change made through <see cref="Network.WithElasticIp"/> derives the next dictionary's index
/// from this one (a persistent map: one entry removed, one added), so a world whose addresses change between lookups
/// does not rebuild it from every Elastic IP each time.</summary>
internal sealed class ElasticIpIndex
{
    private static readonly ConditionalWeakTable<ImmutableDictionary<AllocationId, ElasticIpAddress>, ElasticIpIndex> Indexes = new();

    private readonly ImmutableDictionary<(NetworkInterfaceId, IpAddress), ElasticIpAddress> _byAssociation;

    // Two addresses on one (interface, private address) (an imported world; the control plane never makes that): the
    // index keeps the first in the dictionary's order, which a change cannot follow, so it is not derived from.
    private readonly bool _shared;

    private ElasticIpIndex(ImmutableDictionary<(NetworkInterfaceId, IpAddress), ElasticIpAddress> byAssociation, bool shared)
    {
        (_byAssociation, _shared) = (byAssociation, shared);
    }

    private static ElasticIpIndex Build(ImmutableDictionary<AllocationId, ElasticIpAddress> elasticIps)
    {
        // The dictionary's own order, first one kept: what the scan it replaces returned.
        var byAssociation = ImmutableDictionary.CreateBuilder<(NetworkInterfaceId, IpAddress), ElasticIpAddress>();
        var shared = false;
        foreach (var eip in elasticIps.Values)
        {
            if (Key(eip) is { } key)
                shared |= !byAssociation.TryAdd(key, eip);
        }
        return new ElasticIpIndex(byAssociation.ToImmutable(), shared);
    }

    private static (NetworkInterfaceId, IpAddress)? Key(ElasticIpAddress? eip) =>
        eip is { NetworkInterfaceId: { } eni, PrivateIp: { } privateIp } ? (eni, privateIp) : null;

    public static ElasticIpIndex Of(ImmutableDictionary<AllocationId, ElasticIpAddress> elasticIps) =>
        Indexes.GetValue(elasticIps, static e => Build(e));

    public ElasticIpAddress? Find(NetworkInterfaceId eni, IpAddress privateIp) => _byAssociation.GetValueOrDefault((eni, privateIp));

    /// <summary>When <paramref name="before"/>'s dictionary has an index, the index of <paramref name="after"/> (the same
    /// with one address changed from <paramref name="was"/> to <paramref name="now"/>), derived from it; else nothing
    /// (built whole when asked).</summary>
    public static void Derive(ImmutableDictionary<AllocationId, ElasticIpAddress> before, ImmutableDictionary<AllocationId, ElasticIpAddress> after,
        ElasticIpAddress? was, ElasticIpAddress? now)
    {
        if (ReferenceEquals(before, after) || !Indexes.TryGetValue(before, out var index) || index._shared)
            return;
        var map = index._byAssociation;
        if (Key(was) is { } old)
        {
            // The index holds `was` there unless two addresses shared it, which it does not.
            map = map.Remove(old);
        }
        if (Key(now) is { } key)
        {
            if (map.ContainsKey(key))
                return; // two addresses on one private address: built whole, in the dictionary's order, when asked
            map = map.Add(key, now!);
        }
        Indexes.AddOrUpdate(after, new ElasticIpIndex(map, false));
    }
}
