using System.Collections.Immutable;
using System.Text;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>Whether the flow works end to end: the request reaches its destination and the reply comes back.</summary>
public enum Verdict : byte
{
    Accepted,
    Dropped,
}

/// <summary>Which of the two paths of a flow: the request (forward) or the reply (return).</summary>
public enum PathDirection : byte
{
    Forward,
    Return,
}

/// <summary>The direction a filter is applied in, as Reachability Analyzer words it.</summary>
public enum TrafficDirection : byte
{
    Egress,
    Ingress,
}

/// <summary>What a component did with the packet.</summary>
public enum HopAction : byte
{
    /// <summary>The packet left its source interface.</summary>
    Sent,
    /// <summary>A filter let it pass, or a router or gateway sent it on unchanged.</summary>
    Forwarded,
    /// <summary>A gateway rewrote addresses or ports (the outbound header shows the result).</summary>
    Translated,
    /// <summary>The packet reached its destination.</summary>
    Delivered,
    /// <summary>The packet stopped here; the hop's explanations say why.</summary>
    Dropped,
}

/// <summary>The kinds of component a hop can name (AWS components, never synthetic routers).</summary>
public enum ComponentKind : byte
{
    NetworkInterface,
    Instance,
    SecurityGroup,
    NetworkAcl,
    RouteTable,
    Subnet,
    Vpc,
    InternetGateway,
    EgressOnlyInternetGateway,
    NatGateway,
    /// <summary>An address outside every VPC.</summary>
    Internet,
    /// <summary>The Amazon-provided DNS resolver (VPC base + 2, 169.254.169.253, fd00:ec2::253).</summary>
    AmazonDnsResolver,
    /// <summary>The instance metadata service (169.254.169.254, fd00:ec2::254).</summary>
    InstanceMetadataService,
    /// <summary>A VPC peering connection (pcx-…) between the source route table and the destination NACL.</summary>
    VpcPeeringConnection,
    /// <summary>A gateway VPC endpoint (vpce-…, S3 or DynamoDB): RA's "VPC gateway endpoint". No interface, no
    /// security group: a route to the service's prefix list leads to it.</summary>
    GatewayEndpoint,
    /// <summary>An AWS service (S3, DynamoDB) reached through a gateway endpoint; its id is the service name
    /// (com.amazonaws.REGION.s3).</summary>
    AwsService,
    /// <summary>An interface VPC endpoint (vpce-…, PrivateLink): it takes packets at its interfaces and hands them
    /// to its service (then an <see cref="AwsService"/> hop).</summary>
    InterfaceEndpoint,
    /// <summary>An S3 bucket whose policy decided a traced S3 request (its id is the bucket's ARN).</summary>
    S3Bucket,
}

/// <summary>A component by kind, id and display name (its Name tag, else its id), as RA's AnalysisComponent.</summary>
public sealed record ComponentRef(ComponentKind Kind, string Id, string Name)
{
    public override string ToString() => Name == Id ? $"{Kind} {Id}" : $"{Kind} {Id} ({Name})";
}

/// <summary>A packet's header as it leaves a hop (RA's AnalysisPacketHeader, one value per field).</summary>
public readonly record struct PacketHeader(IpAddress Source, IpAddress Destination, IpProtocol Protocol,
    ushort SourcePort, ushort DestinationPort)
{
    public static PacketHeader From(in FlowKey flow) =>
        new(flow.Source, flow.Destination, flow.Protocol, flow.SourcePort, flow.DestinationPort);

    public FlowKey ToFlowKey() => new(Source, Destination, Protocol, SourcePort, DestinationPort);

    public override string ToString() => ToFlowKey().ToString();
}

/// <summary>How a packet crosses a VPC peering connection. The numbers are the flow-log <c>traffic-path</c>
/// values AWS writes for egress over a peering (4 intra-Region, 5 inter-Region).</summary>
public enum PeeringTrafficPath : byte
{
    IntraRegion = 4,
    InterRegion = 5,
}

/// <summary>The NACL entry that decided (RA's AnalysisAclRule). Rule 32767/32768 is the implicit '*' deny.</summary>
public sealed record AclRuleRef(int RuleNumber, bool Egress, RuleAction RuleAction, string Protocol, Cidr? Cidr,
    PortRange? PortRange)
{
    public bool IsDefaultDeny => RuleNumber is NetworkAcl.DefaultDenyRuleNumberV4 or NetworkAcl.DefaultDenyRuleNumberV6;
}

/// <summary>The security group rule that allowed the packet (RA's AnalysisSecurityGroupRule).</summary>
public sealed record SecurityGroupRuleRef(SecurityGroupId SecurityGroupId, SecurityGroupRuleId RuleId,
    TrafficDirection Direction, string Protocol, int FromPort, int ToPort, string Peer, PrefixListId? PrefixListId);

