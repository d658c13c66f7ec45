using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>One component the packet met, in order, and what it did there (RA's PathComponent). Exactly one of
/// <see cref="AclRule"/>, <see cref="SecurityGroupRule"/>, <see cref="Route"/> is set on filter and router hops.</summary>
public sealed record Hop(int SequenceNumber, ComponentRef Component, HopAction Action, TrafficDirection? Direction,
    AclRuleRef? AclRule, SecurityGroupRuleRef? SecurityGroupRule, RouteRef? Route, PacketHeader OutboundHeader,
    ImmutableArray<Explanation> Explanations)
{
    /// <summary>The subnet the component sits in, when it has one (interfaces, NACL hops, route tables).</summary>
    public ComponentRef? Subnet { get; init; }

    /// <summary>On a VPC peering connection hop: intra-Region or inter-Region (flow logs' traffic-path 4 or 5).</summary>
    public TrafficPath? PeeringPath { get; init; }

    /// <summary>On an interface endpoint hop: the client's zone and the endpoint interface's (same AZ or cross-AZ).</summary>
    public EndpointZoneChoice? EndpointZone { get; init; }

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(SequenceNumber).Append(". ").Append(Component).Append(' ').Append(Action);
        if (Direction is { } d)
            sb.Append(' ').Append(d);
        if (AclRule is { } acl)
            sb.Append(" rule ").Append(acl.RuleNumber).Append(' ').Append(acl.RuleAction);
        if (SecurityGroupRule is { } sgr)
            sb.Append(" rule ").Append(sgr.RuleId).Append(' ').Append(sgr.Protocol).Append(' ').Append(sgr.Peer);
        if (Route is { } r)
            sb.Append(" route ").Append(r.Destination).Append(" -> ").Append(r.TargetId).Append(r.State == RouteState.Blackhole ? " (blackhole)" : "");
        if (PeeringPath is { } path)
            sb.Append(path == TrafficPath.InterRegionPeering ? " inter-Region" : " intra-Region");
        if (EndpointZone is { } zone)
            sb.Append(' ').Append(zone.Summary);
        sb.Append(" [").Append(OutboundHeader).Append(']');
        foreach (var e in Explanations)
            sb.Append(' ').Append(e.Code.Value);
        return sb.ToString();
    }
}
