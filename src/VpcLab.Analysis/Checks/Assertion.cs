using System.Collections.Immutable;
using VpcLab.Analysis.Reach;
using VpcLab.Net;

namespace VpcLab.Analysis.Checks;

/// <summary>One assertion of a policy file (docs/check.md): traffic from one selection to another, and what must hold
/// of it: <see cref="Expect"/>, every delivered flow's source inside <see cref="OnlyFrom"/>, every delivered flow through
/// one of <see cref="OnlyThrough"/> (gateway, endpoint, NAT gateway or peering connection ids). At least one is set.
/// <see cref="Line"/> is where it starts in its file.</summary>
public sealed record Assertion(string Name, int Line, ImmutableArray<Selector> From, ImmutableArray<Selector> To,
    ImmutableArray<TrafficClass> Traffic, Expectation? Expect, ImmutableArray<Cidr> OnlyFrom, ImmutableArray<string> OnlyThrough);
