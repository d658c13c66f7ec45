using System.Collections.Immutable;

namespace VpcLab.Engine.Tests.TestWorlds;

/// <summary>A Batfish-style check of a trace's shape (Batfish: every hop after the first is entered through an
/// interface, and the last hop carries the disposition), written for what VpcLab's Trace model allows, where hops
/// are AWS components rather than routers:
/// <list type="number">
/// <item>Sequence numbers run 1..n. The first hop sends the packet: the source interface, the internet, or (return
/// path of a gateway endpoint flow) the AWS service; its header is the flow (forward) or the mirror of the forward
/// path's last header (return).</item>
/// <item>Each hop follows from the one before by <see cref="Successors"/>: the packet only reaches a component the
/// data plane can hand it to (a route table leads to a gateway, a peering, an endpoint or an inbound NACL; a peering
/// to the peer subnet's NACL; …). Security groups never appear on the return path (they are stateful).</item>
/// <item>Every hop after the first that enters an interface (its security groups inbound, the interface itself)
/// enters it through that subnet's inbound NACL, unless the packet comes from the same subnet; filters name the
/// subnet of the interface they guard.</item>
/// <item>Headers change only at a Translated hop.</item>
/// <item>The verdict is on the last hop: Dropped (with the trace's first explanation, at <see cref="Trace.DroppedAt"/>)
/// on the path the trace says dropped, else Delivered at an interface, the internet, an AWS service, the DNS resolver or
/// the metadata service. No other hop is Dropped or Delivered. An accepted flow's reply is delivered back to its
/// source; the return path is empty only when the request was dropped or answered by the resolver or metadata
/// service, or when the flow is a one-way message (<see cref="FlowKey.HasReply"/> false: an ICMP error, an echo reply
/// on its own), which never has one: its verdict is its forward path's.</item>
/// </list></summary>
public static class TraceShape
{
    public enum HopClass
    {
        SourceInterface,
        SourceInternet,
        SourceService,
        SecurityGroupEgress,
        SecurityGroupIngress,
        AclEgress,
        AclIngress,
        RouteTable,
        SubnetLookup,
        Interface,
        NatGateway,
        InternetGateway,
        EgressOnlyInternetGateway,
        Peering,
        GatewayEndpoint,
        InterfaceEndpoint,
        Service,
        InternetIn,
        InternetOut,
        LinkLocalService,
        /// <summary>A Network Load Balancer node: takes the connection (Forwarded), sends it on to a target or back
        /// to the client (Translated).</summary>
        LoadBalancer,
    }

    private static readonly HopClass[] FromSubnet = [HopClass.SubnetLookup, HopClass.AclEgress, HopClass.RouteTable,
        HopClass.SecurityGroupIngress, HopClass.Interface, HopClass.NatGateway, HopClass.LoadBalancer];

    private static readonly HopClass[] Arrival = [HopClass.AclIngress, HopClass.SecurityGroupIngress, HopClass.Interface,
        HopClass.NatGateway, HopClass.LoadBalancer];

