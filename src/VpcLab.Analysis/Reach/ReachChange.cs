using System.Collections.Immutable;
using VpcLab.Engine;
using VpcLab.Net;

namespace VpcLab.Analysis.Reach;

/// <summary>What a change opened (<see cref="Opened"/>) or closed between two worlds: from one end to another (named as
/// <see cref="ReachEnd.Describe"/> names them, so that the two worlds' ends meet by id or Name tag), on one protocol,
/// the destination values, and an example flow (of the world after for what opened, of the world before for what
/// closed).</summary>
public sealed record ReachChange(bool Opened, string From, string To, IpProtocol Protocol, ImmutableArray<PortRange> Values, FlowKey Example);
