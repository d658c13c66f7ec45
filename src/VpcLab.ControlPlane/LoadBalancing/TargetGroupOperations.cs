using System.Collections.Immutable;
using VpcLab.ControlPlane.Errors;
using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.ControlPlane;

/// <summary>Network Load Balancer target groups and their targets (instances by id, or IP addresses), their health
/// check settings and attributes (client IP preservation, cross-zone). Whether a target is healthy is the data
/// plane's answer; this class says which targets are <c>unused</c> and why. docs/semantics.md#network-load-balancers.</summary>
public sealed class TargetGroupOperations
{
    private readonly ControlPlaneState _state;

    internal TargetGroupOperations(ControlPlaneState state)
    {
        _state = state;
    }

    public TargetGroup CreateTargetGroup(RequestContext ctx, CreateTargetGroupRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var name = ElbParts.CheckName(request.Name, "Target group");
            var type = request.TargetType switch
            {
                null or "instance" => TargetType.Instance,
                "ip" => TargetType.Ip,
                _ => throw ElbErrors.Validation($"VpcLab models target groups of type 'instance' and 'ip' only, not '{request.TargetType}'"),
            };
            var protocol = ElbParts.ParseProtocol(request.Protocol, "Protocol");
            var port = ElbParts.CheckPort(request.Port, "Port");
            if (request.VpcId is null)
                throw ElbErrors.MissingParameter("VpcId");
            var vpc = tx.Find(ResourceKinds.Vpc, request.VpcId) ?? throw ElbErrors.Validation($"The VPC ID '{request.VpcId}' is not found");
            var healthCheck = HealthCheck(request, protocol);
            var existing = tx.Where(IndexedKinds.TargetGroup, IndexedKinds.ElbNameLink, name).FirstOrDefault(g => tx.Owned(g.OwnerId, g.Region));
            if (existing is not null)
            {
                return existing.Protocol == protocol && existing.Port == port && existing.VpcId == vpc.Id && existing.TargetType == type
                    ? existing : throw ElbErrors.DuplicateTargetGroupName(name);
            }
            var arn = new TargetGroupArn($"{ElbParts.ArnPrefix(tx)}targetgroup/{name}/{ElbParts.NewShortId(tx)}");
            var group = new TargetGroup(arn, name, tx.Account, tx.RegionName, vpc.Id, protocol, port, type, [], healthCheck,
                DefaultAttributes(type, protocol));
            ElbParts.Put(tx, group);
            ElbParts.ApplyTags(tx, arn.Value, request.Tags);
            return group;
        });

    /// <summary>AWS's defaults for a Network Load Balancer target group: TCP checks on the traffic port every 30 s,
    /// timeout 10 s, 5 successes to become healthy and 2 failures to become unhealthy; HTTP and HTTPS checks are
    /// allowed too, UDP is not a health check protocol.</summary>
    private static TargetGroupHealthCheck HealthCheck(CreateTargetGroupRequest request, TargetGroupProtocol protocol)
    {
        var checkProtocol = request.HealthCheckProtocol ?? "TCP";
        if (checkProtocol is not ("TCP" or "HTTP" or "HTTPS"))
            throw ElbErrors.Validation($"Health check protocol '{checkProtocol}' is not supported for target groups with the {ElbParts.ProtocolName(protocol)} protocol");
        var port = request.HealthCheckPort ?? TargetGroupHealthCheck.TrafficPort;
        if (port != TargetGroupHealthCheck.TrafficPort
            && !(int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 65535))
            throw ElbErrors.Validation($"Health check port '{port}' must be 'traffic-port' or a port between 1 and 65535");
        int interval = Range(request.HealthCheckIntervalSeconds ?? 30, 5, 300, "HealthCheckIntervalSeconds");
        int timeout = Range(request.HealthCheckTimeoutSeconds ?? 10, 2, 120, "HealthCheckTimeoutSeconds");
        int healthy = Range(request.HealthyThresholdCount ?? 5, 2, 10, "HealthyThresholdCount");
        int unhealthy = Range(request.UnhealthyThresholdCount ?? 2, 2, 10, "UnhealthyThresholdCount");
        return new TargetGroupHealthCheck(checkProtocol, port, request.HealthCheckEnabled ?? true, interval, timeout, healthy, unhealthy,
            checkProtocol == "TCP" ? null : request.HealthCheckPath ?? "/");
    }

    private static int Range(int value, int min, int max, string parameter) =>
        value >= min && value <= max ? value
        : throw ElbErrors.Validation($"'{value}' at '{char.ToLowerInvariant(parameter[0])}{parameter[1..]}' failed to satisfy constraint: Member must have value between {min} and {max}");

    private static ImmutableSortedDictionary<string, string> DefaultAttributes(TargetType type, TargetGroupProtocol protocol)
    {
        var preserve = protocol is TargetGroupProtocol.Udp or TargetGroupProtocol.TcpUdp || type == TargetType.Instance;
        return ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["deregistration_delay.timeout_seconds"] = "300",
            ["deregistration_delay.connection_termination.enabled"] = "false",
            [TargetGroup.PreserveClientIpAttribute] = preserve ? "true" : "false",
            ["proxy_protocol_v2.enabled"] = "false",
            ["stickiness.enabled"] = "false",
            ["stickiness.type"] = "source_ip",
            [TargetGroup.CrossZoneAttribute] = TargetGroup.UseLoadBalancerConfiguration,
            ["target_health_state.unhealthy.connection_termination.enabled"] = "true",
            ["target_health_state.unhealthy.draining_interval_seconds"] = "0",
        });
    }

    public IReadOnlyList<TargetGroup> DescribeTargetGroups(RequestContext ctx, DescribeTargetGroupsRequest request) =>
        _state.Read(ctx, null, tx =>
        {
            var all = tx.Mine(IndexedKinds.TargetGroup);
            Func<TargetGroup, bool> within = _ => true;
            if (request.LoadBalancerArn is { } lbArn)
            {
                // The groups its listeners forward to, looked up one by one (not the caller's every group).
                var lb = ElbParts.RequireLoadBalancer(tx, lbArn);
                var used = tx.Where(IndexedKinds.Listener, IndexedKinds.ListenerLoadBalancerLink, lb.Arn.Value).Select(l => l.DefaultTargetGroupArn).ToHashSet();
                all = used.Select(tx.N.TargetGroups.GetValueOrDefault).OfType<TargetGroup>().Where(g => tx.Owned(g.OwnerId, g.Region));
                within = g => used.Contains(g.Arn);
            }
            return ElbParts.Select(tx, IndexedKinds.TargetGroup, all, within, request.TargetGroupArns, request.Names,
                missing => ElbErrors.TargetGroupsNotFound()).ToList();
        });

    /// <summary>AWS: a target group used by a listener cannot be deleted (ResourceInUse); deleting one that does not
    /// exist succeeds.</summary>
    public EmptyResult DeleteTargetGroup(RequestContext ctx, DeleteTargetGroupRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            if (request.TargetGroupArn is null)
                throw ElbErrors.MissingParameter("TargetGroupArn");
            if (ElbParts.FindTargetGroup(tx, request.TargetGroupArn) is not { } group)
                return EmptyResult.Instance;
            if (tx.Where(IndexedKinds.Listener, IndexedKinds.ListenerTargetGroupLink, group.Arn.Value).Any())
                throw ElbErrors.TargetGroupInUse(group.Arn.Value);
            tx.Remove(group.Arn);
            tx.RemoveTags(group.Arn.Value);
            return EmptyResult.Instance;
        });

    public ImmutableSortedDictionary<string, string> DescribeTargetGroupAttributes(RequestContext ctx, TargetGroupAttributesRequest request) =>
        _state.Read(ctx, null, tx => ElbParts.RequireTargetGroup(tx, request.TargetGroupArn).Attributes);

    /// <summary>AWS: client IP preservation cannot be turned off for UDP and TCP_UDP target groups; cross-zone takes
    /// true, false or use_load_balancer_configuration.</summary>
    public ImmutableSortedDictionary<string, string> ModifyTargetGroupAttributes(RequestContext ctx, TargetGroupAttributesRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var group = ElbParts.RequireTargetGroup(tx, request.TargetGroupArn);
            var attributes = ElbParts.ChangeAttributes(group.Attributes, request.Attributes, "Target group", (key, value) =>
            {
                if (key == TargetGroup.PreserveClientIpAttribute && value == "false" && group.Protocol is TargetGroupProtocol.Udp or TargetGroupProtocol.TcpUdp)
                    throw ElbErrors.Validation("Client IP preservation cannot be disabled for target groups with the UDP or TCP_UDP protocol");
                if (key == TargetGroup.CrossZoneAttribute && value is not ("true" or "false" or TargetGroup.UseLoadBalancerConfiguration))
                    throw ElbErrors.Validation($"Target group attribute value '{value}' is not valid for key '{key}'");
            });
            group = group with { Attributes = attributes };
            ElbParts.Put(tx, group);
            return group.Attributes;
        });

    public EmptyResult RegisterTargets(RequestContext ctx, TargetsRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var group = ElbParts.RequireTargetGroup(tx, request.TargetGroupArn);
            var targets = group.Targets;
            foreach (var target in Targets(request))
            {
                var port = target.Port is null ? group.Port : ElbParts.CheckPort(target.Port, "Port");
                var zone = CheckTarget(tx, group, target.Id!, target.AvailabilityZone);
                var registered = new Target(target.Id!, port, zone);
                if (!targets.Any(t => t.Id == registered.Id && t.Port == port))
                    targets = targets.Add(registered);
            }
            ElbParts.Put(tx, group with { Targets = targets });
            return EmptyResult.Instance;
        });

    /// <summary>AWS: deregistering a target that is not registered is InvalidTarget.</summary>
    public EmptyResult DeregisterTargets(RequestContext ctx, TargetsRequest request) =>
        _state.Mutate(ctx, null, tx =>
        {
            var group = ElbParts.RequireTargetGroup(tx, request.TargetGroupArn);
            var targets = group.Targets;
            foreach (var target in Targets(request))
            {
                var port = target.Port ?? group.Port;
                var found = targets.FirstOrDefault(t => t.Id == target.Id && t.Port == port)
                    ?? throw ElbErrors.InvalidTarget($"The following targets are not registered in target group '{group.Arn}': '{target.Id}'");
                targets = targets.Remove(found);
            }
            ElbParts.Put(tx, group with { Targets = targets });
            return EmptyResult.Instance;
        });

    private static IReadOnlyList<TargetDescription> Targets(TargetsRequest request)
    {
        if (request.Targets is not { Count: > 0 } targets)
            throw ElbErrors.MissingParameter("Targets");
        if (targets.Any(t => string.IsNullOrEmpty(t.Id)))
            throw ElbErrors.MissingParameter("Targets.member.N.Id");
        return targets;
    }

    /// <summary>An instance target must be a running instance of the group's VPC; an IP target an address of the VPC's
    /// blocks (or, with zone <c>all</c>, a private address outside it). Returns the zone given (<c>all</c>) or null.</summary>
    private static string? CheckTarget(Transaction tx, TargetGroup group, string id, string? zone)
    {
        if (group.TargetType == TargetType.Instance)
        {
            var instance = tx.Find(ResourceKinds.Instance, id)
                ?? throw ElbErrors.InvalidTarget($"The following targets are not valid instances: '{id}'");
            if (instance.VpcId != group.VpcId)
                throw ElbErrors.InvalidTarget($"The following targets are not in the target group VPC '{group.VpcId}': '{id}'");
            if (instance.State != InstanceState.Running)
                throw ElbErrors.InvalidTarget($"The following targets are not in a running state and cannot be registered: '{id}'");
            return null;
        }
        if (!IpAddress.TryParse(id, out var ip))
            throw ElbErrors.InvalidTarget($"The IP address '{id}' is not a valid IPv4 address");
        var vpc = tx.N.Vpcs[group.VpcId];
        bool inVpc = vpc.AssociatedCidrs.Any(c => c.Contains(ip)) || vpc.Ipv6CidrBlocks.Any(b => b.Cidr.Contains(ip));
        if (zone == LoadBalancerTargets.AllZones)
            return inVpc ? throw ElbErrors.Validation($"The Availability Zone 'all' is for IP addresses outside the VPC, not '{id}'") : LoadBalancerTargets.AllZones;
        if (!inVpc)
            throw ElbErrors.InvalidTarget($"The IP address '{id}' is not within the CIDR blocks of the target group VPC '{group.VpcId}'");
        return null;
    }

    /// <summary>DescribeTargetHealth's part that needs no packet: each target's zone and health check port, and the
    /// reason it is <c>unused</c> (group used by no load balancer, zone not enabled, instance not running).</summary>
    public DescribeTargetHealthResult DescribeTargetHealth(RequestContext ctx, TargetsRequest request) =>
        _state.Read(ctx, null, tx =>
        {
            var group = ElbParts.RequireTargetGroup(tx, request.TargetGroupArn);
            var targets = request.Targets is { Count: > 0 } asked
                ? asked.Select(a => group.Targets.FirstOrDefault(t => t.Id == a.Id && t.Port == (a.Port ?? group.Port))
                    ?? new Target(a.Id ?? "", a.Port ?? group.Port, a.AvailabilityZone)).ToList()
                : [.. group.Targets];
            var balancers = TargetGroupLoadBalancers.Of(tx, group).ToList();
            return new DescribeTargetHealthResult(group, [.. targets.Select(t => Candidate(tx, group, balancers, t))]);
        });

    private static TargetHealthCandidate Candidate(Transaction tx, TargetGroup group, List<LoadBalancer> balancers, Target target)
    {
        var n = tx.N;
        // An IP target's subnet among its VPC's subnets (the index's vpc-id postings), not a scan of every subnet.
        var zone = LoadBalancerTargets.ZoneOf(n, group, target, vpc => tx.Where(IndexedKinds.Subnet, "vpc-id", vpc.Value));
        var port = group.HealthCheck.PortFor(target);
        if (!group.Targets.Contains(target))
            return new(target, zone, port, "Target.NotRegistered", "Target is not registered to the target group");
        if (group.TargetType == TargetType.Instance && n.Instances.TryGetValue(new InstanceId(target.Id), out var i) && i.State != InstanceState.Running)
            return new(target, zone, port, "Target.InvalidState", $"Target is in the {InstanceStateName(i.State)} state");
        if (balancers.Count == 0)
            return new(target, zone, port, "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");
        if (zone != LoadBalancerTargets.AllZones && !balancers.Any(lb => lb.Nodes.Any(node => node.AvailabilityZone == zone)))
            return new(target, zone, port, "Target.NotInUse", "Target is in an Availability Zone that is not enabled for the load balancer");
        return new(target, zone, port, null, null);
    }

    private static string InstanceStateName(InstanceState state) => state.ToString().ToLowerInvariant().Replace("shuttingdown", "shutting-down", StringComparison.Ordinal);
}
