using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

/// <summary>What a Network Load Balancer node does with a connection, decided when the network is compiled: per
/// node interface, one <see cref="BalancerRoute"/> per listener (its port and protocols, the target chosen for
/// this node, or why there is none). The routes are filled last (<see cref="LoadBalancerCompiler"/>), because
/// choosing a healthy target walks the nodes' health checks through the compiled network itself.</summary>
internal sealed class LoadBalancerTables
{
    public static LoadBalancerTables None(int interfaces) => new()
    {
        Balancers = [],
        BalancerOfInterface = Enumerable.Repeat(-1, interfaces).ToArray(),
        RouteStart = new int[interfaces + 1],
    };

    public required LoadBalancer[] Balancers { get; init; }

    /// <summary>Per compiled interface: the load balancer whose node it is, else −1.</summary>
    public required int[] BalancerOfInterface { get; init; }

    /// <summary>Per compiled interface (plus one): where its routes start in <see cref="Routes"/>.</summary>
    public int[] RouteStart { get; set; } = [];

    public BalancerRoute[] Routes { get; set; } = [];

    /// <summary>Per compiled interface: whether it is a node whose address its load balancer's DNS name answers with
    /// (<see cref="LoadBalancerCompiler"/>, DNS fail-away and fail-open).</summary>
    public bool[] InDns { get; set; } = [];
}

/// <summary>One listener as seen by one node: connections on <see cref="Port"/> (TCP and/or UDP) go to
/// <see cref="Target"/>:<see cref="TargetPort"/>, with the client's address kept when
/// <see cref="PreserveClientIp"/>; <see cref="Failure"/> says why they go nowhere.</summary>
internal readonly record struct BalancerRoute(ushort Port, bool Tcp, bool Udp, DropReason Failure, IpAddress Target,
    ushort TargetPort, bool PreserveClientIp);