    /// <summary>Which hop may follow which: the data plane's hand-offs (docs/semantics.md describes each).</summary>
    public static readonly IReadOnlyDictionary<HopClass, HopClass[]> Successors = new Dictionary<HopClass, HopClass[]>
    {
        [HopClass.SourceInterface] = [HopClass.SecurityGroupEgress, HopClass.LinkLocalService, .. FromSubnet],
        [HopClass.SourceInternet] = [HopClass.InternetGateway, HopClass.EgressOnlyInternetGateway],
        [HopClass.SourceService] = [HopClass.GatewayEndpoint],
        [HopClass.SecurityGroupEgress] = FromSubnet,
        // A target's reply goes back to the load balancer node that forwarded it without a route (AWS keeps the
        // connection there): out of the target subnet's NACL straight into the node subnet's.
        [HopClass.AclEgress] = [HopClass.RouteTable, HopClass.AclIngress],
        [HopClass.RouteTable] = [.. Arrival, HopClass.Peering, HopClass.InternetGateway, HopClass.EgressOnlyInternetGateway,
            HopClass.GatewayEndpoint],
        [HopClass.AclIngress] = [HopClass.SecurityGroupIngress, HopClass.Interface, HopClass.NatGateway, HopClass.LoadBalancer],
        [HopClass.SecurityGroupIngress] = [HopClass.Interface, HopClass.LoadBalancer],
        [HopClass.LoadBalancer] = [HopClass.LoadBalancer, HopClass.SecurityGroupEgress, HopClass.InterfaceEndpoint, .. FromSubnet],
        [HopClass.Interface] = [HopClass.SecurityGroupEgress, HopClass.InterfaceEndpoint, .. FromSubnet],
        [HopClass.NatGateway] = FromSubnet,
        [HopClass.Peering] = [HopClass.AclIngress],
        [HopClass.InternetGateway] = [HopClass.InternetOut, HopClass.InternetIn, HopClass.RouteTable, HopClass.AclIngress],
        [HopClass.EgressOnlyInternetGateway] = [HopClass.InternetOut, HopClass.InternetIn, HopClass.AclIngress],
        [HopClass.InternetIn] = [HopClass.InternetGateway, HopClass.EgressOnlyInternetGateway],
        [HopClass.GatewayEndpoint] = [HopClass.Service, HopClass.AclIngress],
        // PrivateLink: the endpoint hands the connection to a provider's load balancer node (its NACL, groups), and
        // the node's reply back to the endpoint, which sends it to the client through its subnet.
        [HopClass.InterfaceEndpoint] = [HopClass.Service, HopClass.InterfaceEndpoint, .. Arrival, .. FromSubnet],
        [HopClass.SubnetLookup] = [],
        [HopClass.Service] = [],
        [HopClass.InternetOut] = [],
        [HopClass.LinkLocalService] = [],
    };

    /// <summary>Fails the test with every broken rule and the trace when the shape is wrong.</summary>
    public static Trace AssertWellFormed(this Trace trace)
    {
        var problems = Violations(trace);
        Assert.True(problems.Count == 0, string.Join('\n', problems) + "\n" + trace);
        return trace;
    }

    public static List<string> Violations(Trace trace)
    {
        var problems = new List<string>();
        bool forwardDropped = trace.Verdict == Verdict.Dropped && trace.DroppedOn == PathDirection.Forward;
        bool returnDropped = trace.Verdict == Verdict.Dropped && trace.DroppedOn == PathDirection.Return;
        if (trace.Verdict == Verdict.Dropped && (trace.DroppedOn is null || trace.DroppedAt is null || trace.Explanations.IsDefaultOrEmpty))
            problems.Add("a dropped trace names where, on which path and why");
        if (trace.Verdict == Verdict.Accepted && (trace.DroppedOn is not null || trace.DroppedAt is not null))
            problems.Add("an accepted trace names no drop");
        CheckPath(trace, trace.Forward, PathDirection.Forward, forwardDropped, problems);
        bool toLinkLocal = !forwardDropped && trace.Forward.Length > 0 && Classes(trace.Forward, trace.Forward.Length - 1, PathDirection.Forward)
            .Contains(HopClass.LinkLocalService);
        if (trace.OneWay != !trace.Flow.HasReply)
            problems.Add("a trace is one-way exactly when its flow has no reply");
        if (forwardDropped || toLinkLocal || trace.OneWay)
        {
            if (!trace.Return.IsDefaultOrEmpty)
                problems.Add("no return path after a forward drop, a link-local service or a one-way message");
            if (returnDropped)
                problems.Add("a flow without a return path is not dropped on one");
            return problems;
        }
        if (trace.Return.IsDefaultOrEmpty)
        {
            problems.Add("a request that got through has a return path");
            return problems;
        }
        var mirror = trace.Forward[^1].OutboundHeader;
        if (trace.Return[0].OutboundHeader != PacketHeader.From(mirror.ToFlowKey().Reply()))
            problems.Add($"the return path starts with the forward path's last header mirrored ({mirror})");
        CheckPath(trace, trace.Return, PathDirection.Return, returnDropped, problems);
        if (trace.Verdict == Verdict.Accepted)
            CheckHome(trace, problems);
        return problems;
    }

