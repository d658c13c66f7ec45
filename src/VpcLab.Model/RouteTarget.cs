using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>What a route sends packets to. <see cref="Id"/> is the target's id ("local" for the local route).</summary>
public readonly record struct RouteTarget(RouteTargetKind Kind, string Id)
{
    public static readonly RouteTarget Local = new(RouteTargetKind.Local, "local");

    public override string ToString() => Id;
}
