using VpcLab.Model;
using VpcLab.Net;

namespace VpcLab.Engine;

/// <summary>A request resolved against one compiled network: the 5-tuple and the source interface's index for
/// <see cref="CompiledNetwork.Decide"/> (−1 when the source is the internet).</summary>
public readonly record struct ResolvedFlow(FlowKey Flow, int SourceInterfaceIndex);
