namespace VpcLab.Model;

/// <summary>How a target group's load balancer checks its targets. <see cref="Port"/> is <c>traffic-port</c> (the
/// target's own port) or a number.</summary>
public sealed record TargetGroupHealthCheck(string Protocol, string Port, bool Enabled, int IntervalSeconds, int TimeoutSeconds,
    int HealthyThresholdCount, int UnhealthyThresholdCount, string? Path)
{
    public const string TrafficPort = "traffic-port";

    /// <summary>The port a health check of <paramref name="target"/> goes to.</summary>
    public int PortFor(Target target) => Port == TrafficPort ? target.Port : int.Parse(Port, System.Globalization.CultureInfo.InvariantCulture);
}
