using VpcLab.Net;

namespace VpcLab.Model;

/// <summary>AWS's route states: a route whose target is gone or detached is a blackhole and drops packets.</summary>
public enum RouteState
{
    Active,
    Blackhole,
}
