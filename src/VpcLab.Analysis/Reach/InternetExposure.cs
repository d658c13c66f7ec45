using System.Collections.Immutable;
using VpcLab.Engine;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>What the internet reaches at one address of one interface, on one protocol: the exact destination ports
/// (merged into ranges; for ICMP and ICMPv6 the type × 256 + code values, <see cref="FlowKey"/>'s convention), and one
/// example flow that gets through (trace it to see the path).</summary>
public sealed record InternetExposure(NetworkInterfaceId Interface, IpAddress Address, IpProtocol Protocol,
    ImmutableArray<PortRange> Ports, FlowKey Example);
