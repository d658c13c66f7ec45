using System.Collections.Immutable;
using VpcLab.Net;

namespace VpcLab.Analysis.AccessScopes;

/// <summary>A packet header statement as accepted: the CIDRs, destination port ranges and protocols a path's packets
/// must carry (each list: any of; an empty list: anything), and the values as written for
/// GetNetworkInsightsAccessScopeContent.</summary>
public sealed record ScopePacketHeader(
    ImmutableArray<Cidr> SourceAddresses, ImmutableArray<Cidr> DestinationAddresses,
    ImmutableArray<PortRange> DestinationPorts, ImmutableArray<IpProtocol> Protocols,
    ImmutableArray<string> SourceAddressesText, ImmutableArray<string> DestinationAddressesText,
    ImmutableArray<string> DestinationPortsText, ImmutableArray<string> ProtocolsText)
{
    /// <summary>Whether a piece of header space (one source address, one destination address, a protocol and a
    /// piece of destination ports that the statement's own ranges never cut) is inside the statement.</summary>
    public bool Admits(IpAddress source, IpAddress destination, IpProtocol protocol, PortRange ports) =>
        (SourceAddresses.IsEmpty || SourceAddresses.Any(c => c.Contains(source)))
        && (DestinationAddresses.IsEmpty || DestinationAddresses.Any(c => c.Contains(destination)))
        && (Protocols.IsEmpty || Protocols.Contains(protocol))
        && (DestinationPorts.IsEmpty || DestinationPorts.Any(r => r.From <= ports.From && ports.To <= r.To));
}
