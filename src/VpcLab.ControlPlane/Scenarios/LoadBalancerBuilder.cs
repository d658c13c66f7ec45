using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane.Scenarios;

/// <summary>Builds a VPC's Network Load Balancer target groups (registering their targets) and load balancers (with
/// their cross-zone attribute and listeners) through the control plane's Elastic Load Balancing operations.</summary>
internal sealed class LoadBalancerBuilder(ScenarioContext context)
{
    public void Build(RequestContext ctx, VpcSpec spec, VpcId vpc)
    {
        foreach (var group in spec.TargetGroups)
            BuildTargetGroup(ctx, group, vpc);
        foreach (var lb in spec.LoadBalancers)
            BuildLoadBalancer(ctx, lb);
    }

    private void BuildTargetGroup(RequestContext ctx, TargetGroupSpec spec, VpcId vpc)
    {
        var ops = context.ControlPlane.TargetGroups;
        var group = context.Do(spec.Line, "target group", spec.Name, () => ops.CreateTargetGroup(ctx, new CreateTargetGroupRequest
        {
            Name = spec.Name, Protocol = spec.Protocol, Port = spec.Port, VpcId = vpc.Value, TargetType = spec.TargetType,
            HealthCheckPort = spec.HealthCheckPort, Tags = [new ElbTag { Key = "Name", Value = spec.Name }],
        }));
        context.Register(spec.Line, spec.Name, group.Arn.Value);
        var attributes = new List<ElbAttribute>();
        if (spec.PreserveClientIp is { } preserve)
            attributes.Add(new ElbAttribute { Key = TargetGroup.PreserveClientIpAttribute, Value = preserve ? "true" : "false" });
        if (spec.CrossZone is { } crossZone)
            attributes.Add(new ElbAttribute { Key = TargetGroup.CrossZoneAttribute, Value = crossZone });
        if (attributes.Count > 0)
            context.Do(spec.Line, "target group", spec.Name, () => ops.ModifyTargetGroupAttributes(ctx, new TargetGroupAttributesRequest
            {
                TargetGroupArn = group.Arn.Value, Attributes = attributes,
            }));
        if (spec.Targets.IsEmpty)
            return;
        // A target is an IP address as written, else the name of an instance of the scenario.
        var targets = spec.Targets.Select(t => new TargetDescription
        {
            Id = IpAddress.TryParse(t, out _) ? t : context.Resolve(spec.Line, t, "instance"),
        }).ToList();
        context.Do(spec.Line, "target group", spec.Name, () => ops.RegisterTargets(ctx, new TargetsRequest
        {
            TargetGroupArn = group.Arn.Value, Targets = targets,
        }));
    }

    private void BuildLoadBalancer(RequestContext ctx, LoadBalancerSpec spec)
    {
        var ops = context.ControlPlane.LoadBalancers;
        var lb = context.Do(spec.Line, "load balancer", spec.Name, () => ops.CreateLoadBalancer(ctx, new CreateLoadBalancerRequest
        {
            Name = spec.Name, Type = "network", Scheme = spec.Scheme, IpAddressType = spec.IpAddressType,
            Subnets = [.. spec.Subnets.Select(s => context.Resolve(spec.Line, s, "subnet"))],
            SecurityGroups = spec.SecurityGroups.IsEmpty ? null : [.. spec.SecurityGroups.Select(g => context.Resolve(spec.Line, g, "security group"))],
            Tags = [new ElbTag { Key = "Name", Value = spec.Name }],
        }));
        context.Register(spec.Line, spec.Name, lb.Arn.Value);
        if (spec.CrossZone is { } crossZone)
            context.Do(spec.Line, "load balancer", spec.Name, () => ops.ModifyLoadBalancerAttributes(ctx, new LoadBalancerAttributesRequest
            {
                LoadBalancerArn = lb.Arn.Value,
                Attributes = [new ElbAttribute { Key = LoadBalancer.CrossZoneAttribute, Value = crossZone ? "true" : "false" }],
            }));
        foreach (var listener in spec.Listeners)
        {
            context.Do(listener.Line, "listener", $"{spec.Name}:{listener.Port}", () => context.ControlPlane.Listeners.CreateListener(ctx, new CreateListenerRequest
            {
                LoadBalancerArn = lb.Arn.Value, Protocol = listener.Protocol, Port = listener.Port,
                Certificates = listener.Certificate is null ? null : [new ListenerCertificate { CertificateArn = listener.Certificate }],
                DefaultActions = [new ListenerAction { Type = "forward", TargetGroupArn = context.Resolve(listener.Line, listener.TargetGroup, "target group") }],
            }));
        }
    }
}