/// <summary>The route that matched (RA's AnalysisRouteTableRoute).</summary>
public sealed record RouteRef(string Destination, PrefixListId? DestinationPrefixListId, RouteTargetKind TargetKind,
    string TargetId, RouteOrigin Origin, RouteState State)
{
    /// <summary>For a prefix-list route in a trace: the list's CIDR that matched the destination (longest prefix
    /// match runs over the list's expanded CIDRs).</summary>
    public Cidr? MatchedCidr { get; init; }
}

/// <summary>One coded reason (RA's Explanation): only the members relevant to the code are set.</summary>
public sealed record Explanation(ExplanationCode Code, TrafficDirection? Direction = null,
    ComponentRef? Component = null, ComponentRef? Acl = null, int? AclRuleNumber = null)
{
    /// <summary>The security groups that were evaluated (ENI_SG_RULES_MISMATCH, SG_HAS_NO_RULES).</summary>
    public ImmutableArray<ComponentRef> SecurityGroups { get; init; } = [];

    /// <summary>The address the code is about (the source without a public IP, the refused destination...).</summary>
    public IpAddress? Address { get; init; }

    /// <summary>The route involved (BAD_STATE_ROUTE).</summary>
    public RouteRef? Route { get; init; }

    /// <summary>A sentence for people; codes are for programs.</summary>
    public string? Message { get; init; }

    public override string ToString() => Message is null ? Code.Value : $"{Code.Value}: {Message}";
}

/// <summary>One component the packet met, in order, and what it did there (RA's PathComponent). Exactly one of
/// <see cref="AclRule"/>, <see cref="SecurityGroupRule"/>, <see cref="Route"/> is set on filter and router hops.</summary>
public sealed record Hop(int SequenceNumber, ComponentRef Component, HopAction Action, TrafficDirection? Direction,
    AclRuleRef? AclRule, SecurityGroupRuleRef? SecurityGroupRule, RouteRef? Route, PacketHeader OutboundHeader,
    ImmutableArray<Explanation> Explanations)
{
    /// <summary>The subnet the component sits in, when it has one (interfaces, NACL hops, route tables).</summary>
    public ComponentRef? Subnet { get; init; }

    /// <summary>On a VPC peering connection hop: intra-Region or inter-Region (flow logs' traffic-path 4 or 5).</summary>
    public PeeringTrafficPath? PeeringPath { get; init; }

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
            sb.Append(path == PeeringTrafficPath.InterRegion ? " inter-Region" : " intra-Region");
        if (EndpointZone is { } zone)
            sb.Append(' ').Append(zone.Summary);
        sb.Append(" [").Append(OutboundHeader).Append(']');
        foreach (var e in Explanations)
            sb.Append(' ').Append(e.Code.Value);
        return sb.ToString();
    }
}

/// <summary>A flow's full answer: the verdict, the forward and return paths hop by hop, and, when dropped, where
/// and why (RA's networkPathFound, forwardPathComponentSet, returnPathComponentSet, explanationSet).</summary>
public sealed record Trace(FlowKey Flow, Verdict Verdict, ImmutableArray<Hop> Forward, ImmutableArray<Hop> Return,
    ComponentRef? DroppedAt, PathDirection? DroppedOn, ImmutableArray<Explanation> Explanations)
{
    /// <summary>The fast-path reason matching <see cref="Explanations"/> (None when accepted).</summary>
    public DropReason Reason { get; init; }

    /// <summary>The DNS names of the request and what they resolved to (set by whoever resolved the endpoints,
    /// e.g. from <see cref="EndpointResolver.Resolutions"/>).</summary>
    public ImmutableArray<Dns.DnsAnswer> Resolutions { get; init; } = [];

    public bool PathFound => Verdict == Verdict.Accepted;

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Flow).Append(": ").Append(Verdict);
        if (DroppedAt is not null)
            sb.Append(" at ").Append(DroppedAt).Append(" on the ").Append(DroppedOn == PathDirection.Return ? "return" : "forward").Append(" path");
        sb.AppendLine();
        sb.AppendLine("forward:");
        foreach (var h in Forward)
            sb.Append("  ").AppendLine(h.ToString());
        if (!Return.IsDefaultOrEmpty)
        {
            sb.AppendLine("return:");
            foreach (var h in Return)
                sb.Append("  ").AppendLine(h.ToString());
        }
        foreach (var e in Explanations)
            sb.Append("explanation: ").AppendLine(e.ToString());
        return sb.ToString();
    }
}

/// <summary>The fast path's answer: a few bytes, never allocated.</summary>
public readonly record struct Decision(Verdict Verdict, DropReason Reason, PathDirection DroppedOn)
{
    public static readonly Decision Accepted = new(Verdict.Accepted, DropReason.None, PathDirection.Forward);

    public bool IsAccepted => Verdict == Verdict.Accepted;
}
