using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>The route that matched (RA's AnalysisRouteTableRoute).</summary>
public sealed record RouteRef(string Destination, PrefixListId? DestinationPrefixListId, RouteTargetKind TargetKind,
    string TargetId, RouteOrigin Origin, RouteState State)
{
    /// <summary>For a prefix-list route in a trace: the list's CIDR that matched the destination (longest prefix
    /// match runs over the list's expanded CIDRs).</summary>
    public Cidr? MatchedCidr { get; init; }
}