    private static void CheckHome(Trace trace, List<string> problems)
    {
        var last = trace.Return[^1];
        var first = trace.Forward[0];
        if (last.Component.Kind != first.Component.Kind || (first.Component.Kind == ComponentKind.NetworkInterface && last.Component.Id != first.Component.Id))
            problems.Add($"the reply of an accepted flow is delivered back to its source {first.Component}");
        if (last.OutboundHeader.Destination != trace.Flow.Source || last.OutboundHeader.Source != trace.Flow.Destination)
            problems.Add("the reply of an accepted flow mirrors the request");
    }

    private static void CheckPath(Trace trace, ImmutableArray<Hop> hops, PathDirection path,
        bool dropped, List<string> problems)
    {
        string where = path == PathDirection.Forward ? "forward" : "return";
        if (hops.IsDefaultOrEmpty)
        {
            problems.Add($"{where}: a path has at least its first hop");
            return;
        }
        var first = hops[0];
        if (path == PathDirection.Forward && first.OutboundHeader != PacketHeader.From(trace.Flow))
            problems.Add($"{where}: the first hop sends the flow itself");
        for (int i = 0; i < hops.Length; i++)
            CheckHop(hops, i, path, dropped, problems);
        var last = hops[^1];
        if (dropped && !(last.Component == trace.DroppedAt && last.Explanations.Contains(trace.Explanations[0])))
            problems.Add($"{where}: the last hop is where the trace says it dropped, with its first explanation");
        if (!dropped && last.Action != HopAction.Delivered)
            problems.Add($"{where}: a path that was not dropped ends Delivered");
    }

    private static void CheckHop(ImmutableArray<Hop> hops, int i, PathDirection path, bool dropped,
        List<string> problems)
    {
        var hop = hops[i];
        string at = $"{(path == PathDirection.Forward ? "forward" : "return")} hop {i + 1} ({hop.Component})";
        bool last = i == hops.Length - 1;
        if (hop.SequenceNumber != i + 1)
            problems.Add($"{at}: sequence number {hop.SequenceNumber}");
        if (hop.Action == HopAction.Dropped && !(last && dropped))
            problems.Add($"{at}: only the last hop of the dropped path is Dropped");
        if (hop.Action == HopAction.Delivered && !last)
            problems.Add($"{at}: only the last hop is Delivered");
        var classes = Classes(hops, i, path);
        if (classes.Count == 0)
            problems.Add($"{at}: {hop.Action} is not something this component does here");
        if (path == PathDirection.Return && classes.Any(c => c is HopClass.SecurityGroupEgress or HopClass.SecurityGroupIngress))
            problems.Add($"{at}: security groups are stateful: none on the return path");
        if (i == 0)
            return;
        var previous = Classes(hops, i - 1, path);
        if (!previous.Any(p => Successors[p].Any(classes.Contains)))
            problems.Add($"{at}: cannot follow {hops[i - 1].Component} ({string.Join('/', previous)} → {string.Join('/', classes)})");
        if (hop.Action != HopAction.Translated && hop.OutboundHeader != hops[i - 1].OutboundHeader)
            problems.Add($"{at}: the header changes only at a Translated hop");
        CheckEntry(hops, i, classes, previous, at, problems);
    }

    /// <summary>An interface is entered through its subnet's inbound NACL, unless the packet comes from the same
    /// subnet; its filters name its subnet.</summary>
    private static void CheckEntry(ImmutableArray<Hop> hops, int i, List<HopClass> classes,
        List<HopClass> previous, string at, List<string> problems)
    {
        var hop = hops[i];
        bool entersInterface = classes.Contains(HopClass.Interface) || classes.Contains(HopClass.SecurityGroupIngress);
        if (!entersInterface || hop.Subnet is null)
            return;
        if (previous.Contains(HopClass.AclIngress) || previous.Contains(HopClass.SecurityGroupIngress))
        {
            if (hops[i - 1].Subnet != hop.Subnet)
                problems.Add($"{at}: entered through {hops[i - 1].Component} of another subnet");
            return;
        }
        // The packet comes from the subnet of the last component before it that sits in one.
        var sender = hops.Take(i).LastOrDefault(h => h.Subnet is not null);
        if (sender?.Subnet is { } from && from != hop.Subnet)
            problems.Add($"{at}: entered from {from.Id} without its subnet's inbound NACL");
    }

