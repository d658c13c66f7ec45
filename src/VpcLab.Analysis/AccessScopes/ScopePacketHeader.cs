using System.Collections.Immutable;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>A packet header statement as accepted: the CIDRs, destination port ranges and protocols a path's packets
/// must carry (each list: any of; an empty list: anything), and the values as written for
/// GetNetworkInsightsAccessScopeContent. Source ports and prefix lists (docs/semantics.md#naa-statements): a source
/// or destination address must be in one of the CIDRs or in one of the lists' entries; the lists are read from the
/// snapshot analysed (<see cref="WithPrefixListEntries"/>), as a route or rule naming a list is.</summary>
public sealed record ScopePacketHeader(
    ImmutableArray<Cidr> SourceAddresses, ImmutableArray<Cidr> DestinationAddresses,
    ImmutableArray<PortRange> DestinationPorts, ImmutableArray<IpProtocol> Protocols,
    ImmutableArray<string> SourceAddressesText, ImmutableArray<string> DestinationAddressesText,
    ImmutableArray<string> DestinationPortsText, ImmutableArray<string> ProtocolsText)
{
    public ImmutableArray<PortRange> SourcePorts { get; init; } = [];

    public ImmutableArray<string> SourcePortsText { get; init; } = [];

    /// <summary>Prefix list ids (<c>pl-…</c>) whose entries are sources.</summary>
    public ImmutableArray<string> SourcePrefixLists { get; init; } = [];

    /// <summary>Prefix list ids (<c>pl-…</c>) whose entries are destinations.</summary>
    public ImmutableArray<string> DestinationPrefixLists { get; init; } = [];

    /// <summary>The statement with its prefix lists' entries of <paramref name="network"/> added to its CIDRs (a list
    /// gone from the snapshot adds none).</summary>
    public ScopePacketHeader WithPrefixListEntries(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return this with
        {
            SourceAddresses = SourceAddresses.AddRange(Entries(network, SourcePrefixLists)),
            DestinationAddresses = DestinationAddresses.AddRange(Entries(network, DestinationPrefixLists)),
        };
    }

    private static IEnumerable<Cidr> Entries(Network network, ImmutableArray<string> lists) =>
        lists.SelectMany(id => network.PrefixLists.GetValueOrDefault(new PrefixListId(id))?.Entries.Select(e => e.Cidr) ?? []);

    /// <summary>Whether a piece of header space (one source address and source port, one destination address, a
    /// protocol and a piece of destination ports that the statement's own ranges never cut) is inside the statement.
    /// Call on <see cref="WithPrefixListEntries"/>'s result when the statement names prefix lists.</summary>
    public bool Admits(IpAddress source, ushort sourcePort, IpAddress destination, IpProtocol protocol, PortRange ports) =>
        ((SourceAddresses.IsEmpty && SourcePrefixLists.IsEmpty) || SourceAddresses.Any(c => c.Contains(source)))
        && ((DestinationAddresses.IsEmpty && DestinationPrefixLists.IsEmpty) || DestinationAddresses.Any(c => c.Contains(destination)))
        && (Protocols.IsEmpty || Protocols.Contains(protocol))
        && (SourcePorts.IsEmpty || SourcePorts.Any(r => r.Contains(sourcePort)))
        && (DestinationPorts.IsEmpty || DestinationPorts.Any(r => r.From <= ports.From && ports.To <= r.To));
}
