using VpcLab.ControlPlane.Errors;
using VpcLab.Model;

namespace VpcLab.ControlPlane;

/// <summary>Network Load Balancer listeners: a protocol and port on the load balancer and one forward action to one
/// target group of the load balancer's VPC. docs/semantics.md#network-load-balancers.</summary>
public sealed class ListenerOperations
{
    private readonly ControlPlaneState _state;

    internal ListenerOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public Listener CreateListener(RequestContext ctx, CreateListenerRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var lb = ElbParts.RequireLoadBalancer(tx, request.LoadBalancerArn);
            var protocol = ElbParts.ParseProtocol(request.Protocol, "Protocol");
            var port = ElbParts.CheckPort(request.Port, "Port");
            if (protocol == TargetGroupProtocol.Tls && request.Certificates is not { Count: > 0 })
                throw ElbErrors.CertificateRequired();
            var group = ForwardTarget(tx, request.DefaultActions);
            if (!Compatible(protocol, group.Protocol))
                throw ElbErrors.IncompatibleProtocols(ElbParts.ProtocolName(protocol), ElbParts.ProtocolName(group.Protocol));
            if (group.VpcId != lb.VpcId)
                throw ElbErrors.Validation($"The target group '{group.Arn}' is not in the VPC of the load balancer, '{lb.VpcId}'");
            if (TargetGroupLoadBalancers.Of(tx, group).Any(other => other.Arn != lb.Arn))
                throw ElbErrors.TargetGroupOnOtherLoadBalancer(group.Arn.Value);
            var existing = tx.Where(IndexedKinds.Listener, IndexedKinds.ListenerLoadBalancerLink, lb.Arn.Value).FirstOrDefault(l => l.Port == port);
            if (existing is not null)
            {
                // AWS: CreateListener is idempotent; the same port with other settings is DuplicateListener.
                return existing.Protocol == protocol && existing.DefaultTargetGroupArn == group.Arn ? existing : throw ElbErrors.DuplicateListener();
            }
            var arn = new ListenerArn($"{ElbParts.ArnPrefix(tx)}listener/net/{lb.Name}/{lb.ShortId}/{ElbParts.NewShortId(tx)}");
            var listener = new Listener(arn, lb.Arn, tx.Account, tx.RegionName, protocol, port, group.Arn)
            {
                CertificateArns = [.. (request.Certificates ?? []).Select(c => c.CertificateArn).OfType<string>()],
            };
            ElbParts.Put(tx, listener);
            ElbParts.ApplyTags(tx, arn.Value, request.Tags);
            return listener;
        });

    /// <summary>A Network Load Balancer listener has exactly one action, a forward to exactly one target group.</summary>
    private static TargetGroup ForwardTarget(Transaction tx, IReadOnlyList<ListenerAction>? actions)
    {
        if (actions is not { Count: > 0 })
            throw ElbErrors.MissingParameter("DefaultActions");
        if (actions.Count > 1 || actions[0].Type != "forward")
            throw ElbErrors.Validation("A listener of a load balancer of type 'network' must have exactly one action, of type 'forward'");
        var action = actions[0];
        var arns = (action.ForwardConfig?.TargetGroups ?? []).Select(t => t.TargetGroupArn).Append(action.TargetGroupArn)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (arns.Count == 0)
            throw ElbErrors.MissingParameter("TargetGroupArn");
        if (arns.Count > 1)
            throw ElbErrors.OneTargetGroupPerAction();
        return ElbParts.RequireTargetGroup(tx, arns[0]);
    }

    /// <summary>AWS: a TCP listener forwards to TCP or TCP_UDP groups, UDP to UDP or TCP_UDP, TLS to TLS or TCP, and
    /// TCP_UDP to TCP_UDP only.</summary>
    public static bool Compatible(TargetGroupProtocol listener, TargetGroupProtocol group) => (listener, group) switch
    {
        (TargetGroupProtocol.Tcp, TargetGroupProtocol.Tcp or TargetGroupProtocol.TcpUdp) => true,
        (TargetGroupProtocol.Udp, TargetGroupProtocol.Udp or TargetGroupProtocol.TcpUdp) => true,
        (TargetGroupProtocol.Tls, TargetGroupProtocol.Tls or TargetGroupProtocol.Tcp) => true,
        (TargetGroupProtocol.TcpUdp, TargetGroupProtocol.TcpUdp) => true,
        _ => false,
    };

    public IReadOnlyList<Listener> DescribeListeners(RequestContext ctx, DescribeListenersRequest request) =>
        _state.Read(ctx, null, tx =>
        {
            if (request.LoadBalancerArn is null && request.ListenerArns is not { Count: > 0 })
                throw ElbErrors.Validation("You must specify either listener ARNs or a load balancer ARN");
            var all = tx.Mine(IndexedKinds.Listener);
            Func<Listener, bool> within = _ => true;
            if (request.LoadBalancerArn is { } lbArn)
            {
                var lb = ElbParts.RequireLoadBalancer(tx, lbArn);
                all = tx.Where(IndexedKinds.Listener, IndexedKinds.ListenerLoadBalancerLink, lb.Arn.Value).Where(l => tx.Owned(l.OwnerId, l.Region));
                within = l => l.LoadBalancerArn == lb.Arn;
            }
            return ElbParts.Select(tx, IndexedKinds.Listener, all, within, request.ListenerArns, null, _ => ElbErrors.ListenerNotFound())
                .OrderBy(l => l.Port).ToList();
        });

    public EmptyResult DeleteListener(RequestContext ctx, DeleteListenerRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            if (request.ListenerArn is null)
                throw ElbErrors.MissingParameter("ListenerArn");
            if (!tx.N.Listeners.TryGetValue(new ListenerArn(request.ListenerArn), out var listener) || !tx.Owned(listener.OwnerId, listener.Region))
                throw ElbErrors.ListenerNotFound();
            tx.Remove(listener.Arn);
            tx.RemoveTags(listener.Arn.Value);
            return EmptyResult.Instance;
        });
}
