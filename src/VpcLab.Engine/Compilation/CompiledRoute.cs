using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine.Compilation;

internal struct CompiledRoute
{
    public RouteTargetKind Kind;
    /// <summary>Index of the target (gateway, NAT gateway, interface) in its compiled array; −1 for local.</summary>
    public int Target;
    public bool Blackhole;
    /// <summary>The route's index in the model table's Routes, for traces.</summary>
    public int ModelIndex;
}
