using System.Runtime.CompilerServices;
using VpcLab.Engine.Compilation;
using VpcLab.Engine.Dns;
using VpcLab.Engine.Walk;
using VpcLab.Model;

namespace VpcLab.Engine;

/// <summary>A <see cref="Network"/> snapshot compiled into arrays and lookup tables (<see cref="NetworkCompiler"/>).
/// Immutable and thread-safe: compile once per snapshot, cache it, and answer flows from any thread.
/// <see cref="Decide"/> answers a flow without allocating; <see cref="Trace(TraceRequest)"/> explains it hop by hop;
/// <see cref="Observe"/> records what each interface saw, for flow logs. All three run the same walk.</summary>
public sealed class CompiledNetwork
{
    private readonly CompiledModels _models;
    private readonly Router _router;
    private readonly TraceComponents _components;
    private readonly FlowResolver _resolver;

    internal CompiledNetwork(CompiledModels models, Topology topology, AddressTables addresses, RoutingTables routing,
        FilterTables filters)
    {
        _models = models;
        Topology = topology;
        Routing = routing;
        _router = new Router(topology, addresses, routing, filters);
        _components = new TraceComponents(models, topology, filters, routing);
        _resolver = new FlowResolver(models, topology, addresses, _components);
    }

    internal Topology Topology { get; }

    internal RoutingTables Routing { get; }

    /// <summary>The snapshot this was compiled from.</summary>
    public Network Network => _models.Network;

    public int InterfaceCount => _models.Interfaces.Length;

    private static readonly ConditionalWeakTable<Network, CompiledNetwork> Cache = [];

    /// <summary>Compiles a snapshot. Costs time and memory proportional to the world; do it once per snapshot.</summary>
    public static CompiledNetwork Compile(Network network)
    {
        var compiled = NetworkCompiler.Compile(network);
        Cache.AddOrUpdate(network, compiled);
        return compiled;
    }

    /// <summary>The compiled form of a snapshot: the last one <see cref="Compile"/> made while the snapshot lives, else
    /// a new one (what the DNS answer of a load balancer needs to know its targets' health).</summary>
    public static CompiledNetwork For(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Cache.TryGetValue(network, out var compiled) ? compiled : Compile(network);
    }

    /// <summary>Whether the DNS name of <paramref name="node"/>'s load balancer answers with the node's addresses: its
    /// zone has a healthy target in every target group, or no zone has (fail-open); docs/semantics.md#nlb-dns-failover.</summary>
    public bool AnswersInDns(LoadBalancerNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        int eni = InterfaceIndexOf(node.NetworkInterfaceId);
        var inDns = Topology.LoadBalancers.InDns;
        return eni < 0 || eni >= inDns.Length || inDns[eni];
    }

    /// <summary>The index <see cref="Decide"/> takes for an interface, or −1 when the snapshot has no such interface.</summary>
    public int InterfaceIndexOf(NetworkInterfaceId id) => _models.InterfaceIndex.GetValueOrDefault(id, -1);

    public NetworkInterfaceId InterfaceIdAt(int index) => _models.Interfaces[index].Id;

    /// <summary>The model interface at a compiled index (its subnet, VPC, owner, addresses...).</summary>
    public NetworkInterface InterfaceAt(int index) => _models.Interfaces[index];

    /// <summary>Decides one flow without allocating: forward path, then the reply when it has one
    /// (<see cref="FlowKey.HasReply"/>). <paramref name="sourceInterfaceIndex"/>
    /// is the sending interface (<see cref="InterfaceIndexOf"/>), or −1 when the flow comes from the internet.</summary>
    public Decision Decide(in FlowKey flow, int sourceInterfaceIndex) =>
        _router.Run(default(NullRecorder), default(NullRecorder), in flow, sourceInterfaceIndex);

    /// <summary>Decides a flow like <see cref="Decide"/> and records what every interface on its forward and return
    /// paths saw (<see cref="InterfaceObservation"/>): the raw material of flow logs. Reuse
    /// <paramref name="into"/> across calls; it is cleared first.</summary>
    public Decision Observe(in FlowKey flow, int sourceInterfaceIndex, FlowObservations into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        var (forward, reply) = into.Recorders(this);
        var decision = _router.Run(forward, reply, in flow, sourceInterfaceIndex);
        into.Decision = decision;
        return decision;
    }

    /// <summary>Traces a resolved flow (the same inputs as <see cref="Decide"/>).</summary>
    public Trace Trace(in FlowKey flow, int sourceInterfaceIndex)
    {
        var forward = new TraceBuilder(_components);
        var back = new TraceBuilder(_components);
        var decision = _router.Run(forward, back, in flow, sourceInterfaceIndex);
        var failed = decision.Verdict == Verdict.Dropped
            ? (decision.DroppedOn == PathDirection.Forward ? forward : back)
            : null;
        return new Trace(flow, decision.Verdict, forward.Build(), back.Build(),
            failed?.DroppedAt, failed is null ? null : decision.DroppedOn,
            failed?.DropExplanations ?? [])
        {
            Reason = decision.Reason,
        };
    }

    /// <summary>Traces a request: resolves its endpoints, then walks the forward and return paths hop by hop.</summary>
    /// <exception cref="TraceRequestException">An endpoint does not exist or lacks an address of the family asked.</exception>
    public Trace Trace(TraceRequest request)
    {
        var resolved = Resolve(request);
        var trace = Trace(resolved.Flow, resolved.SourceInterfaceIndex);
        if (trace.Verdict == Verdict.Dropped && _resolver.Disconnected(request, resolved) is { } disconnected)
            trace = trace with { Explanations = trace.Explanations.Add(disconnected) };
        return trace;
    }

    /// <summary>Traces a request whose endpoints came from DNS names (<see cref="EndpointResolver.Resolutions"/>): the
    /// trace carries the answers, and when the flow is dropped on its way to an AWS service's public address that a
    /// service name resolved to (private DNS not used), the explanations say why the name gave that address.</summary>
    public Trace Trace(TraceRequest request, IReadOnlyList<DnsAnswer> resolutions)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        var trace = Trace(request) with { Resolutions = [.. resolutions] };
        if (trace.Verdict != Verdict.Dropped)
            return trace;
        foreach (var answer in resolutions)
        {
            if (answer.Rule != DnsRule.ServicePublicName || !answer.Addresses.Contains(trace.Flow.Destination))
                continue;
            var explanation = new Explanation(ExplanationCode.ServiceNameResolvedToPublicAddress, Component: trace.DroppedAt)
            {
                Address = trace.Flow.Destination,
                Message = $"{answer.Name} resolved to {trace.Flow.Destination}, {answer.Explanation}. "
                    + "That address needs a way out (internet or NAT gateway); to use the interface endpoint instead, turn its "
                    + "private DNS on (with the VPC's DNS support and hostnames on) or use the endpoint's own DNS name.",
            };
            return trace with { Explanations = trace.Explanations.Add(explanation) };
        }
        return trace;
    }

    /// <summary>Resolves a request's endpoints to a 5-tuple and the source interface's index.</summary>
    /// <exception cref="TraceRequestException">An endpoint does not exist or lacks an address of the family asked.</exception>
    public ResolvedFlow Resolve(TraceRequest request) => _resolver.Resolve(request);
}
