using System.Collections.Immutable;
using Spectre.Console;
using VpcLab.Engine;

namespace VpcLab.Cli.Rendering;

/// <summary>A trace as a tree: the verdict on top, then the forward and return paths hop by hop, with the rule
/// or route that decided each hop, the header wherever a gateway rewrote it, and the coded reason of a drop.</summary>
public static class TraceView
{
    public static Tree Build(Trace trace, string? title = null)
    {
        var verdict = trace.Verdict == Verdict.Accepted
            ? "[green]✓ delivered[/]"
            : $"[red]✗ dropped[/] at {Markup.Escape(Describe(trace.DroppedAt))} on the {(trace.DroppedOn == PathDirection.Return ? "return" : "forward")} path";
        var heading = $"{verdict}  [bold]{Markup.Escape(trace.Flow.ToString())}[/]";
        if (title is not null)
            heading = $"[bold]{Markup.Escape(title)}[/]\n{heading}";
        var tree = new Tree(heading) { Guide = TreeGuide.Line };
        foreach (var answer in trace.Resolutions)
            tree.AddNode($"[grey]dns[/] {Markup.Escape(DnsView.Line(answer))}");
        AddPath(tree.AddNode("[grey]forward path[/]"), trace.Forward, PacketHeader.From(trace.Flow));
        if (!trace.Return.IsDefaultOrEmpty)
            AddPath(tree.AddNode("[grey]return path[/]"), trace.Return, trace.Return[0].OutboundHeader);
        if (trace.OneWayNote is { } oneWay)
            tree.AddNode($"[grey]no return path[/] {Markup.Escape(oneWay)}");
        // Explanations already shown under their hop are not repeated.
        var shown = trace.Forward.Concat(trace.Return.IsDefault ? [] : trace.Return).SelectMany(h => h.Explanations).ToHashSet();
        foreach (var explanation in trace.Explanations.Where(e => !shown.Contains(e)))
            tree.AddNode($"[red]{Markup.Escape(explanation.Code.Value)}[/] {Markup.Escape(explanation.Message ?? "")}");
        return tree;
    }

    private static void AddPath(TreeNode node, ImmutableArray<Hop> hops, PacketHeader start)
    {
        var previous = start;
        foreach (var hop in hops)
        {
            var line = $"{hop.SequenceNumber,2} {Markup.Escape(Describe(hop.Component))}  {Action(hop)}{Detail(hop)}";
            if (hop.OutboundHeader != previous)
                line += $"\n   [blue]→ {Markup.Escape(hop.OutboundHeader.ToString())}[/]";
            previous = hop.OutboundHeader;
            var child = node.AddNode(line);
            foreach (var e in hop.Explanations)
                child.AddNode($"[red]{Markup.Escape(e.Code.Value)}[/] {Markup.Escape(e.Message ?? "")}");
        }
    }

    private static string Action(Hop hop) => hop.Action switch
    {
        HopAction.Dropped => "[red]dropped[/]",
        HopAction.Delivered => "[green]delivered[/]",
        HopAction.Translated => "[blue]translated[/]",
        HopAction.Sent => "sent",
        _ => hop.Direction is null ? "forwarded" : "allowed",
    };

    private static string Detail(Hop hop)
    {
        var parts = new List<string>();
        if (hop.Direction is { } direction)
            parts.Add(direction == TrafficDirection.Egress ? "outbound" : "inbound");
        if (hop.AclRule is { } acl)
            parts.Add(acl.IsDefaultDeny ? "rule * (no rule matched)" : $"rule {acl.RuleNumber} {acl.RuleAction.ToString().ToLowerInvariant()} {Protocol(acl.Protocol)} {acl.PortRange?.ToString() ?? ""} {acl.Cidr}".Replace("  ", " ", StringComparison.Ordinal));
        if (hop.SecurityGroupRule is { } sg)
            parts.Add(string.Join(' ', new[] { "rule", sg.RuleId.Value, Protocol(sg.Protocol), Ports(sg), sg.Direction == TrafficDirection.Ingress ? "from" : "to", sg.Peer }.Where(w => w.Length > 0)));
        if (hop.Route is { } route)
            parts.Add($"route {route.Destination}{(route.MatchedCidr is { } matched ? $" ({matched})" : "")} → {route.TargetId}{(route.State == Model.RouteState.Blackhole ? " (blackhole)" : "")}");
        if (hop.PeeringPath is { } path)
            parts.Add(path == TrafficPath.InterRegionPeering ? "inter-Region (traffic-path 5)" : "intra-Region (traffic-path 4)");
        if (hop.EndpointZone is { } zone)
            parts.Add($"{zone.ServiceName} · {zone.Summary}");
        return parts.Count == 0 ? "" : "  [grey]" + Markup.Escape(string.Join(" · ", parts)) + "[/]";
    }

    private static string Protocol(string protocol) => protocol == "-1" ? "all traffic" : protocol;

    private static string Ports(SecurityGroupRuleRef rule) =>
        rule.FromPort == -1 ? "" : rule.FromPort == rule.ToPort ? $"{rule.FromPort}" : $"{rule.FromPort}-{rule.ToPort}";

    private static string Describe(ComponentRef? component)
    {
        if (component is null)
            return "?";
        var kind = component.Kind switch
        {
            ComponentKind.NetworkInterface => "interface",
            ComponentKind.Instance => "instance",
            ComponentKind.SecurityGroup => "security group",
            ComponentKind.NetworkAcl => "network ACL",
            ComponentKind.RouteTable => "route table",
            ComponentKind.Subnet => "subnet",
            ComponentKind.Vpc => "VPC",
            ComponentKind.InternetGateway => "internet gateway",
            ComponentKind.EgressOnlyInternetGateway => "egress-only internet gateway",
            ComponentKind.NatGateway => "NAT gateway",
            ComponentKind.VpcPeeringConnection => "VPC peering connection",
            ComponentKind.Internet => "internet",
            ComponentKind.AmazonDnsResolver => "Amazon DNS resolver",
            ComponentKind.InstanceMetadataService => "instance metadata service",
            ComponentKind.GatewayEndpoint => "gateway endpoint",
            ComponentKind.AwsService => "AWS service",
            ComponentKind.InterfaceEndpoint => "interface endpoint",
            ComponentKind.S3Bucket => "S3 bucket",
            ComponentKind.LoadBalancer => "load balancer",
            _ => component.Kind.ToString(),
        };
        if (component.Kind is ComponentKind.Internet or ComponentKind.AmazonDnsResolver or ComponentKind.InstanceMetadataService or ComponentKind.AwsService)
            return $"{kind} {component.Id}";
        return component.Name == component.Id ? $"{kind} {component.Id}" : $"{kind} {component.Name} ({component.Id})";
    }
}
