using System.Collections.Immutable;
using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>What one end reaches of another on one protocol through one path: the destination values (ports, or ICMP
/// type × 256 + code) merged into ranges, the gateways, endpoints, peering connections and load balancers the forward
/// path passes (<see cref="Via"/>, ids in path order; empty inside one VPC), and one example flow to trace
/// (<see cref="SourceInterfaceIndex"/> −1: from the internet).</summary>
public sealed record PairReach(ReachEnd From, ReachEnd To, IpProtocol Protocol, ImmutableArray<PortRange> Values,
    ImmutableArray<string> Via, FlowKey Example, int SourceInterfaceIndex);
