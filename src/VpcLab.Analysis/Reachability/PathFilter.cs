using VpcLab.Net;

namespace VpcLab.Analysis.Reachability;

/// <summary>FilterAtSource / FilterAtDestination after validation.</summary>
public sealed record PathFilter(IpAddress? SourceAddress, PortRange? SourcePortRange, IpAddress? DestinationAddress,
    PortRange? DestinationPortRange);
