using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>One route: a destination (CIDR or prefix list) and one target. Whether it is active or a
/// blackhole is not stored: it follows from whether the target still works (see Network.RouteState).</summary>
public sealed record Route(RouteDestination Destination, RouteTarget Target, RouteOrigin Origin)
{
    public bool IsLocal => Target.Kind == RouteTargetKind.Local;
}
