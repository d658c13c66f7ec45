using System.Collections.Frozen;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Dns;

/// <summary>The private and public DNS hostnames of EC2 addresses (docs/semantics.md#vpc-peering):
/// <list type="bullet">
/// <item>every private IPv4 of an interface has a private hostname, resolvable only inside its VPC;</item>
/// <item>every public IPv4 (auto-assigned or Elastic IP) has a public hostname when its VPC has DNS hostnames on;
/// it resolves to the private IPv4 inside that VPC, and from a peer VPC when the owner's side of the active peering
/// allows DNS resolution from the remote VPC (both VPCs with DNS hostnames and support on, any Region); to the
/// public IPv4 everywhere else.</item>
/// </list></summary>
public sealed class Ec2HostnameSource : IDnsRecordSource
{
    private sealed record PrivateRecord(VpcId Vpc, NetworkInterfaceId Interface, IpAddress Address);

    private sealed record PublicRecord(Vpc Vpc, NetworkInterfaceId Interface, IpAddress PrivateAddress, IpAddress PublicAddress);

    private readonly Network _network;
    private readonly FrozenDictionary<string, PrivateRecord[]> _private;
    private readonly FrozenDictionary<string, PublicRecord> _public;
    /// <summary>Active peerings by unordered VPC pair.</summary>
    private readonly FrozenDictionary<(VpcId, VpcId), VpcPeeringConnection> _peerings;

    public Ec2HostnameSource(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        var privateNames = new Dictionary<string, List<PrivateRecord>>(StringComparer.Ordinal);
        var publicNames = new Dictionary<string, PublicRecord>(StringComparer.Ordinal);
        foreach (var eni in network.NetworkInterfaces.Values.OrderBy(n => n.Id.Value, StringComparer.Ordinal))
        {
            if (!network.Vpcs.TryGetValue(eni.VpcId, out var vpc))
                continue;
            foreach (var p in eni.PrivateIpAddresses.Where(p => p.Address.IsV4))
            {
                var name = Ec2Hostnames.Private(p.Address, vpc.Region);
                if (!privateNames.TryGetValue(name, out var list))
                    privateNames[name] = list = [];
                list.Add(new PrivateRecord(vpc.Id, eni.Id, p.Address));
                if (network.PublicIpFor(eni, p) is { IsV4: true } pub)
                    publicNames.TryAdd(Ec2Hostnames.Public(pub, vpc.Region), new PublicRecord(vpc, eni.Id, p.Address, pub));
            }
        }
        _private = privateNames.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _public = publicNames.ToFrozenDictionary(StringComparer.Ordinal);
        var peerings = new Dictionary<(VpcId, VpcId), VpcPeeringConnection>();
        foreach (var p in network.VpcPeeringConnections.Values.Where(p => p.IsActive))
            peerings.TryAdd(Pair(p.Requester.VpcId, p.Accepter.VpcId), p);
        _peerings = peerings.ToFrozenDictionary();
    }

    private static (VpcId, VpcId) Pair(VpcId a, VpcId b) =>
        string.CompareOrdinal(a.Value, b.Value) <= 0 ? (a, b) : (b, a);

    public DnsAnswer? Answer(DnsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_private.TryGetValue(query.Name, out var candidates))
            return AnswerPrivate(query, candidates);
        if (_public.TryGetValue(query.Name, out var record))
            return AnswerPublic(query, record);
        return null;
    }

    private static DnsAnswer AnswerPrivate(DnsQuery query, PrivateRecord[] candidates)
    {
        // The same private address may exist in several VPCs: the asking VPC's own is the one it sees.
        foreach (var c in candidates)
        {
            if (query.From is { } from && c.Vpc == from.Id)
            {
                return new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.PrivateHostname, [c.Address],
                    $"the private hostname of {c.Interface}, asked inside its VPC {c.Vpc}")
                { ResourceId = c.Interface.Value };
            }
        }
        return new DnsAnswer(query.Name, query.FromText, DnsStatus.NxDomain, DnsRule.PrivateHostnameOutsideItsVpc, [],
            $"a private hostname resolves only inside its own VPC ({string.Join(", ", candidates.Select(c => c.Vpc.Value).Distinct())})")
        { ResourceId = candidates[0].Interface.Value };
    }

    private DnsAnswer AnswerPublic(DnsQuery query, PublicRecord r)
    {
        var owner = r.Vpc;
        if (!owner.EnableDnsHostnames)
        {
            return new DnsAnswer(query.Name, query.FromText, DnsStatus.NxDomain, DnsRule.PublicHostnameNotAssigned, [],
                $"{owner.Id} has DNS hostnames off, so AWS gave {r.PublicAddress} no public hostname")
            { ResourceId = r.Interface.Value };
        }
        if (query.From is { } from)
        {
            if (from.Id == owner.Id)
            {
                return new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.PublicHostnameInsideVpc, [r.PrivateAddress],
                    $"the public hostname of {r.Interface} resolves to its private address inside its VPC {owner.Id}")
                { ResourceId = r.Interface.Value };
            }
            if (_peerings.TryGetValue(Pair(from.Id, owner.Id), out var pcx))
            {
                var ownerSide = pcx.Requester.VpcId == owner.Id ? pcx.Requester : pcx.Accepter;
                string side = pcx.Requester.VpcId == owner.Id ? "requester" : "accepter";
                if (ownerSide.AllowDnsResolutionFromRemoteVpc && owner.EnableDnsSupport && from.EnableDnsHostnames)
                {
                    return new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.PublicHostnameOverPeering, [r.PrivateAddress],
                        $"{pcx.Id} lets {from.Id} resolve {owner.Id}'s public hostnames to private addresses (AllowDnsResolutionFromRemoteVpc on the {side} side)")
                    { ResourceId = r.Interface.Value, Peering = pcx.Id };
                }
                string why = !ownerSide.AllowDnsResolutionFromRemoteVpc
                    ? $"{pcx.Id} does not allow DNS resolution from the remote VPC on the {side} side ({owner.Id})"
                    : $"{pcx.Id} allows DNS resolution from the remote VPC, but it needs DNS support and hostnames on both VPCs";
                return new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.PublicHostnameToPublicAddress, [r.PublicAddress],
                    $"{why}: the public address")
                { ResourceId = r.Interface.Value, Peering = pcx.Id };
            }
        }
        return new DnsAnswer(query.Name, query.FromText, DnsStatus.Resolved, DnsRule.PublicHostnameToPublicAddress, [r.PublicAddress],
            $"outside {owner.Id} (and not over a peering that allows DNS resolution) a public hostname gives the public address")
        { ResourceId = r.Interface.Value };
    }
}