    /// <summary>What a hop can be, from its kind, direction, position and action (a Dropped hop lost its action, so
    /// an internet hop that dropped may have been either way).</summary>
    public static List<HopClass> Classes(ImmutableArray<Hop> hops, int i, PathDirection path)
    {
        var hop = hops[i];
        var a = hop.Action;
        bool dropped = a == HopAction.Dropped;
        bool Is(params HopAction[] allowed) => dropped || allowed.Contains(a);
        var result = new List<HopClass>();
        switch (hop.Component.Kind)
        {
            case ComponentKind.SecurityGroup or ComponentKind.NetworkInterface when hop.Direction is { } d:
                if (Is(HopAction.Forwarded))
                    result.Add(d == TrafficDirection.Egress ? HopClass.SecurityGroupEgress : HopClass.SecurityGroupIngress);
                break;
            case ComponentKind.NetworkInterface when i == 0:
                if (Is(HopAction.Sent))
                    result.Add(HopClass.SourceInterface);
                break;
            case ComponentKind.NetworkInterface:
                if (Is(HopAction.Forwarded, HopAction.Delivered))
                    result.Add(HopClass.Interface);
                break;
            case ComponentKind.NetworkAcl when hop.Direction is { } d:
                if (Is(HopAction.Forwarded))
                    result.Add(d == TrafficDirection.Egress ? HopClass.AclEgress : HopClass.AclIngress);
                break;
            case ComponentKind.RouteTable when Is(HopAction.Forwarded):
                result.Add(HopClass.RouteTable);
                break;
            case ComponentKind.Subnet when Is(HopAction.Forwarded):
                result.Add(HopClass.SubnetLookup);
                break;
            case ComponentKind.NatGateway when Is(HopAction.Forwarded, HopAction.Translated):
                result.Add(HopClass.NatGateway);
                break;
            case ComponentKind.InternetGateway when Is(HopAction.Forwarded, HopAction.Translated):
                result.Add(HopClass.InternetGateway);
                break;
            case ComponentKind.EgressOnlyInternetGateway when Is(HopAction.Forwarded):
                result.Add(HopClass.EgressOnlyInternetGateway);
                break;
            case ComponentKind.VpcPeeringConnection when Is(HopAction.Forwarded):
                result.Add(HopClass.Peering);
                break;
            case ComponentKind.GatewayEndpoint when Is(HopAction.Forwarded):
                result.Add(HopClass.GatewayEndpoint);
                break;
            case ComponentKind.LoadBalancer when Is(HopAction.Forwarded, HopAction.Translated):
                result.Add(HopClass.LoadBalancer);
                break;
            case ComponentKind.InterfaceEndpoint when Is(HopAction.Forwarded, HopAction.Translated):
                result.Add(HopClass.InterfaceEndpoint);
                break;
            case ComponentKind.AwsService when i == 0 && path == PathDirection.Return:
                if (Is(HopAction.Sent))
                    result.Add(HopClass.SourceService);
                break;
            case ComponentKind.AwsService when Is(HopAction.Delivered):
                result.Add(HopClass.Service);
                break;
            case ComponentKind.AmazonDnsResolver or ComponentKind.InstanceMetadataService when Is(HopAction.Delivered):
                result.Add(HopClass.LinkLocalService);
                break;
            case ComponentKind.Internet when i == 0:
                if (Is(HopAction.Sent))
                    result.Add(HopClass.SourceInternet);
                break;
            case ComponentKind.Internet:
                if (Is(HopAction.Sent))
                    result.Add(HopClass.InternetIn);
                if (Is(HopAction.Delivered))
                    result.Add(HopClass.InternetOut);
                break;
        }
        return result;
    }
}
