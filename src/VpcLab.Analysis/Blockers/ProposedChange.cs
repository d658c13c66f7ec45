using VpcLab.Model;

namespace VpcLab.Analysis.Blockers;

/// <summary>One change to one resource that lifts one blocker: what, where, and as the EC2 call that would make it
/// (<see cref="Call"/>, e.g. <c>CreateRoute RouteTableId=rtb-… DestinationCidrBlock=10.1.0.0/16 VpcPeeringConnectionId=pcx-…</c>).
/// <see cref="Apply"/> makes it on a snapshot, so the path can be traced again.</summary>
public sealed record ProposedChange(ChangeKind Kind, string ResourceId, string Summary, string Call)
{
    internal Func<Network, Network> Apply { get; init; } = n => n;
}
